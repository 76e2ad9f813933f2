import BulletinThemes
import Testing

/// The TOML reader over toml++: values, their lines, and errors with lines.
@Suite struct TOMLDocumentTests {
    @Test func valuesNestedTablesAndArraysKeepTheirLines() throws {
        let text = """
        # a comment
        name = "x"

        [part]
        fg = 12
        attrs = ["bold", "dim"]
        ratio = 0.5

        [part.inner]
        ok = true
        """
        let root = try TOMLDocument.parse(text)
        #expect(root.map(\.key) == ["name", "part"])
        #expect(root[0] == TOMLEntry(key: "name", value: .string("x"), line: 2))
        guard case .table(let part) = root[1].value else { Issue.record("part is not a table"); return }
        #expect(root[1].line == 4)
        // toml++ keeps keys in order: attrs, fg, inner, ratio.
        #expect(part.map(\.key) == ["attrs", "fg", "inner", "ratio"])
        #expect(part[0].value == .array([.string("bold"), .string("dim")]) && part[0].line == 6)
        #expect(part[1].value == .integer(12) && part[1].line == 5)
        #expect(part[2].value == .table([TOMLEntry(key: "ok", value: .other("boolean"), line: 10)]))
        #expect(part[3].value == .other("float") && part[3].line == 7)
    }

    @Test func syntaxErrorsAndDuplicateKeysNameTheirLine() {
        for (text, line) in [("a = 1\nb = = 2\n", 2), ("[t]\nx = 1\nx = 2\n", 3), ("s = \"open\n", 1)] {
            #expect(throws: TOMLError.self) { try TOMLDocument.parse(text) }
            do { _ = try TOMLDocument.parse(text) } catch { #expect(error.line == line, "\(text)"); #expect(!error.message.isEmpty) }
        }
    }

    @Test func emptyAndUnicodeText() throws {
        #expect(try TOMLDocument.parse("").isEmpty)
        #expect(try TOMLDocument.parse("d = \"深色 — ✓\"") == [TOMLEntry(key: "d", value: .string("深色 — ✓"), line: 1)])
    }

    @Test func ordinalsAreThePlacesInAllCases() {
        for (index, part) in ThemePart.allCases.enumerated() { #expect(part.ordinal == index, "\(part)") }
    }
}
