/// Binary searches over sorted values, shared by the outline, the search
/// index and the reader (nodes by line, articles, TOC rows, bulletin starts).
public enum SortedSearch {
    /// The last of `count` sorted values, read through `value`, that is <= `target`.
    @inlinable
    public static func lastIndex(_ count: Int, atMost target: Int, _ value: (Int) -> Int) -> Int? {
        var low = 0, high = count - 1, found: Int?
        while low <= high {
            let mid = (low + high) / 2
            if value(mid) <= target { found = mid; low = mid + 1 } else { high = mid - 1 }
        }
        return found
    }

    /// The last position of sorted `values` whose value is <= `target`.
    @inlinable
    public static func lastIndex(in values: [Int], atMost target: Int) -> Int? {
        lastIndex(values.count, atMost: target) { values[$0] }
    }

    /// The first position of sorted `values` whose value is > `target`.
    @inlinable
    public static func firstIndex(in values: [Int], above target: Int) -> Int? {
        let k = (lastIndex(in: values, atMost: target) ?? -1) + 1
        return k < values.count ? k : nil
    }
}
