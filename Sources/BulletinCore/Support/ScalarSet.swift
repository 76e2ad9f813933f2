/// A small fixed set of Unicode scalars (punctuation classes), looked up
/// by binary search. Not `Set<Unicode.Scalar>`: each distinct generic type
/// costs the Swift runtime a scan of every protocol conformance in the
/// binary at its first use, and these are used on every start-up path.
public struct ScalarSet: Sendable {
    private let values: [UInt32]

    public init(_ text: String) {
        var values: [UInt32] = []
        for v in text.unicodeScalars.map(\.value).sorted() where values.last != v { values.append(v) }
        self.values = values
    }

    @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        var low = 0, high = values.count - 1
        let v = scalar.value
        while low <= high {
            let mid = (low + high) / 2
            if values[mid] == v { return true }
            if values[mid] < v { low = mid + 1 } else { high = mid - 1 }
        }
        return false
    }
}
