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
        let results = Parallel.mapTakingTurns(count: files.count) { i in
            Result { () throws(BulletinError) -> [SearchHit] in
                let storage = try FileReader.read(path: files[i], mayContainNUL: encoding?.isUTF16 == true)
                if let filter, filter.excludes(storage.buffer) { return [] }
                let source = try SourceDecoder.decode(storage, path: files[i], forcing: encoding)
                return HeadlineSearch.search(query, in: BulletinParser.parse(source, path: files[i]), order: i)
            }
        }
        var hits: [SearchHit] = []
        var errors: [BulletinError] = []
        for result in results {
            switch result {
            case .success(let found): hits += found
            case .failure(let error): errors.append(error)
            }
        }
        return Outcome(hits: hits.sorted(by: SearchHit.ranksBefore), errors: errors)
    }
}
