import CByteScan

/// Substring search over bytes (`string_search`: memchr on the needle's
/// rarest byte), where a position is wanted rather than a pointer.
public enum ByteSearch {
    /// Offset of the first `needle` in `haystack`, or nil (always nil for an empty needle).
    public static func first(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, !needle.isEmpty,
              let found = string_search(base, haystack.count, needle, needle.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
