/// Terminal display width from the Unicode East Asian Width data (generated
/// tables), independent of the C library and the current locale.
public enum DisplayWidth {
    /// Columns a scalar occupies: 0 (combining, format, control), 1 or 2.
    /// Ambiguous characters (“ ” … — ·) are narrow unless `ambiguousWide`.
    @inline(__always)
    public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool = false) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if contains(zeroWidthRanges, v) { return 0 }
        if contains(wideRanges, v) { return 2 }
        if ambiguousWide && contains(ambiguousRanges, v) { return 2 }
        return 1
    }

    /// `limit`: stop counting past it (the answer is then some width over
    /// `limit`), so a row needs no more than its own length of a long text.
    /// Inlinable, so callers in other modules get it specialized: unspecialized,
    /// its first call looked the string's associated types up by mangled
    /// name (180 K instructions on the way to the first frame).
    @inlinable
    public static func of(_ text: some StringProtocol, ambiguousWide: Bool = false, limit: Int = .max) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += of(scalar, ambiguousWide: ambiguousWide)
            if total > limit { break }
        }
        return total
    }

    /// Wide (CJK) text: lines join without a space and may break anywhere.
    @inline(__always)
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool { of(scalar) == 2 }

    static func contains(_ ranges: [(UInt32, UInt32)], _ v: UInt32) -> Bool {
        var low = 0, high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if v < range.0 { high = mid - 1 } else if v > range.1 { low = mid + 1 } else { return true }
        }
        return false
    }
}
