import BulletinCore

extension ReaderState {
    /// Bulletins of `library` whose file shrank since it was opened (it was
    /// truncated or rewritten while shown): their text past the new end
    /// reads as nothing. Looked up when something says so, not every frame
    /// (a library of thousands would copy every bulletin to ask).
    static func shrunkPaths(in library: Library) -> [String] {
        library.read.keys.sorted().compactMap { library.read[$0]!.source.fileShrank ? library.path($0) : nil }
    }

    /// Called by the backend when a mapped file was found shorter than it
    /// was: says so in the status line once (and under `w`, through
    /// `warningLines`); what was already read stays on screen.
    public mutating func noteShrunkFiles() {
        shrunkPaths = Self.shrunkPaths(in: library)
        guard let first = shrunkPaths.first else { return }
        // The file's name, as the status line shows it; `w` has the path.
        let name = first.split(separator: "/").last.map(String.init) ?? first
        message = "\(ControlFilter.escaped(name)) shrank while open: showing what was read (w: warnings)"
    }
}
