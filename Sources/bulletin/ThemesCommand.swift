import ArgumentParser
import BulletinCore
import BulletinReader

/// `bulletin themes`: every theme by name, where it comes from, and whether it loads.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes --theme accepts.",
        discussion: """
        Built-in themes come from the package's Themes/ folder. Your own go in \
        $XDG_CONFIG_HOME/bulletin/themes/NAME.toml (default ~/.config/bulletin/themes/) and \
        replace a built-in theme of the same name. NO_COLOR (set and not empty) selects 'monochrome' unless \
        --theme is given.
        """
    )

    func run() throws {
        let catalog = ThemeCatalog(environment: Environment.value)
        var out = OutputBuffer()
        var broken = false
        for entry in catalog.entries() {
            var line = entry.name.padding(toLength: 16)
            switch Result(catching: { () throws(ThemeError) in try ThemeCatalog.parse(entry) }) {
            case .success(let theme): line += theme.description
            case .failure(let error): line += "BROKEN: \(error.description)"; broken = true
            }
            if entry.name == ThemeCatalog.defaultName { line += " [default]" }
            if entry.origin != "built-in" { line += " (\(entry.origin))" }
            out.write(ControlFilter.escaped(line) + "\n")  // user theme files may hold escapes
        }
        out.flush()
        if let directory = catalog.userDirectory { print("\nUser themes: \(ControlFilter.escaped(directory))/NAME.toml") }
        if broken { throw ExitCode(2) }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
