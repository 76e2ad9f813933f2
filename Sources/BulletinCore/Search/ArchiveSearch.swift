import Dispatch
import Synchronization

/// Searches many bulletins on all cores: each worker takes the next file,
/// outlines it (headings only) and matches the query.
public enum ArchiveSearch {
    public struct Outcome: Sendable {
        public var hits: [SearchHit]
        /// Files that could not be read, in order.
        public var errors: [BulletinError]
    }

    /// `prefilter: false` parses every file (the prefilter never changes
    /// results; tests compare both ways).
    public static func search(_ query: SearchQuery, files: [String], encoding: TextEncoding? = nil,
                              prefilter: Bool = true) -> Outcome {
        let filter = prefilter && encoding == nil ? SearchPrefilter(query) : nil
        let slots = Slots(count: files.count)
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(Parallel.processorCount, files.count))) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < files.count else { return }
                do throws(BulletinError) {
                    let storage = try FileReader.read(path: files[i])
                    if let filter, filter.excludes(storage.buffer) {
                        slots.store(i, .success([]))
                        continue
                    }
                    let source = try SourceDecoder.decode(storage, path: files[i], forcing: encoding)
                    let bulletin = BulletinParser.parse(source, path: files[i])
                    slots.store(i, .success(HeadlineSearch.search(query, in: bulletin, order: i)))
                } catch {
                    slots.store(i, .failure(error))
                }
            }
        }
        var hits: [SearchHit] = []
        var errors: [BulletinError] = []
        for result in slots.results {
            switch result {
            case .success(let found): hits += found
            case .failure(let error): errors.append(error)
            case nil: break
            }
        }
        return Outcome(hits: hits.sorted(by: SearchHit.ranksBefore), errors: errors)
    }


    /// One result slot per file; each index is written by exactly one worker.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<Result<[SearchHit], BulletinError>?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func store(_ index: Int, _ result: Result<[SearchHit], BulletinError>) { buffer[index] = result }

        var results: UnsafeMutableBufferPointer<Result<[SearchHit], BulletinError>?> { buffer }
    }
}
