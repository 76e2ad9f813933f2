/// GFM pipe tables: a header row, a delimiter row (`|---|:--:|--:|`), then
/// body rows until a blank line. Cells are inline Markdown; `<br>` is a
/// line break inside a cell.
public struct Table: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right }

    public var alignments: [Alignment]
    public var header: [InlineText]
    public var rows: [[InlineText]]
}

enum TableParser {
    enum Shape { case table(Table), malformed, none }

    /// A paragraph's lines as a table, as preformatted text when the second
    /// line is a delimiter row gone wrong, or not a table.
    static func parse(_ lines: [String], references: LinkReferences, line: Int) -> Shape {
        guard lines.count >= 2, lines[0].contains("|") else { return .none }
        guard let alignments = delimiterRow(lines[1]) else {
            return looksLikeDelimiterRow(lines[1]) ? .malformed : .none
        }
        let header = cells(lines[0])
        guard header.count == alignments.count else { return .malformed }
        func inline(_ markdown: String, _ k: Int) -> InlineText {
            var text = InlineText(markdown: markdown, lineBreaks: true, references: references)
            text.line = line + k
            return text
        }
        // Body rows have the header's number of cells: missing ones empty, extra ones dropped (GFM).
        let rows = lines.dropFirst(2).enumerated().map { k, row in
            let found = cells(row)
            return (0..<header.count).map { c in c < found.count ? inline(found[c], k + 2) : InlineText(text: "") }
        }
        return .table(Table(alignments: alignments, header: header.map { inline($0, 0) }, rows: rows))
    }

    /// `|:--|:-:|--:|` as alignments; nil when not a delimiter row.
    static func delimiterRow(_ line: String) -> [Table.Alignment]? {
        let parts = cells(line)
        guard !parts.isEmpty, line.contains("|") || parts.count > 1 else { return nil }
        var alignments: [Table.Alignment] = []
        for part in parts {
            let cell = part.trimmingSpaces
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : right ? .right : .left)
        }
        return alignments
    }

    /// A row of pipes and dashes that is almost a delimiter row (`|---|--x|`,
    /// `|- - -|`): the author meant a table, so it is shown as written.
    static func looksLikeDelimiterRow(_ line: String) -> Bool {
        let marks = line.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard line.contains("|"), line.contains("-"), !marks.isEmpty else { return false }
        return marks.count { "-:|".unicodeScalars.contains($0) } * 2 >= marks.count
    }

    /// The cells of a row: split at `|` that is not escaped and not in a
    /// code span, without the outer pipes; `\|` stays for the inline parser.
    static func cells(_ line: String) -> [String] {
        var row = Substring(line.trimmingSpaces)
        if row.hasPrefix("|") { row = row.dropFirst() }
        if row.hasSuffix("|"), !row.hasSuffix("\\|") { row = row.dropLast() }
        var cells: [String] = []
        var start = row.startIndex, i = row.startIndex
        var inCode = false
        while i < row.endIndex {
            let c = row[i]
            if c == "\\" {
                i = row.index(after: i)
                if i < row.endIndex { i = row.index(after: i) }
                continue
            }
            if c == "`" { inCode.toggle() }
            if c == "|" && !inCode {
                cells.append(row[start..<i].trimmingSpaces)
                start = row.index(after: i)
            }
            i = row.index(after: i)
        }
        cells.append(row[start...].trimmingSpaces)
        return cells
    }
}
