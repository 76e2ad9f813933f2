import Glibc

/// Names' bytes in one buffer, compared in byte order (as `ls` sorts in the
/// C locale; the strings' own order for names in NFC) without a string
/// compared or moved: sorting 100,000 file names as strings cost a
/// library's first screen a third of a second.
public struct PackedNames {
    private(set) var bytes: [UInt8] = []
    private(set) var starts: [Int] = [0]

    public init() {}

    public var count: Int { starts.count - 1 }

    public mutating func append<Bytes: Collection>(_ name: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: name)
        starts.append(bytes.count)
    }

    public func name(_ k: Int) -> String { String(decoding: bytes[starts[k]..<starts[k + 1]], as: UTF8.self) }

    /// Places `0..<count` sorted by name; `before(a, b, c)` decides, given
    /// the byte order `c` of names `a` and `b` (negative: `a` first).
    public func sorted(by before: (Int, Int, Int32) -> Bool) -> [Int] {
        bytes.withUnsafeBufferPointer { all in
            (0..<count).sorted { a, b in
                let x = starts[a], m = starts[a + 1] - x, y = starts[b], n = starts[b + 1] - y
                let c = min(m, n) == 0 ? 0 : memcmp(all.baseAddress! + x, all.baseAddress! + y, min(m, n))
                return before(a, b, c != 0 ? c : m < n ? -1 : m > n ? 1 : 0)
            }
        }
    }
}
