import Foundation
import Testing
import CByteScan
@testable import BulletinCore

@Suite struct DecodingTests {
    let sample = "# 标题\n\n## 要闻\n\n### 北京 | 新闻\n\n正文。\n"

    @Test func plainUTF8IsUsedWithoutCopyOrWarnings() throws {
        let text = try Fixtures.decode(Array(sample.utf8))
        #expect(text.encoding == .utf8)
        #expect(text.warnings.isEmpty)
        #expect(text.string == sample)
    }

    @Test func utf8BOMIsSkipped() throws {
        let text = try Fixtures.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
        #expect(text.encoding == .utf8BOM)
        #expect(text.string == sample)
    }

    @Test(arguments: [true, false])
    func utf16WithBOMDecodes(bigEndian: Bool) throws {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in sample.utf16 {
            let pair = [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            bytes += bigEndian ? pair : pair.reversed()
        }
        let text = try Fixtures.decode(bytes)
        #expect(text.encoding == (bigEndian ? .utf16BE : .utf16LE))
        #expect(text.string == sample)
        let bulletin = BulletinParser.parse(text, path: "x.md")
        #expect(bulletin.articleTitles == ["北京 | 新闻"])
    }

    /// Streams are read to their end, but binary data is refused from its
    /// first bytes and an endless stream stops at the limit: `/dev/zero`
    /// and `yes` end in an error, not in all the memory.
    @Test func streamsStopAtBinaryDataAndAtTheLimit() throws {
        #expect(throws: BulletinError.notText(path: "/dev/zero")) { try FileReader.read(path: "/dev/zero") }
        let utf16 = try Fixtures.temporaryFile([0xFF, 0xFE] + Array("## 要闻\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(try BulletinParser.parse(path: utf16).sectionTitles == ["要闻"], "UTF-16 has NULs and is text")
        let noBOM = try Fixtures.temporaryFile(Array("## 要闻\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(throws: BulletinError.notText(path: noBOM)) { try BulletinParser.parse(path: noBOM) }
        #expect(try BulletinParser.parse(path: noBOM, encoding: .utf16LE).sectionTitles == ["要闻"], "forced UTF-16")
        let long = try Fixtures.temporaryFile(Array(repeating: UInt8(ascii: "a"), count: 200_000))
        let fd = open(long, O_RDONLY)
        defer { close(fd) }
        #expect(throws: BulletinError.tooLarge(path: long, limit: 100_000)) {
            try FileReader.readAll(fd: fd, path: long, limit: 100_000)
        }
    }

    @Test func gb18030IsDetectedWithoutAFlag() throws {
        let gb = try Fixtures.parse("messy-bulletin.gb18030.md")
        let utf8 = try Fixtures.parse("messy-bulletin.md")
        #expect(gb.encoding == .gb18030)
        #expect(gb.articleTitles == utf8.articleTitles)
        #expect(gb.title == "城乡建设工作简报（第 12 期）")
        #expect(gb.warnings(.encoding).count == 1)
    }

    @Test func forcedEncodingOverridesDetection() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("messy-bulletin.gb18030.md"))))
        let forced = try Fixtures.decode(bytes, forcing: .utf8)
        #expect(forced.encoding == .utf8)
        #expect(forced.string.contains("\u{FFFD}"))
        #expect(TextEncoding(name: "gbk") == .gb18030)
        #expect(TextEncoding(name: "latin9") == nil)
    }

    @Test func invalidUTF8BecomesReplacementWithOneWarning() throws {
        let bytes = Array("## 要闻\n\n### 北京 | 新闻正文".utf8) + [0xFF, 0xFE, 0x41] + Array("\n好\n".utf8) + [0xE4, 0xB8]
        let text = try Fixtures.decode(bytes)
        #expect(text.encoding == .utf8)
        // One U+FFFD per invalid byte or truncated sequence, as WHATWG decoders do.
        #expect(text.string == "## 要闻\n\n### 北京 | 新闻正文\u{FFFD}\u{FFFD}A\n好\n\u{FFFD}")
        #expect(text.warnings.map(\.kind) == [.invalidBytes])
        #expect(text.warnings[0].message == "replaced 3 invalid byte sequences with U+FFFD")
    }

    @Test func lineEndingsBecomeLF() throws {
        let text = try Fixtures.decode(Array("a\r\nb\rc\n".utf8) + [0x01])
        #expect(text.string == "a\nb\nc\n")
        let crlf = BulletinParser.parse(SourceText("# T\r\n\r\n## 要闻\r\n\r\n### 北京 | 新闻\r\n\r\n正文\r\n"), path: "x.md")
        #expect(crlf.articleTitles == ["北京 | 新闻"])
        #expect(crlf.node(2).line == 5)
        #expect(crlf.blocks(of: 2) == [.paragraph(InlineText(text: "正文"))])
    }

