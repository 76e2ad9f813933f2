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

/// A theme: a style for every part (the parser refuses one with a part
/// missing; an unset part reads as the terminal's default).
public struct Theme: Equatable, Sendable {
    public var name: String
    public var description: String
    /// By `ThemePart.ordinal`: a dictionary keyed by the part would cost the
    /// runtime a conformance scan before the reader's first frame.
    private var styles: [PartStyle?]

    /// `styles` as written in a dictionary literal (the embedded themes'
    /// generated source); a part given twice keeps its last style.
    public init(name: String, description: String, styles: KeyValuePairs<ThemePart, PartStyle> = [:]) {
        self.name = name
        self.description = description
        self.styles = Array(repeating: nil, count: ThemePart.allCases.count)
        for (part, style) in styles { self.styles[part.ordinal] = style }
    }

    public subscript(part: ThemePart) -> PartStyle {
        get { styles[part.ordinal] ?? PartStyle() }
        set { styles[part.ordinal] = newValue }
    }

    /// Whether `part` was given a style.
    public func defines(_ part: ThemePart) -> Bool { styles[part.ordinal] != nil }

    /// Whether any part sets a colour (lost on a terminal without colours).
    public var usesColour: Bool {
        styles.contains { $0.map { $0.foreground != .terminalDefault || $0.background != .terminalDefault } ?? false }
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
