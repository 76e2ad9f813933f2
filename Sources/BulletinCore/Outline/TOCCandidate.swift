/// A block near the top that may be a table of contents, found in the scan:
/// headings to drop from the outline and entries to reconcile.
struct TOCCandidate {
    enum Shape { case sections, contentsList, preambleLines }

    var shape: Shape
    /// Indices into the scan's headings that belong to the TOC.
    var headings: [Int]
    var entries: [TOCEntry]
    var lines: ClosedRange<Int>
    /// The entries' match keys, built with the candidate (off the main thread for big files).
    let index: TOCIndex

    init(shape: Shape, headings: [Int], entries: [TOCEntry], lines: ClosedRange<Int>) {
        self.shape = shape
        self.headings = headings
        self.entries = entries
        self.lines = lines
        index = TOCIndex(entries)
    }

    /// Headings that announce a contents list, as folded keys.
    static let contentsTitles: Set<[UInt32]> = Set([
        "目录", "目錄", "新闻摘要", "本期目录", "本期要目", "要目", "导读", "本期导读", "内容提要", "摘要",
        "Contents", "Table of Contents", "TOC", "In this issue", "Summary", "Headlines",
    ].map(SearchFolding.key))

    /// Candidates in the order they are tried.
    static func find(in scan: OutlineScan, titleHeading: Int?) -> [TOCCandidate] {
        let byHeading = EntryGroups(scan)
        var found: [TOCCandidate] = []
        if let named = contentsList(scan, byHeading) { found.append(named) }
        if let sections = sectionRun(scan, byHeading, titleHeading: titleHeading) { found.append(sections) }
        if let preamble = preambleLines(Array(byHeading[titleHeading ?? -1])) { found.append(preamble) }
        return found
    }

    /// `## Section` headings, each followed only by short lines, up to the
    /// first heading without lines or the first repeated section title.
    static func sectionRun(_ scan: OutlineScan, _ byHeading: EntryGroups, titleHeading: Int?) -> TOCCandidate? {
        let first = (titleHeading ?? -1) + 1
        guard first < scan.headings.count else { return nil }
        let level = scan.headings[first].level
        var seen = FoldedKeyTable(capacity: scan.headings.count - first)
        var run: [Int] = []
        var titles: [(String, FoldedKey)] = []
        var lines: [(entry: OutlineScan.Entry, section: Int)] = []
        for index in first..<scan.headings.count {
            let heading = scan.headings[index]
            let under = byHeading[index]
            let title = InlineText(markdown: heading.markdown).text
            let key = FoldedKey(title)
            guard heading.level == level, !under.isEmpty, seen[key] == nil,
                  under.allSatisfy({ $0.text.utf8.count <= OutlineScan.longLine }) else { break }
            seen.updateValue(index, forKey: key)
            run.append(index)
            lines += under.map { ($0, titles.count) }
            titles.append((title, key))
        }
        let entries = Parallel.map(lines) { entry($0.entry.line, $0.entry.text, section: titles[$0.section]) }
        guard let last = entries.last, let start = run.first, run.last! + 1 < scan.headings.count else { return nil }
        return TOCCandidate(shape: .sections, headings: run, entries: entries, lines: scan.headings[start].line...last.line)
    }

    /// A heading such as `目录` or `Contents` over a list of headlines,
    /// numbered or bulleted, items possibly wrapped over two lines.
    static func contentsList(_ scan: OutlineScan, _ byHeading: EntryGroups) -> TOCCandidate? {
        for (index, heading) in scan.headings.enumerated() where heading.markdown.utf8.count <= 40 && !byHeading[index].isEmpty {
            guard contentsTitles.contains(SearchFolding.key(InlineText(markdown: heading.markdown).text)) else { continue }
            var items: [(line: Int, text: String)] = []
            var lastLine = heading.line
            var itemsParenthesized: Bool?
            for line in byHeading[index] {
                let startsItem = line.isListItem || ListNumbering.hasMarker(line.text)
                let parenthesized = startsItem && ListNumbering.isParenthesized(line.text)
                // Part of the summary, but not headlines: an intro line ending
                // in a colon, the closing air-time line, and numbered
                // sub-items `（1）` under an item (that article's contents).
                if items.isEmpty && !startsItem && ListNumbering.endsWithColon(line.text)
                    || ListNumbering.isClosingTimestamp(line.text)
                    || parenthesized && itemsParenthesized == false {
                    lastLine = line.line
                    continue
                }
                if let last = items.last, !startsItem, !ListNumbering.endsItem(last.text) {
                    items[items.count - 1].text += "\n" + line.text
                } else {
                    items.append((line.line, line.text))
                    if startsItem, itemsParenthesized == nil { itemsParenthesized = parenthesized }
                }
                lastLine = line.line
            }
            guard !items.isEmpty else { continue }
            let entries = items.map { entry($0.line, ListNumbering.strip($0.text), section: nil) }
            return TOCCandidate(shape: .contentsList, headings: [index], entries: entries, lines: heading.line...lastLine)
        }
        return nil
    }

