import BulletinCore
import BulletinThemes
import Glibc

/// `$XDG_CONFIG_HOME/bulletin/config.toml` (default `~/.config/...`):
/// the reader's settings. Every key is optional; an unknown key or a bad
/// value is an error naming the file and line, so a typo never passes
/// silently. Command-line options win over it.
public struct ReaderConfig: Equatable, Sendable {
    /// The folder opened when the reader is given no paths.
    public var library: String?
    public var theme: String?
    public var tocWidth: Int?
    /// `mark-read = "scroll"` (the default) or `"manual"` (only `m`).
    public var marksReadOnScroll = true

    public static let keys = ["library", "theme", "toc-width", "mark-read"]

    public init() {}

    /// The file's path by the XDG rules (nil without HOME or XDG_CONFIG_HOME).
    public static func path(environment: (String) -> String?) -> String? {
        XDGDirectory.config.bulletinFolder(environment: environment).map { $0 + "/config.toml" }
    }

    /// The settings at `path`; none when there is no file.
    public static func load(path: String, home: String?) throws(ConfigError) -> ReaderConfig {
        var info = stat()
        guard stat(path, &info) == 0 else { return ReaderConfig() }
        let text: String
        do {
            // Read as bulletins are: binary data or a folder is refused with its reason.
            text = try FileReader.readText(path: path)
        } catch {
            throw ConfigError(path: path, line: nil, message: "cannot be read: \(error.description)")
        }
        return try parse(text, path: path, home: home)
    }

    public static func parse(_ text: String, path: String, home: String?) throws(ConfigError) -> ReaderConfig {
        let entries: [TOMLEntry]
        do {
            entries = try TOMLDocument.parse(text)
        } catch {
            throw ConfigError(path: path, line: error.line, message: error.message)
        }
        var config = ReaderConfig()
        for entry in entries {
            func bad(_ message: String) -> ConfigError { ConfigError(path: path, line: entry.line, message: message) }
            switch (entry.key, entry.value) {
            case ("library", .string(let folder)):
                guard !folder.isEmpty else { throw bad("library: give a folder") }
                config.library = folder == "~" || folder.hasPrefix("~/") ? (home ?? "") + folder.dropFirst() : folder
            case ("theme", .string(let theme)):
                guard !theme.isEmpty else { throw bad("theme: give a theme name or file") }
                config.theme = theme
            case ("toc-width", .integer(let width)):
                guard width >= Int64(ReaderState.minimumTOCWidth), width <= 1000 else {
                    throw bad("toc-width must be \(ReaderState.minimumTOCWidth) to 1000 columns, not \(width)")
                }
                config.tocWidth = Int(width)
            case ("mark-read", .string(let mode)) where mode == "scroll" || mode == "manual":
                config.marksReadOnScroll = mode == "scroll"
            case ("mark-read", _): throw bad("mark-read must be \"scroll\" or \"manual\"")
            case ("toc-width", _): throw bad("toc-width must be a number of columns")
            case ("library", _), ("theme", _): throw bad("\(entry.key) must be a string")
            default: throw bad("unknown key '\(entry.key)'; keys are \(keys.joined(separator: ", "))")
            }
        }
        return config
    }
}

/// A config file that cannot be used; reads `config FILE:LINE: message`.
public struct ConfigError: Error, CustomStringConvertible, Equatable, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String { "config \(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
