/// Text attributes a theme can ask for.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let italic = TextAttributes(rawValue: 4)
    public static let underline = TextAttributes(rawValue: 8)
    public static let reverse = TextAttributes(rawValue: 16)

    public static let names: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline),
        ("reverse", .reverse),
    ]
}

/// Foreground, background and attributes of one part of the screen.
public struct PartStyle: Equatable, Sendable {
    public var foreground: ThemeColor = .terminalDefault
    public var background: ThemeColor = .terminalDefault
    public var attributes: TextAttributes = []

    public init(foreground: ThemeColor = .terminalDefault, background: ThemeColor = .terminalDefault, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}

/// A complete theme: a style for every part.
public struct Theme: Sendable {
    public var name: String
    public var description: String
    public var styles: [ThemePart: PartStyle]

    public init(name: String, description: String, styles: [ThemePart: PartStyle]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    public subscript(part: ThemePart) -> PartStyle { styles[part] ?? PartStyle() }

    /// Whether any part sets a colour (lost on a terminal without colours).
    public var usesColour: Bool {
        styles.values.contains { $0.foreground != .terminalDefault || $0.background != .terminalDefault }
    }
}

/// A theme that cannot be used, with the file and line at fault; the
/// description reads `theme FILE:LINE: message`.
public struct ThemeError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        "theme \(path)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
