/// What an update asks the world outside the state to do. The state holds
/// no flags for these: the run loop carries them out (the terminal backend),
/// and tests read them from `handle`'s result.
public enum ReaderEffect: Equatable, Sendable {
    case quit
    /// Paint every cell again (something else wrote to the terminal).
    case repaintAll
    /// Run the user's browser on this URL (`http`, `https`, `mailto`, `ftp` only).
    case openURL(String)
    /// Add this bulletin file to the library and show it (a relative link).
    case openFile(String)
    /// Read the library's folders again; the result comes back as `rescanned`.
    case rescan
    /// Save this to the reading state (dropped with `--no-state`).
    case saveReading(ReadingChange)
}

extension ReaderEffect {
    /// A change to save: nothing the screen waits for.
    public var isSave: Bool {
        if case .saveReading = self { return true }
        return false
    }
}
