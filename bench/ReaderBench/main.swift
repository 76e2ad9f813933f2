import BulletinCore
import BulletinLibrary
import BulletinReader
import Foundation  // String(format:) for the figures; the bench is not the product
import Glibc

// Times the reader's work per keypress without a terminal: update plus
// render of a 120x40 screen, on the bulletin given, or on a folder of them
// as one library (bench/README.md).
// Usage: reader-bench FILE|FOLDER [REPEATS]
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    print("usage: reader-bench FILE [REPEATS]")
    exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1e6
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

// What a big file's first screen waits for: its opening window, parsed.
var openings: [Double] = []
for _ in 0..<repeats {
    let start = now()
    _ = try? BulletinOpening.read(path: arguments[1], minimumSize: 0)
    openings.append(now() - start)
}

let loadStart = now()
let library: Library
var isFolder: ObjCBool = false
if FileManager.default.fileExists(atPath: arguments[1], isDirectory: &isFolder), isFolder.boolValue {
    // As the reader opens a folder: through the index ($XDG_CACHE_HOME's;
    // run `bulletin index FOLDER` first to time a warm start), stubs but for
    // the newest, which is read.
    let index = StorePaths(environment: { getenv($0).map { String(cString: $0) } }).indexFile
    do {
        let files = try ArchiveWalker.files(for: [arguments[1]])
        let first = try IndexedLibrary.read(files, roots: [arguments[1]], first: nil, encoding: nil) { (try! LibraryIndex(path: index), nil) }
        library = try IndexedLibrary.read(files, roots: [arguments[1]], first: first.path(0), encoding: nil) { (try! LibraryIndex(path: index), nil) }
    } catch {
        print("reader-bench: \(error)")
        exit(2)
    }
} else {
    do { library = Library([try BulletinParser.parse(path: arguments[1])]) } catch {
        print("reader-bench: \(error)")
        exit(2)
    }
}
var state = ReaderState(library: library, width: 120, height: 40, foldsOtherBulletins: isFolder.boolValue)
_ = state.render()
print("load + first render: \(String(format: "%.1f", now() - loadStart)) ms, \(library.bulletins.count) bulletins, \(library.articles.count) articles")
print("\("opening window".padding(28)) median \(String(format: "%.3f", median(openings))) ms  max \(String(format: "%.3f", openings.max()!)) ms")

let flows: [(String, [ReaderEvent])] = [
    ("j (scroll a line)", [.key(.character("j"))]),
    ("Space (page down)", [.key(.character(" "))]),
    ("] (next section)", [.key(.character("]"))]),
    ("} (next article)", [.key(.character("}"))]),
    ("G (end)", [.key(.character("G"))]),
    ("g (top)", [.key(.character("g"))]),
    ("Tab, j (TOC cursor)", [.key(.tab), .key(.character("j")), .key(.tab)]),
    ("z (fold a section)", [.key(.character("z"))]),
    ("fold and unfold a bulletin", [.key(.tab), .key(.character("g")), .key(.character("h")), .key(.character("l")), .key(.tab)]),
    ("resize 100x30 and back", [.resize(width: 100, height: 30), .resize(width: 120, height: 40)]),
]

for (name, events) in flows {
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = now()
        for event in events { state.handle(event); _ = state.render() }
        times.append((now() - start) / Double(events.count))
    }
    print("\(name.padding(28)) median \(String(format: "%.3f", median(times))) ms  max \(String(format: "%.3f", times.max()!)) ms")
}

// A library arriving in parts while it is indexed: each part is swapped in
// on the main thread, and a key that comes meanwhile waits for it. Timed
// from a part with every other bulletin to the whole (half of it new).
if library.bulletins.count > 1 {
    let kept = library.bulletins.indices.filter { $0 % 2 == 0 || !library.isShelved($0) }
    let read = Dictionary(uniqueKeysWithValues: kept.enumerated().compactMap { k, b in
        library.isShelved(b) ? nil : (k, library.bulletins[b])
    })
    let part = Library(stubs: kept.map { library.stubs[$0] }, read: read, shelf: library.shelf)
    var swaps: [Double] = []
    for _ in 0..<repeats {
        state.update(.partlyLoaded(part, lineOffset: 0))
        let start = now()
        state.update(.partlyLoaded(library, lineOffset: 0))
        _ = state.render()
        swaps.append(now() - start)
    }
    let name = "swap in \(library.bulletins.count - part.bulletins.count) more"
    print("\(name.padding(28)) median \(String(format: "%.3f", median(swaps))) ms  max \(String(format: "%.3f", swaps.max()!)) ms")
}

// Unfolding a folded bulletin of a library: its stub is read from its file.
if library.stubs.contains(where: { $0 != nil }) {
    state.handle(.key(.tab))
    state.handle(.key(.character("G")))
    var unfolds: [Double] = []
    for _ in 0..<repeats {
        state.handle(.key(.character("k")))
        let start = now()
        state.handle(.key(.character("l")))
        _ = state.render()
        unfolds.append(now() - start)
        state.handle(.key(.character("h")))
    }
    state.handle(.key(.tab))
    print("\("unfold a stub (l)".padding(28)) median \(String(format: "%.3f", median(unfolds))) ms  max \(String(format: "%.3f", unfolds.max()!)) ms")
}

// Search as you type: each keystroke filters every headline.
state.handle(.key(.character("/")))
var typing: [Double] = []
for _ in 0..<repeats {
    for c in "鲲鹏计划" {
        let start = now()
        state.handle(.key(.character(c)))
        _ = state.render()
        typing.append(now() - start)
    }
    for _ in 0..<4 { state.handle(.key(.backspace)) }
}
let perKey = (0..<4).map { k in median(stride(from: k, to: typing.count, by: 4).map { typing[$0] }) }
print("\("search keystrokes 1-4".padding(28)) medians \(perKey.map { String(format: "%.3f", $0) }.joined(separator: " ")) ms")
print("\("search keystroke".padding(28)) median \(String(format: "%.3f", median(typing))) ms  max \(String(format: "%.3f", typing.max()!)) ms")

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
