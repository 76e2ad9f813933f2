import ArgumentParser
import BulletinCore
import Glibc

/// Options every command that reads bulletins shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Force the input encoding (UTF-8, UTF-16LE, UTF-16BE, GB18030) instead of detecting it.")
    var encoding: String?

    func resolvedEncoding() throws -> TextEncoding? {
        guard let name = encoding else { return nil }
        guard let value = TextEncoding(name: name) else { fail(BulletinError.unknownEncoding(name: name)) }
        return value
    }

    /// Parses one bulletin, or prints the one-line error and exits with 2.
    func load(_ path: String) throws -> Bulletin {
        let encoding = try resolvedEncoding()
        return orFail { () throws(BulletinError) in try BulletinParser.parse(path: path, encoding: encoding) }
    }
}

/// How text is measured, for commands that lay text out (`cat`, the reader).
struct WidthOptions: ParsableArguments {
    @Flag(help: "Count East Asian ambiguous-width characters (“ ” … — ·) as two columns, for terminals set that way.")
    var ambiguousWide = false
}

/// The value, or the error printed as one line and exit status 2.
func orFail<T, E: Error & CustomStringConvertible>(_ body: () throws(E) -> T) -> T {
    switch Result(catching: body) {
    case .success(let value): return value
    case .failure(let error): fail(error)
    }
}

/// Exits once a bulletin's output is written: with status 2 and an error
/// naming the file if it shrank while it was read (what was read has been
/// printed), else with `status`.
func finish(reading bulletin: Bulletin, status: Int32 = 0) -> Never {
    if bulletin.source.fileShrankCheckingFile() {
        printError("bulletin: \(BulletinError.shrank(path: bulletin.path).description)")
        finish(2, keeping: bulletin)
    }
    finish(status, keeping: bulletin)
}

/// Exits at once with `status`, keeping `value` alive until then. Freeing the
/// outline of a huge bulletin (hundreds of thousands of strings) takes a
/// good part of the time it took to build, and the process is ending anyway.
func finish(_ status: Int32 = 0, keeping value: some Any) -> Never {
    withExtendedLifetime(value) { exit(status) }
}

/// Prints `bulletin: message` on stderr and exits with status 2.
func fail(_ error: some Error & CustomStringConvertible) -> Never {
    printError("bulletin: \(error.description)")
    exit(2)
}

/// Prints a message on stderr, each line with its control characters
/// spelled out: file names come from outside and may hold escape sequences.
func printError(_ message: String) {
    var line = message.split(separator: "\n", omittingEmptySubsequences: false)
        .map { ControlFilter.escaped(String($0)) }.joined(separator: "\n") + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Writes warnings as `path:line: warning: message` on stderr.
func printWarnings(_ bulletin: Bulletin, extra: [Warning] = []) {
    var out = OutputBuffer(descriptor: 2)
    for warning in bulletin.warnings + extra {
        let path = ControlFilter.escaped(bulletin.path)
        out.write(warning.line.map { "\(path):\($0)" } ?? path)
        out.write(": warning: \(warning.message)\n")
    }
    out.flush()
}
