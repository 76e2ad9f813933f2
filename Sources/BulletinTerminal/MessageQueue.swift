import BulletinReader
import Glibc
import Synchronization

/// Messages from work on other threads, for the run loop. Posting writes a
/// byte to a pipe, so the loop waits on the terminal and this queue
/// together (`poll`) and shows a result at once, with no polling timer.
final class MessageQueue: Sendable {
    private let messages = Mutex<[ReaderMessage]>([])
    /// Read end (the loop waits on it) and write end (posting wakes it).
    let readFD: Int32
    private let writeFD: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            throw TerminalError(description: "cannot make a pipe for background work: \(String(cString: strerror(errno)))")
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)  // neither end may block the loop
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)  // nor reach a browser
        }
        readFD = fds[0]
        writeFD = fds[1]
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    func post(_ message: ReaderMessage) {
        messages.withLock { $0.append(message) }
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)  // a full pipe already wakes the loop
    }

    /// Every message posted so far, oldest first.
    func take() -> [ReaderMessage] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
        return messages.withLock { taken in defer { taken = [] }; return taken }
    }
}
