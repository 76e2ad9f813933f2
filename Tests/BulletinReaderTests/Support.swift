import BulletinCore
@testable import BulletinReader
import Testing

/// Builds reader states and drives them with keys, as the terminal would.
enum Reader {
    static func state(_ text: String = SampleBulletin.text, path: String = "sample.md", width: Int = 100, height: Int = 30) -> ReaderState {
        ReaderState(library: Library([BulletinParser.parse(text, path: path)]), width: width, height: height)
    }

    static func state(_ bulletins: [Bulletin], width: Int = 100, height: Int = 30) -> ReaderState {
        ReaderState(library: Library(bulletins), width: width, height: height)
    }

    static let seedPath = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/").prepending("/")) + "/../shared/fixtures/seed-bulletin.md"
    /// Tests of the shared seed are `.enabled(if: Reader.seedExists)`: reported as skipped without it.
    static var seedExists: Bool { (try? BulletinParser.parse(path: seedPath)) != nil }

    /// The shared seed bulletin (check `seedExists` first).
    static func seed() throws -> Bulletin { try BulletinParser.parse(path: seedPath) }
}

extension String {
    func prepending(_ prefix: String) -> String { prefix + self }
}

extension ReaderState {
    /// Presses keys given as text; named keys in braces: "{tab}", "{enter}",
    /// "{esc}", and Ctrl with a letter as "{^d}".
    mutating func press(_ keys: String) {
        var rest = Substring(keys)
        while let c = rest.first {
            if c == "{", let close = rest.firstIndex(of: "}") {
                let name = rest[rest.index(after: rest.startIndex)..<close]
                let named: [Substring: Key] = ["tab": .tab, "enter": .enter, "esc": .escape, "bs": .backspace,
                                               "down": .down, "up": .up, "pgdn": .pageDown, "pgup": .pageUp,
                                               "home": .home, "end": .end, "left": .left, "right": .right]
                handle(.key(name.first == "^" ? .control(name.last!) : named[name]!))
                rest = rest[rest.index(after: close)...]
            } else {
                handle(.key(.character(c)))
                rest = rest.dropFirst()
            }
        }
    }

    var screen: [String] { render().lines }

    /// The TOC pane's text, row by row, trailing spaces removed.
    var tocLines: [String] {
        let grid = render()
        return (0..<paneHeight).map { y in
            var line = ""
            for x in 0..<tocWidth where !grid[x, y].isContinuation { line += grid[x, y].text }
            return line.trimmingTrailingSpaces
        }
    }

    /// The article pane's text, row by row.
    var articleLines: [String] {
        let grid = render()
        return (0..<paneHeight).map { y in
            var line = ""
            for x in articleX..<width where !grid[x, y].isContinuation { line += grid[x, y].text }
            return line.trimmingTrailingSpaces
        }
    }

    var statusLine: String { render().line(paneHeight) }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
