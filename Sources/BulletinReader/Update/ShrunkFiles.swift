import BulletinCore

extension ReaderState {
    /// Bulletins whose file shrank since it was opened (it was truncated or
    /// rewritten while shown): their text past the new end reads as nothing.
    public var shrunkPaths: [String] {
        library.bulletins.filter(\.source.fileShrank).map(\.path)
    }

    /// Called by the backend when a mapped file was found shorter than it
    /// was: says so in the status line once (and under `w`, through
    /// `warningLines`); what was already read stays on screen.
    public mutating func noteShrunkFiles() {
        guard let first = shrunkPaths.first else { return }
        message = "\(ControlFilter.escaped(first)) shrank while open: showing what was read (w: warnings)"
    }
}
