extension String {
    /// A string of `scalars`, encoded straight into its storage. The standard
    /// library's `String(String.UnicodeScalarView(_:))` runs unspecialised,
    /// and each sequence type's first use costs the runtime a witness lookup
    /// (about 60,000 instructions, several of them before the reader's first
    /// frame); its `unicodeScalars.append(contentsOf:)` goes through an array
    /// of each scalar's code units (47 instructions a scalar).
    @inlinable
    public init(scalars: some Collection<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.reduce(0) { $0 + UTF8.width($1) }) { buffer in
            var count = 0
            for scalar in scalars { UTF8.encode(scalar) { buffer[count] = $0; count += 1 } }
            return count
        }
    }
}

extension Array where Element == String {
    /// `joined(separator:)` for arrays of strings, specialised here for the
    /// same reason: the generic one's first use costs about 170,000
    /// instructions, and the parser joins lines on every start.
    @inlinable
    public func concatenated(separator: String) -> String {
        var out = ""
        out.reserveCapacity(reduce(separator.utf8.count * Swift.max(0, count - 1)) { $0 + $1.utf8.count })
        for (i, element) in enumerated() {
            if i > 0 { out += separator }
            out += element
        }
        return out
    }
}
