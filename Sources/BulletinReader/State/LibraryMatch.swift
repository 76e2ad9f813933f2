/// Which bulletins of a library are which of another version of it (the
/// whole library once indexed, part of it meanwhile, the folders read
/// again): by index row id, checked against the path, where both are from
/// the index, else by path. Matched on the reader's thread as a cold library
/// arrives in parts, so the 10,000 stubs of both are matched by integer and
/// only what is new is hashed by path.
struct LibraryMatch {
    /// For each bulletin of the old library, its place in the new one (nil: gone).
    var places: [Int?]
    /// Bulletins of the new library that the old one did not have, in order.
    var arrived: [Int]

    init(_ old: Library, _ new: Library) {
        var places = [Int?](repeating: nil, count: old.stubs.count)
        var taken = [Bool](repeating: false, count: new.stubs.count)
        // Through buffers: a stub read from the array is a copy, four
        // reference counts up and down, for each of 10,000.
        old.stubs.withUnsafeBufferPointer { olds in
            new.stubs.withUnsafeBufferPointer { news in
                var byID = [Int: Int](minimumCapacity: news.count)
                for k in news.indices { if let id = news[k]?.id { byID[id] = k } }
                for b in olds.indices {
                    guard let id = olds[b]?.id, let k = byID[id], news[k]?.path == olds[b]?.path else { continue }
                    places[b] = k
                    taken[k] = true
                }
            }
        }
        // The rest by path: bulletins not from the index, files whose rows
        // were written anew, and those new to the library.
        let left = places.indices.filter { places[$0] == nil }
        if !left.isEmpty {
            var byPath: [String: Int] = [:]
            for k in new.stubs.indices.reversed() where !taken[k] { byPath[new.path(k)] = k }
            for b in left {
                places[b] = byPath[old.path(b)]
                if let k = places[b] { taken[k] = true }
            }
        }
        self.places = places
        arrived = taken.indices.filter { !taken[$0] }
    }
}
