/// A key as the reader sees it, after the backend decoded the terminal's bytes.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    /// A letter typed with Ctrl (lowercase): Ctrl-D is `.control("d")`.
    case control(Character)
}

public struct MouseEvent: Equatable, Sendable {
    public enum Kind: Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What the terminal reports.
public enum ReaderEvent: Equatable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(width: Int, height: Int)
}
