import BulletinCore
import BulletinInvariants
import CFuzzDriver
import Glibc

// The fuzz target: the whole pipeline on bytes libFuzzer makes, with the
// invariants checked inside (Invariants.check). The first byte picks the
// encoding (detected or forced) and whether the bytes are also tried as the
// index's and the state's database files, the last twelve the reader's keys. Built
// without libFuzzer, it replays the input files named as arguments. An
// @main type, not top-level code: fuzz builds compile it as a library.

@main
enum FuzzMain {
    static func runOne(_ input: UnsafeBufferPointer<UInt8>) {
        guard let selector = input.first else { return }
        let bytes = Array(input.dropFirst())
        let encoding = Invariants.encodings[Int(selector) % Invariants.encodings.count]
        var problems = Invariants.check(bytes, encoding: encoding, keys: Array(input.suffix(12)))
        // One input in eight is also written where a database file should be.
        if selector % 8 == 7 { problems += LibraryInvariants.hostileFiles(bytes) }
        guard !problems.isEmpty else { return }
        var report = problems.prefix(20).map { "invariant: \($0)\n" }.joined()
        report.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        abort()
    }

    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = fuzz_run_driver(&argc, &argv) { data, size in
            FuzzMain.runOne(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
        if status == -1 {
            for path in CommandLine.arguments.dropFirst() where !path.hasPrefix("-") {
                let bytes = (try? FileReader.read(path: path, mayContainNUL: true)).map { Array($0.buffer) } ?? []
                runOne(bytes.withUnsafeBufferPointer { $0 })
                print("ok: \(path)")
            }
            exit(0)
        }
        exit(status)
    }
}