    @Test func controlCharactersAndEscapeSequencesAreRemovedAndCounted() throws {
        let hostile = "## \u{1B}[31mRed\u{1B}[0m news\u{07}\n\u{1B}]0;title\u{07}ok \u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\ \u{9B}2J\u{85}x\u{202E}evil\u{2066}\u{7F}\u{0C}end\tTab\n"
        let text = try Fixtures.decode(Array(hostile.utf8))
        #expect(text.string == "## Red news\nok link xevilend\tTab\n")
        let removed = try #require(text.warnings.first { $0.kind == .controlCharacters })
        #expect(removed.message.contains("removed 12 "))
        for scalar in text.string.unicodeScalars {
            #expect(!ControlFilter.isRemovable(scalar))
        }
    }

    @Test func unterminatedOSCStopsAtEndOfLine() throws {
        let text = try Fixtures.decode(Array("a\u{1B}]0;never closed\nnext line\n".utf8))
        #expect(text.string == "a\nnext line\n")
    }

    @Test func entitiesThatDecodeToControlsAreDropped() throws {
        let bulletin = BulletinParser.parse("# T\n\n## A &#27;[31mB&#x9b; &amp; C\n\nText &#27;]0;x&#7; here &lt;ok&gt;\n")
        #expect(bulletin.node(1).text == "A [31mB & C")
        #expect(bulletin.warnings(.controlCharacters).count == 1)
        guard case .paragraph(let body) = bulletin.blocks(of: 1).first else { Issue.record("no paragraph"); return }
        #expect(body.text == "Text ]0;x here <ok>")
        #expect(body.removedControls == 2)
        // Bodies are parsed lazily; printing them all reports what their entities produced.
        let output = PlainText.render(bulletin, width: 80)
        #expect(!output.text.unicodeScalars.contains { ControlFilter.isRemovable($0) && $0 != "\n" })
        #expect(output.bodyWarnings.map(\.message) == ["removed 2 control character(s) decoded from HTML entities in article text"])
    }

    @Test func nulBytesMeanNotText() throws {
        let path = try Fixtures.temporaryFile(Array("# a\n".utf8) + [0, 1, 2, 0] + Array("rest".utf8), name: "image.md")
        #expect(throws: BulletinError.notText(path: path)) { try BulletinParser.parse(path: path) }
        #expect(BulletinError.notText(path: path).description == "\(path): not a text bulletin (binary data)")
    }

    @Test func missingPathsAndEmptyDirectoriesAreClearErrors() throws {
        #expect(throws: BulletinError.missing(path: "/nonexistent/x.md")) { try BulletinParser.parse(path: "/nonexistent/x.md") }
        let file = try Fixtures.temporaryFile([], name: "notes.pdf")
        let directory = URL(fileURLWithPath: file).deletingLastPathComponent().path
        #expect(throws: BulletinError.emptyDirectory(path: directory)) { try ArchiveWalker.files(for: [directory]) }
    }

    @Test(arguments: ["", "   \n\n\t\n", "\u{FEFF}"])
    func emptyAndWhitespaceFilesGiveAnEmptyOutline(content: String) throws {
        let path = try Fixtures.temporaryFile(Array(content.utf8), name: "empty-issue.md")
        let bulletin = try BulletinParser.parse(path: path)
        #expect(bulletin.title == "empty-issue")
        #expect(bulletin.outline.count == 1)
        #expect(bulletin.outline[0].kind == .bulletin)
    }
}

@Suite struct SanitizerAgreementTests {
    /// The fast whole-file check and the cleaner must agree: a file the check
    /// calls clean is used as is, so it must be exactly what cleaning gives.
    @Test func needsCleaningAgreesWithClean() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("北京新闻".utf8), Array("abc ".utf8), [0x0A], [0x0D, 0x0A], [0x0D], [0x09], [0x1B, 0x5B, 0x31, 0x6D], [0x7F],
            [0xC2, 0x9B], [0xC2, 0xA0], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0x94], [0xE2, 0x81, 0xA6], [0xE0, 0x80, 0x80],
            [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE4, 0xB8], [0x80],
            Array("0123456789ABCDEFGH".utf8), [0x00], [0x1F], [0xC0, 0xAF], [0xF0, 0x80, 0x80, 0x80],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            bytes.withUnsafeBufferPointer { buffer in
                let result = UTF8Sanitizer.clean(buffer)
                let cleaned = Array(result.storage.buffer)
                // CRLF is left to the line scanner, so compare with CRLF already normalised.
                let crlfFree = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
                let changes = cleaned != crlfFree || String(validating: bytes, as: UTF8.self) == nil
                #expect(UTF8Sanitizer.needsCleaning(chunk: buffer) == changes, "\(bytes.map { String($0, radix: 16) })")
            }
        }
    }
}

@Suite struct ByteSearchTests {
    /// The C search hops on the needle's rarest byte; it must find exactly
    /// what a plain scan finds, wherever the needle sits.
    @Test func byteSearchAgreesWithAPlainScan() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab #|\n".utf8) + [0xE4, 0xB8, 0x80]
        for _ in 0..<5000 {
            let haystack = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let needle = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let plain = haystack.count < needle.count ? nil
                : (0...haystack.count - needle.count).first { Array(haystack[$0..<$0 + needle.count]) == needle }
            let found = haystack.withUnsafeBytes { h in
                string_search(h.baseAddress, h.count, needle, needle.count).map { $0 - h.baseAddress! }
            }
            #expect(found == plain, "\(haystack) \(needle)")
        }
    }
}
