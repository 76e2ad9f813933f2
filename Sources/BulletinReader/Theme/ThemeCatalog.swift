@_exported import BulletinThemes
import BulletinCore
import Glibc

/// Where themes come from: the ones in `Themes/` (compiled in), and the
/// user's in `$XDG_CONFIG_HOME/bulletin/themes/` (default `~/.config`),
/// which take precedence by name. `--theme` also accepts a file path.
public struct ThemeCatalog: Sendable {
    public static let defaultName = "dark"
    public static let noColorName = "monochrome"

    public struct Entry: Sendable {
        public var name: String
        /// "built-in", or the user theme's path.
        public var origin: String
        public var text: String
        /// A built-in theme, parsed when the binary was built.
        var parsed: Theme?
    }

    public let userDirectory: String?

    /// `environment`: a variable's value by name (getenv, or a test's table).
    public init(environment: (String) -> String?) {
        userDirectory = XDGDirectory.config.bulletinFolder(environment: environment).map { $0 + "/themes" }
    }

    /// The built-in theme for NO_COLOR and for terminals without colours.
    public static var monochrome: Theme? { EmbeddedThemes.theme(named: noColorName)?.theme }

    public static var builtIn: [Entry] {
        EmbeddedThemes.names.compactMap { name in
            EmbeddedThemes.theme(named: name).map { Entry(name: name, origin: "built-in", text: $0.text, parsed: $0.theme) }
        }
    }

    /// Built-in themes, then user themes; a user theme replaces a built-in one of the same name.
    public func entries() -> [Entry] { entries(users: userFiles()) }

    private func entries(users: [(name: String, path: String, text: String)]) -> [Entry] {
        var result = Self.builtIn
        for file in users {
            let entry = Entry(name: file.name, origin: file.path, text: file.text, parsed: nil)
            if let k = result.firstIndex(where: { $0.name == file.name }) { result[k] = entry } else { result.append(entry) }
        }
        return result
    }

    /// The theme named `nameOrPath` (a path if it contains `/` or ends in `.toml`).
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            let text: String
            switch readFile(nameOrPath) {
            case .success(let value): text = value
            case .failure(.missing): throw ThemeError(path: nameOrPath, line: nil, message: "no such theme file")
            case .failure(.unreadable(_, let reason)): throw ThemeError(path: nameOrPath, line: nil, message: "cannot read: \(reason)")
            case .failure: throw ThemeError(path: nameOrPath, line: nil, message: "cannot read theme file")
            }
            return try ThemeParser.parse(text, name: Self.stem(nameOrPath), path: nameOrPath)
        }
        // Only the theme asked for is made: a user's of that name, else the built-in one.
        let users = userFiles()
        if let user = users.first(where: { $0.name == nameOrPath }) {
            return try ThemeParser.parse(user.text, name: user.name, path: user.path)
        }
        if let builtIn = EmbeddedThemes.theme(named: nameOrPath) { return builtIn.theme }
        throw ThemeError(path: nameOrPath, line: nil,
                         message: "no such theme; available: \(entries(users: users).map(\.name).joined(separator: ", "))")
    }

    /// The theme an entry holds: a built-in one as parsed at build time, a
    /// user's parsed now.
    public static func parse(_ entry: Entry) throws(ThemeError) -> Theme {
        if let parsed = entry.parsed { return parsed }
        return try ThemeParser.parse(entry.text, name: entry.name, path: entry.origin)
    }

    func userFiles() -> [(name: String, path: String, text: String)] {
        guard let directory = userDirectory, let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var files: [(name: String, path: String, text: String)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name.hasSuffix(".toml"), !name.hasPrefix(".") else { continue }
            let path = directory + "/" + name
            if case .success(let text) = readFile(path) { files.append((Self.stem(path), path, text)) }
        }
        return files.sorted { $0.name < $1.name }
    }

    static func stem(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
    }

    /// The file's text, or the one-line reason it cannot be read.
    func readFile(_ path: String) -> Result<String, BulletinError> {
        Result { () throws(BulletinError) in try FileReader.readText(path: path) }
    }
}
