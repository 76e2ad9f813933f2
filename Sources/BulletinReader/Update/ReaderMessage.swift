import BulletinCore

/// Everything that can change the reader, from the terminal or from work
/// done elsewhere: `update` takes one and returns the effects it asks for.
public enum ReaderMessage: Sendable {
    case event(ReaderEvent)
    /// Background work finished: the whole library (`lineOffset`: file
    /// lines before the opening that was shown first).
    case loaded(Library, lineOffset: Int)
    /// What background indexing has so far: swapped in, still loading.
    case partlyLoaded(Library, lineOffset: Int)
    case loadFailed(String)
    /// Background work got further (shown on the status line).
    case progress(String)
    /// The browser ran on a URL (an `openURL` effect carried out).
    case programFinished(url: String, ProgramOutcome)
    /// A linked bulletin was read (an `openFile` effect carried out).
    case fileOpened(path: String, Result<Bulletin, BulletinError>)
    /// Bulletin files were added, changed or removed in the library's folders.
    case filesChanged
    /// The library read again (a `rescan` effect carried out).
    case rescanned(Library)
    /// The reading state, read once the first frame was up: marks, where
    /// to resume, and what to say about the state's file.
    case readingLoaded(ReadingMarks, resume: ResumeTarget?, notice: String?)
}

extension ReaderState {
    @discardableResult
    public mutating func update(_ incoming: ReaderMessage) -> [ReaderEffect] {
        if case .event(let event) = incoming { return handle(event) }
        let before = view
        switch incoming {
        case .event: break
        case .loaded(let library, let lineOffset): finishLoading(library, lineOffset: lineOffset)
        case .partlyLoaded(let library, let lineOffset): swapInPart(library, lineOffset: lineOffset)
        case .filesChanged: return rescan() + finishUpdate(from: before)
        case .rescanned(let library): finishRescan(library)
        case .readingLoaded(let marks, let resume, let notice): return startReading(marks, resume: resume, notice: notice)
        case .loadFailed(let reason): loadingFailed(reason)
        case .progress(let text): progress = text
        case .programFinished(let url, let outcome): noteOpened(url, outcome)
        case .fileOpened(let path, .success(let bulletin)): add(bulletin, from: path)
        case .fileOpened(let path, .failure(let error)): self.message = "Could not open \(Self.fileName(path)): \(error.description)"
        }
        return finishUpdate(from: before)
    }
}
