import Glibc

/// Immutable bytes, either memory-mapped from a file or owned on the heap.
///
/// Mapping lets a 100 MB bulletin be outlined without copying it, and lets the
/// reader paint before the whole file has been paged in.
public final class ByteStorage: @unchecked Sendable {
    public let base: UnsafePointer<UInt8>
    public let count: Int
    private let mapped: Bool

    /// Takes ownership of a heap copy of `bytes`.
    public init(_ bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = UnsafeMutableBufferPointer(start: buffer, count: bytes.count).initialize(from: bytes)
        base = UnsafePointer(buffer)
        count = bytes.count
        mapped = false
    }

    /// Adopts memory allocated with `UnsafeMutablePointer.allocate`.
    init(adopting buffer: UnsafeMutablePointer<UInt8>, count: Int) {
        base = UnsafePointer(buffer)
        self.count = count
        mapped = false
    }

    init(mapping pointer: UnsafeRawPointer, count: Int) {
        base = pointer.assumingMemoryBound(to: UInt8.self)
        self.count = count
        mapped = true
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }

    /// Lets the kernel drop the resident pages of a mapped file (a hint, for
    /// memory, not correctness): later reads fault them back in from the page
    /// cache. Called once the outline scan has copied what it needs.
    public func releaseResidentPages() {
        guard mapped else { return }
        madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_DONTNEED)
    }

    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
