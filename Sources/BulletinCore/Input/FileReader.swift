import Glibc

/// Reads whole files with plain system calls: no Foundation, so the CLI
/// starts in a few milliseconds and archive search stays cheap per file.
public enum FileReader {
    /// Files at least this large are memory-mapped instead of read.
    static let mapThreshold = 1 << 20

    /// Input read from a pipe or device stops here: an endless stream
    /// (`yes`, `/dev/zero`) must end in an error, not in all the memory.
    public static let streamLimit = 1 << 30

    /// `mayContainNUL`: the text is UTF-16 (forced), so NUL bytes do not
    /// mean binary data.
    public static func read(path: String, mayContainNUL: Bool = false) throws(BulletinError) -> ByteStorage {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openError(path: path, errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, reason: systemMessage(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "is a directory") }
        let size = Int(info.st_size)
        if (info.st_mode & S_IFMT) == S_IFREG, size >= mapThreshold,
           let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED {
            return ByteStorage(mapping: UnsafeRawPointer(pointer), count: size)
        }
        return try readAll(fd: fd, sizeHint: size, path: path, mayContainNUL: mayContainNUL)
    }

    /// Reads a descriptor to its end (standard input, pipes, devices, small
    /// files). Binary data is refused as soon as its first bytes are in, so
    /// `/dev/urandom` fails at once rather than never.
    public static func readAll(fd: Int32, sizeHint: Int = 0, path: String, mayContainNUL: Bool = false,
                               limit: Int = streamLimit) throws(BulletinError) -> ByteStorage {
        var capacity = max(sizeHint + 1, 64 * 1024)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                bigger.update(from: buffer, count: count)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let got = Glibc.read(fd, buffer + count, capacity - count)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let reason = systemMessage(errno)
                buffer.deallocate()
                throw .unreadable(path: path, reason: reason)
            }
            let probed = count >= SourceDecoder.binaryProbeLength
            count += got
            let failure: BulletinError? =
                count > limit ? .tooLarge(path: path, limit: limit)
                : !probed && !mayContainNUL && SourceDecoder.looksBinary(UnsafeBufferPointer(start: buffer, count: count)) ? .notText(path: path)
                : nil
            if let failure {
                buffer.deallocate()
                throw failure
            }
        }
        return ByteStorage(adopting: buffer, count: count)
    }

    static func openError(path: String, errno code: Int32) -> BulletinError {
        code == ENOENT || code == ENOTDIR ? .missing(path: path) : .unreadable(path: path, reason: systemMessage(code))
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
