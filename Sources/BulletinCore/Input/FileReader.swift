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
        let regular = (info.st_mode & S_IFMT) == S_IFREG
        if regular, size >= mapThreshold,
           let pointer = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), pointer != MAP_FAILED,
           let mapped = ByteStorage(mapping: UnsafeRawPointer(pointer), count: size, path: path) {
            return mapped
        }
        return try readAll(fd: fd, sizeHint: size, path: path, mayContainNUL: mayContainNUL, expected: regular ? size : nil)
    }

    /// A small text file (a theme, the settings) as UTF-8, invalid bytes
    /// replaced; refused as `read` refuses binary data or a folder.
    public static func readText(path: String) throws(BulletinError) -> String {
        let storage = try read(path: path)
        // Held while decoded: `buffer` points into it.
        return withExtendedLifetime(storage) { String(decoding: storage.buffer, as: UTF8.self) }
    }

    /// Reads a descriptor to its end (standard input, pipes, devices, small
    /// files). Binary data is refused as soon as its first bytes are in, so
    /// `/dev/urandom` fails at once rather than never.
    /// `expected`: a regular file's size when opened; fewer bytes than that
    /// means it shrank while it was read.
    public static func readAll(fd: Int32, sizeHint: Int = 0, path: String, mayContainNUL: Bool = false,
                               limit: Int = streamLimit, expected: Int? = nil) throws(BulletinError) -> ByteStorage {
        // A regular file's size is known: no more room than it needs (a
        // library of thousands of small files keeps every one).
        var capacity = expected != nil ? max(sizeHint + 1, 16) : max(sizeHint + 1, 64 * 1024)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity, expected == nil, count >= spillThreshold {
                return try spill(fd: fd, buffer: buffer, count: count, path: path, limit: limit)
            }
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
        return ByteStorage(adopting: buffer, count: count, cutShort: expected.map { count < $0 } ?? false)
    }

    /// A stream that grows past this goes on in a temporary file, mapped
    /// once complete: piping a gigabyte in holds 16 MiB, not twice the input.
    static let spillThreshold = 16 << 20

    /// Writes the `count` bytes read so far and the rest of the stream to an
    /// unlinked temporary file and maps it. Takes ownership of `buffer`.
    static func spill(fd: Int32, buffer: UnsafeMutablePointer<UInt8>, count: Int, path: String,
                      limit: Int) throws(BulletinError) -> ByteStorage {
        defer { buffer.deallocate() }
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/bulletin-stdin-XXXXXX").utf8CString)
        let spillFD = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard spillFD >= 0 else { throw .unreadable(path: path, reason: "cannot make a temporary file in \(directory): \(systemMessage(errno))") }
        defer { close(spillFD) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        func writeAll(_ bytes: UnsafePointer<UInt8>, _ length: Int) throws(BulletinError) {
            var done = 0
            while done < length {
                let wrote = Glibc.write(spillFD, bytes + done, length - done)
                if wrote < 0 && errno == EINTR { continue }
                guard wrote > 0 else { throw .unreadable(path: path, reason: "cannot write the temporary file: \(systemMessage(errno))") }
                done += wrote
            }
        }
        try writeAll(buffer, count)
        var total = count
        while true {
            let got = Glibc.read(fd, buffer, spillThreshold)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: systemMessage(errno))
            }
            total += got
            if total > limit { throw .tooLarge(path: path, limit: limit) }
            try writeAll(buffer, got)
        }
        if let pointer = mmap(nil, total, PROT_READ, MAP_PRIVATE, spillFD, 0), pointer != MAP_FAILED,
           let mapped = ByteStorage(mapping: UnsafeRawPointer(pointer), count: total, path: nil) {
            return mapped
        }
        lseek(spillFD, 0, SEEK_SET)
        return try readAll(fd: spillFD, sizeHint: total, path: path, limit: limit, expected: total)
    }

    public static func openError(path: String, errno code: Int32) -> BulletinError {
        code == ENOENT || code == ENOTDIR ? .missing(path: path) : .unreadable(path: path, reason: systemMessage(code))
    }

    static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
