/// Searches many bulletins on all cores: each worker takes the next file,
/// outlines it (headings only) and matches the query.
public enum ArchiveSearch {
    public struct Outcome: Sendable {
        public var hits: [SearchHit]
        /// Files that could not be read, in order.
        public var errors: [BulletinError]

        public init(hits: [SearchHit], errors: [BulletinError]) {
            self.hits = hits
            self.errors = errors
        }
    }

    /// `prefilter: false` parses every file (the prefilter never changes
    /// results; tests compare both ways). `orders`: each file's place among
    /// all searched, for ties (default: its place in `files`), when the
    /// library index answers for the others.
    public static func search(_ query: SearchQuery, files: [String], orders: [Int]? = nil, encoding: TextEncoding? = nil,
                              prefilter: Bool = true) -> Outcome {
        let filter = prefilter && encoding == nil ? SearchPrefilter(query) : nil
        // Each file's hits, and its error: a file that shrank while it was
        // read keeps the hits found in what was read.
        let results = Parallel.mapTakingTurns(count: files.count) { i -> ([SearchHit], BulletinError?) in
            do throws(BulletinError) {
                let storage = try FileReader.read(path: files[i], mayContainNUL: encoding?.isUTF16 == true)
                var found: [SearchHit] = []
                if filter?.excludes(storage.buffer) != true {
                    let source = try SourceDecoder.decode(storage, path: files[i], forcing: encoding)
                    found = HeadlineSearch.search(query, in: BulletinParser.parse(source, path: files[i]), order: orders?[i] ?? i)
                }
                return (found, storage.shrankAtCheckingFile() != nil ? .shrank(path: files[i]) : nil)
            } catch {
                return ([], error)
            }
        }
        var hits: [SearchHit] = []
        var errors: [BulletinError] = []
        for (found, error) in results {
            hits += found
            if let error { errors.append(error) }
        }
        return Outcome(hits: SearchHit.ranked(hits), errors: errors)
    }
}
