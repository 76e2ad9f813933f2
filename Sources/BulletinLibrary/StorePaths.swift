/// Where bulletin keeps its files, by the XDG base directory rules: the
/// index is rebuildable, so it is cache; the reading state is the user's.
public struct StorePaths: Sendable {
    public var cache: String
    public var state: String
    public var config: String

    /// `environment`: a variable's value, or nil when unset.
    public init(environment: (String) -> String?) {
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        func base(_ variable: String, _ fallback: String) -> String {
            // The spec: a relative path in the variable is invalid and ignored.
            if let value = environment(variable), value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        cache = base("XDG_CACHE_HOME", ".cache") + "/bulletin"
        state = base("XDG_STATE_HOME", ".local/state") + "/bulletin"
        config = base("XDG_CONFIG_HOME", ".config") + "/bulletin"
    }

    public var indexFile: String { cache + "/index.sqlite" }
    public var stateFile: String { state + "/state.sqlite" }
    public var configFile: String { config + "/config.toml" }
}
