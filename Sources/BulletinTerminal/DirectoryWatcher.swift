import BulletinCore
import Dispatch
import Glibc

/// Watches the library's folders with inotify and calls `changed` once a
/// burst of changes to bulletin files (or folders) has settled, so a file
/// copied in appears within a second or two. Folders made later are
/// watched as they appear. Read-only: nothing in the folders is touched.
final class DirectoryWatcher: @unchecked Sendable {
    private let fd: Int32
    private let changed: @Sendable () -> Void
    /// Watch descriptors to folders (only the watching thread uses it), for
    /// folders made inside a watched one.
    private var folders: [Int32: String] = [:]
    /// Quiet time after the last event before `changed` is called.
    static let settle: Int32 = 300

    /// Nil when inotify is unavailable (then `r` still rescans).
    /// `directories` is asked for on the watching thread, off the first paint.
    init?(directories: @escaping @Sendable () -> [String], changed: @escaping @Sendable () -> Void) {
        fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.changed = changed
        DispatchQueue.global(qos: .utility).async { [self] in
            for directory in directories() { watch(directory) }
            run()
        }
    }

    static let mask = UInt32(IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF)

    private func watch(_ directory: String) {
        let wd = inotify_add_watch(fd, directory, Self.mask | UInt32(IN_ONLYDIR))
        if wd >= 0 { folders[wd] = directory }
    }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending = false
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, pending ? Self.settle : -1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                if pending { pending = false; changed() }
                if ready < 0 { return }
                continue
            }
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { return }
            if relevant(buffer, count) { pending = true }
        }
    }

    /// Whether the events name a bulletin file or a folder (a new folder is watched too).
    private func relevant(_ buffer: [UInt8], _ count: Int) -> Bool {
        var found = false
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (mask, wd, length) = buffer.withUnsafeBytes { raw -> (UInt32, Int32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.mask, event.wd, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = directory(of: wd) { watch(parent + "/" + name) }
                found = true
            } else if name.isEmpty || ArchiveWalker.isBulletinName(name) {
                found = true
            }
            offset += header + length
        }
        return found
    }

    private func directory(of wd: Int32) -> String? { folders[wd] }
}
