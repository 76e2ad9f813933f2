/// The XDG base directories bulletin keeps its files under: settings and
/// themes in config, the library index in cache (rebuildable), the
/// reading state in state (the user's).
public enum XDGDirectory: Sendable {
    case config, cache, state

    var variable: String {
        switch self {
        case .config: "XDG_CONFIG_HOME"
        case .cache: "XDG_CACHE_HOME"
        case .state: "XDG_STATE_HOME"
        }
    }

    /// Where it is when the variable is unset, under HOME.
    var fallback: String {
        switch self {
        case .config: ".config"
        case .cache: ".cache"
        case .state: ".local/state"
        }
    }

    /// bulletin's folder in it, or nil without the variable or HOME.
    /// `environment`: a variable's value, or nil when unset. By the spec, a
    /// relative path in the variable is invalid and ignored.
    public func bulletinFolder(environment: (String) -> String?) -> String? {
        if let value = environment(variable), value.hasPrefix("/") { return value + "/bulletin" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/" + fallback + "/bulletin"
    }
}
