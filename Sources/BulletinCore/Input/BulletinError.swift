/// A reason a path cannot be read as a bulletin. The description is one line
/// that names the file, fit for stderr.
public enum BulletinError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case notText(path: String)
    case emptyDirectory(path: String)
    case tooLarge(path: String, limit: Int)
    case unknownEncoding(name: String)
    case shrank(path: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notText(let path): "\(path): not a text bulletin (binary data)"
        case .tooLarge(let path, let limit): "\(path): more than \(limit >> 20) MiB from a pipe or device; save it to a file first"
        case .emptyDirectory(let path): "\(path): directory contains no bulletin files (*.md, *.markdown, *.txt)"
        case .shrank(let path): "\(path): the file shrank while it was read; what was read is shown"
        case .unknownEncoding(let name): "unknown encoding '\(name)' (try UTF-8, UTF-16LE, UTF-16BE, GB18030)"
        }
    }
}
