/// Reads a theme file: one table per `ThemePart`, each with optional `fg`,
/// `bg` (colour name, 0-255 or `#rrggbb`) and `attrs` (a list of names).
/// Every part must be present and nothing unknown may appear, so a typo is
/// an error with its line rather than a silently default colour.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, path: String) throws(ThemeError) -> Theme {
        let root: [TOMLEntry]
        do {
            root = try TOMLDocument.parse(text)
        } catch {
            throw ThemeError(path: path, line: error.line, message: error.message)
        }
        var theme = Theme(name: name, description: "")
        for entry in root {
            if entry.key == "description" {
                guard case .string(let text) = entry.value else {
                    throw ThemeError(path: path, line: entry.line, message: "description must be a string")
                }
                theme.description = text
                continue
            }
            guard let part = ThemePart(rawValue: entry.key), case .table(let entries) = entry.value else {
                throw ThemeError(path: path, line: entry.line,
                                 message: "unknown part [\(entry.key)]; parts are \(ThemePart.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            theme[part] = try style(entries, part: entry.key, path: path)
        }
        if let missing = ThemePart.allCases.first(where: { !theme.defines($0) }) {
            throw ThemeError(path: path, line: nil, message: "missing part [\(missing.rawValue)]")
        }
        return theme
    }

    static func style(_ entries: [TOMLEntry], part: String, path: String) throws(ThemeError) -> PartStyle {
        var style = PartStyle()
        for entry in entries {
            switch entry.key {
            case "fg", "bg":
                let color: ThemeColor?
                switch entry.value {
                case .string(let name): color = ThemeColor(name: name)
                case .integer(let index): color = Int(exactly: index).flatMap(ThemeColor.init(index:))
                default: color = nil
                }
                guard let color else {
                    throw ThemeError(path: path, line: entry.line, message: "[\(part)] \(entry.key): not a colour (use a name such as \"cyan\" or \"bright-red\", 0-255, \"#rrggbb\" or \"default\")")
                }
                if entry.key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard case .array(let items) = entry.value else {
                    throw ThemeError(path: path, line: entry.line, message: "[\(part)] attrs must be a list, such as [\"bold\"]")
                }
                for item in items {
                    guard case .string(let name) = item, let attribute = TextAttributes.names.first(where: { $0.0 == name })?.1 else {
                        throw ThemeError(path: path, line: entry.line, message: "[\(part)] attrs: unknown attribute (use \(TextAttributes.names.map(\.0).joined(separator: ", ")))")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw ThemeError(path: path, line: entry.line, message: "[\(part)] unknown key '\(entry.key)' (use fg, bg, attrs)")
            }
        }
        return style
    }
}
