import TOMLKit

/// Reads a theme file: one table per `ThemePart`, each with optional `fg`,
/// `bg` (colour name, 0-255 or `#rrggbb`) and `attrs` (a list of names).
/// Every part must be present and nothing unknown may appear, so a typo is
/// an error with its line rather than a silently default colour.
public enum ThemeParser {
    public static func parse(_ text: String, name: String, path: String) throws(ThemeError) -> Theme {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(path: path, line: error.source.begin.line, message: error.description)
        } catch {
            throw ThemeError(path: path, line: nil, message: "\(error)")
        }
        let lines = SourceLines(text)
        var theme = Theme(name: name, description: "", styles: [:])
        for (key, value) in root {
            if key == "description" {
                guard let text = value.string else { throw ThemeError(path: path, line: lines.key(key), message: "description must be a string") }
                theme.description = text
                continue
            }
            guard let part = ThemePart(rawValue: key), let table = value.table else {
                throw ThemeError(path: path, line: lines.table(key) ?? lines.key(key),
                                 message: "unknown part [\(key)]; parts are \(ThemePart.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            theme.styles[part] = try style(table, part: key, lines: lines, path: path)
        }
        if let missing = ThemePart.allCases.first(where: { theme.styles[$0] == nil }) {
            throw ThemeError(path: path, line: nil, message: "missing part [\(missing.rawValue)]")
        }
        return theme
    }

    static func style(_ table: TOMLTable, part: String, lines: SourceLines, path: String) throws(ThemeError) -> PartStyle {
        var style = PartStyle()
        for (key, value) in table {
            // Only an error needs the line, and finding it rescans the text.
            var line: Int? { lines.key(key, inTable: part) }
            switch key {
            case "fg", "bg":
                let color = value.string.flatMap(ThemeColor.init(name:)) ?? value.int.flatMap(ThemeColor.init(index:))
                guard let color else {
                    throw ThemeError(path: path, line: line, message: "[\(part)] \(key): not a colour (use a name such as \"cyan\" or \"bright-red\", 0-255, \"#rrggbb\" or \"default\")")
                }
                if key == "fg" { style.foreground = color } else { style.background = color }
            case "attrs":
                guard let array = value.array else {
                    throw ThemeError(path: path, line: line, message: "[\(part)] attrs must be a list, such as [\"bold\"]")
                }
                for item in array {
                    guard let name = item.string, let attribute = TextAttributes.names.first(where: { $0.0 == name })?.1 else {
                        throw ThemeError(path: path, line: line, message: "[\(part)] attrs: unknown attribute (use \(TextAttributes.names.map(\.0).joined(separator: ", ")))")
                    }
                    style.attributes.insert(attribute)
                }
            default:
                throw ThemeError(path: path, line: line, message: "[\(part)] unknown key '\(key)' (use fg, bg, attrs)")
            }
        }
        return style
    }
}

/// Finds the line of a table header or key, for error messages: the TOML
/// library reports lines for syntax errors only.
struct SourceLines {
    let lines: [Substring]
    init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }

    func table(_ name: String) -> Int? {
        lines.firstIndex { $0.trimmingSpaces == "[\(name)]" }.map { $0 + 1 }
    }

    /// The line of `key = ...` inside `[table]` (or at the top when nil).
    func key(_ key: String, inTable table: String? = nil) -> Int? {
        var start = 0
        if let table, let header = self.table(table) { start = header }
        for i in start..<lines.count {
            let line = lines[i].trimmingSpaces
            if i > start, line.hasPrefix("[") { break }
            if line.hasPrefix(key), line.dropFirst(key.count).trimmingSpaces.hasPrefix("=") { return i + 1 }
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let c = s.first, c == " " || c == "\t" || c == "\r" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
        return s
    }
}
