import CMappedFile
import Glibc

/// Immutable bytes, either memory-mapped from a file or owned on the heap.
///
/// Mapping lets a 100 MB bulletin be outlined without copying it, and lets the
/// reader paint before the whole file has been paged in. A mapped file that
/// shrinks under the program reads as zeros past its new end (no SIGBUS),
/// and `shrankAt` says where that began.
public final class ByteStorage: @unchecked Sendable {
    public let base: UnsafePointer<UInt8>
    public let count: Int
    /// The mapping's slot in CMappedFile's table; nil for heap bytes.
    private let mappingSlot: Int32?
    /// Bytes that a read found gone (the file shrank while it was read).
    private let readCutShort: Bool
    /// The mapped file's path, to see whether it is shorter now.
    private let mappedPath: String?

    /// Takes ownership of a heap copy of `bytes`.
    public init(_ bytes: some Collection<UInt8>) {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = UnsafeMutableBufferPointer(start: buffer, count: bytes.count).initialize(from: bytes)
        base = UnsafePointer(buffer)
        count = bytes.count
        mappingSlot = nil
        readCutShort = false
        mappedPath = nil
    }

    /// Adopts memory allocated with `UnsafeMutablePointer.allocate`.
    /// `cutShort`: the file held less than its size said when it was read.
    init(adopting buffer: UnsafeMutablePointer<UInt8>, count: Int, cutShort: Bool = false) {
        base = UnsafePointer(buffer)
        self.count = count
        mappingSlot = nil
        readCutShort = cutShort
        mappedPath = nil
    }

    /// Adopts a read-only mapping (of the file at `path`, if it has one), or returns nil (and unmaps it) when no
    /// more mappings can be guarded against their file shrinking.
    init?(mapping pointer: UnsafeRawPointer, count: Int, path: String?) {
        let slot = mapped_file_register(pointer, count)
        guard slot >= 0 else {
            munmap(UnsafeMutableRawPointer(mutating: pointer), count)
            return nil
        }
        base = pointer.assumingMemoryBound(to: UInt8.self)
        self.count = count
        mappingSlot = slot
        readCutShort = false
        mappedPath = path
    }

    deinit {
        if let mappingSlot {
            mapped_file_unregister(mappingSlot)
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutablePointer(mutating: base).deallocate()
        }
    }

    /// Where the file turned out to end, if it shrank while these bytes were
    /// read from it: an upper bound on the bytes still its own (a mapping
    /// knows it to the page, so the last page may end in zeros).
    public var shrankAt: Int? {
        if readCutShort { return count }
        guard let mappingSlot else { return nil }
        let offset = mapped_file_shrank(mappingSlot)
        return offset < 0 ? nil : offset
    }

    /// `shrankAt`, or, for a mapping that has not read past the end, the
    /// file's size now if that is less than the mapping (a file cut within
    /// its last page reads as zeros there, without any fault to tell).
    public func shrankAtCheckingFile() -> Int? {
        if let known = shrankAt { return known }
        guard let mappedPath else { return nil }
        var info = stat()
        guard stat(mappedPath, &info) == 0 else { return 0 }
        return Int(info.st_size) < count ? Int(info.st_size) : nil
    }

    /// How many times any mapped file was found to have shrunk, in this
    /// process: a cheap check for the reader between frames.
    public static var shrinkCount: UInt { mapped_file_shrink_count() }

    /// Lets the kernel drop the resident pages of a mapped file (a hint, for
    /// memory, not correctness): later reads fault them back in from the page
    /// cache. Called once the outline scan has copied what it needs.
    public func releaseResidentPages() {
        guard mappingSlot != nil else { return }
        madvise(UnsafeMutableRawPointer(mutating: base), count, MADV_DONTNEED)
    }

    public var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
