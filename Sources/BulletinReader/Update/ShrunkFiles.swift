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
        // The file's name, as the status line shows it; `w` has the path.
        let name = first.split(separator: "/").last.map(String.init) ?? first
        message = "\(ControlFilter.escaped(name)) shrank while open: showing what was read (w: warnings)"
    }
}
