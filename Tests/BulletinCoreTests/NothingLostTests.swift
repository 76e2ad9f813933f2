import Foundation
@testable import BulletinCore
import Testing

/// Nothing the author wrote is lost (issue 8): every paragraph line, list
/// item, heading and table cell of a fixture's source, outside code
/// fences, comments, front matter, link definitions and the TOC block,
/// appears in `cat`'s output.
@Suite struct NothingLostTests {
    static var fixtures: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.directory.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.contains("gb18030") }.sorted().map(Fixtures.path)
            + (Fixtures.seedExists ? [Fixtures.seedPath] : [])
    }

    /// Text without whitespace or link numbers, as it is compared.
    static func squeezed(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.first {
            // `[12]` after a link is layout's, not the author's.
            if c == "[", let close = scalars.firstIndex(of: "]"), close - scalars.startIndex > 1,
               scalars[scalars.index(after: scalars.startIndex)..<close].allSatisfy({ $0.properties.numericType != nil && $0.isASCII }) {
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            if !c.properties.isWhitespace { out.append(c) }
            scalars = scalars.dropFirst()
        }
        return String(out)
    }

    /// The pieces of source text a reader must see, each as its inline text.
    static func pieces(of path: String, _ bulletin: Bulletin) throws -> [(line: Int, text: String)] {
        let source = try String(contentsOfFile: path, encoding: .utf8)
        var pieces: [(Int, String)] = []
        var fence: Substring?
        var inComment = false
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let bodyStart = bulletin.outline[0].bodyLine  // after front matter
        for (k, raw) in lines.enumerated() {
            let number = k + 1
            let line = Substring(raw.trimmingSpaces)
            if let open = fence { if line.hasPrefix(open) { fence = nil }; continue }
            if line.hasPrefix("```") || line.hasPrefix("~~~") { fence = line.prefix(3); continue }
            if inComment { if line.contains("-->") { inComment = false }; continue }
            if line.hasPrefix("<!--") { inComment = !line.contains("-->"); continue }
            if number < bodyStart || bulletin.tocLines?.contains(number) == true || line.isEmpty { continue }
            if raw.hasPrefix("    ") || raw.hasPrefix("\t") { continue }  // indented code
            if LinkReferences.definition(line) != nil { continue }
            if line.allSatisfy({ "=-*_ ".contains($0) }) { continue }  // rules and setext underlines
            var content = line
            while let first = content.first, first == ">" { content = Substring(content.dropFirst().trimmingSpaces) }
            while let first = content.first, first == "#" { content = content.dropFirst() }
            if let item = content.firstMatch(of: /^([-*+]|\d+[.)])\s+/) { content = content[item.range.upperBound...] }
            let texts: [String]
            if content.contains("|"), lines.indices.contains(k + 1) || k > 0,
               let _ = TableParser.delimiterRow(String(lines[min(k + 1, lines.count - 1)])) ?? (k > 0 ? TableParser.delimiterRow(String(lines[k - 1])) : nil) {
                texts = TableParser.cells(String(content))  // a table row: each cell
            } else if TableParser.delimiterRow(String(content)) != nil {
                continue
            } else {
                texts = [String(content)]
            }
            for text in texts {
                let shown = InlineText(markdown: text, references: bulletin.references).text
                if !squeezed(shown).isEmpty { pieces.append((number, shown)) }
            }
        }
        return pieces
    }

    @Test(arguments: fixtures)
    func everyPieceOfTheSourceIsInCatsOutput(path: String) throws {
        let bulletin = try BulletinParser.parse(path: path)
        // Compared folded (width, case, NFKC), as `｜` is shown as `|`.
        let output = FoldedText(Self.squeezed(PlainText.render(bulletin, width: 2_000).text))
        let pieces = try Self.pieces(of: path, bulletin)
        #expect(pieces.count >= 5, "\(path): too few pieces to mean anything")
        for piece in pieces {
            #expect(output.firstIndex(of: FoldedText(Self.squeezed(piece.text))) != nil, "\(path):\(piece.line): \(piece.text.debugDescription) is not in cat's output")
        }
    }
}