    /// `Region | Headline` lines before the first heading (after the title).
    static func preambleLines(_ lines: [OutlineScan.Entry]) -> TOCCandidate? {
        guard lines.count >= 2, lines.allSatisfy({ RegionSplit.hasRegion($0.text) }),
              let first = lines.first, let last = lines.last else { return nil }
        return TOCCandidate(shape: .preambleLines, headings: [], entries: lines.map { entry($0.line, $0.text, section: nil) },
                            lines: first.line...last.line)
    }

    static func entry(_ line: Int, _ markdown: String, section: (title: String, key: FoldedKey)?) -> TOCEntry {
        let parsed = HeadingText(markdown: markdown)
        return TOCEntry(line: line, region: parsed.region, headline: parsed.headline, section: section?.title,
                        sectionKey: section?.key)
    }
}

/// Numbering and trailing punctuation of list-style TOC items.
enum ListNumbering {
    static let bullets = ScalarSet("-*+•·●○■□◆▪")
    static let separators = ScalarSet(".、．)）:： ")
    static let numerals = ScalarSet("0123456789一二三四五六七八九十百〇零")
    static let trailing = ScalarSet("；;。.，,、")

    static func hasMarker(_ text: String) -> Bool { markerLength(Array(text.unicodeScalars)) > 0 }

    /// `（1）`, `(2)`: the marker of sub-items under `1.`-style items.
    static func isParenthesized(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "(" || first == "（" else { return false }
        return hasMarker(text)
    }

    static func endsWithColon(_ text: String) -> Bool {
        guard let last = text.trimmingSpaces.unicodeScalars.last else { return false }
        return last == ":" || last == "："
    }

    /// `（《新闻联播》 20240105 19:00）`: a line in brackets that gives a
    /// date (six or more digits in a row) or a time (`19:00`).
    static func isClosingTimestamp(_ text: String) -> Bool {
        let s = Array(text.trimmingSpaces.unicodeScalars)
        guard let first = s.first, let last = s.last, first == "(" || first == "（", last == ")" || last == "）" else { return false }
        var run = 0, longest = 0
        for c in s { run = c.properties.numericType != nil && c.isASCII ? run + 1 : 0; longest = max(longest, run) }
        let time = s.indices.dropFirst().dropLast().contains { i in
            (s[i] == ":" || s[i] == "：") && s[i - 1].isASCII && s[i - 1].properties.numericType != nil
                && s[i + 1].isASCII && s[i + 1].properties.numericType != nil
        }
        return longest >= 6 || time
    }

    /// An item ends with sentence punctuation: the next line starts a new one.
    static func endsItem(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last else { return true }
        return trailing.contains(last) || "!?！？”".unicodeScalars.contains(last)
    }

    static func strip(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        scalars.removeFirst(markerLength(scalars))
        while let last = scalars.last, trailing.contains(last) || last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars: scalars).trimmingSpaces
    }

    /// Length of `1.`, `(2)`, `（三）`, `四、` or a bullet at the start.
    static func markerLength(_ s: [Unicode.Scalar]) -> Int {
        guard let first = s.first else { return 0 }
        if bullets.contains(first), s.count > 1, s[1] == " " { return 2 }
        var i = 0
        let open = first == "(" || first == "（"
        if open { i = 1 }
        let digitsStart = i
        while i < s.count, numerals.contains(s[i]) { i += 1 }
        guard i > digitsStart, i < s.count else { return 0 }
        if open { return s[i] == ")" || s[i] == "）" ? i + 1 : 0 }
        guard separators.contains(s[i]) else { return 0 }
        if s[i] == ".", i + 1 < s.count, s[i + 1].isASCII, s[i + 1].properties.numericType != nil { return 0 }
        if s[i] == " " && !s[digitsStart..<i].allSatisfy({ $0.isASCII }) { return 0 }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }
        return i
    }
}

/// The scan's entries grouped by the heading they follow (-1: before the
/// first), as slices of one array. Entries come in heading order, so the
/// groups are prefix sums of per-heading counts: plain `[Int]`s, where a
/// dictionary of slices costs the Swift runtime a conformance scan at start.
struct EntryGroups {
    private let entries: [OutlineScan.Entry]
    /// Heading `h`'s entries are `entries[bounds[h + 1]..<bounds[h + 2]]`.
    private var bounds: [Int]

    init(_ scan: OutlineScan) {
        entries = scan.entries
        bounds = Array(repeating: 0, count: scan.headings.count + 2)
        for entry in entries { bounds[entry.heading + 2] += 1 }
        for i in bounds.indices.dropFirst() { bounds[i] += bounds[i - 1] }
    }

    subscript(heading: Int) -> ArraySlice<OutlineScan.Entry> {
        guard heading >= -1, heading + 2 < bounds.count else { return [] }
        return entries[bounds[heading + 1]..<bounds[heading + 2]]
    }
}
