import BulletinCore

/// Where bulletin keeps its databases (`XDGDirectory`): the index is
/// rebuildable, so it is cache; the reading state is the user's.
public struct StorePaths: Sendable {
    public var cache: String
    public var state: String

    /// `environment`: a variable's value, or nil when unset. Without HOME
    /// the folders are under the root, and one that cannot be made is
    /// reported where it is used.
    public init(environment: (String) -> String?) {
        cache = XDGDirectory.cache.bulletinFolder(environment: environment) ?? "/.cache/bulletin"
        state = XDGDirectory.state.bulletinFolder(environment: environment) ?? "/.local/state/bulletin"
    }

    public var indexFile: String { cache + "/index.sqlite" }
    public var stateFile: String { state + "/state.sqlite" }
}
