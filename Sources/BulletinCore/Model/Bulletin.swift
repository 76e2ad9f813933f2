import Glibc

/// A parsed bulletin: its title, metadata, navigable outline, reconciled
/// table of contents and warnings. Article bodies are parsed on demand
/// (`blocks(of:)`), so outlining a huge file never builds them.
public struct Bulletin: Sendable {
    public let path: String
    public let title: String
    public let metadata: [(key: String, value: String)]
    /// The file's link reference definitions, for the bodies' `[text][label]`.
    public let references: LinkReferences
    public let encoding: TextEncoding
    public let outline: Outline
    public let toc: [TOCEntry]
    /// Lines taken by the table of contents (not shown as content).
    public let tocLines: ClosedRange<Int>?
    public let warnings: [Warning]
    public let source: SourceText

    public struct Section: Sendable {
        public let node: Int
        public let articles: [Int]
    }

    /// Sections with their articles, in document order.
    public var sections: [Section] {
        outline.sectionIndices.map { Section(node: $0, articles: outline.articles(in: $0)) }
    }

    /// The body blocks of one node: paragraphs, lists, quotes, code, ...
    /// Decoded text holds no NUL, so a NUL is where a file that shrank
    /// under its mapping ends (it reads as zeros from there): the body
    /// stops at it.
    public func blocks(of node: Int) -> [Block] {
        let n = outline[node]
        let bytes = source.bytes
        var end = n.bodyEnd
        if n.bodyStart < end, let base = bytes.baseAddress,
           let zero = memchr(base + n.bodyStart, 0, end - n.bodyStart) {
            end = base.distance(to: zero.assumingMemoryBound(to: UInt8.self))
        }
        return BlockParser(source: source, range: n.bodyStart..<end, firstLine: n.bodyLine, skipping: tocLines,
                           references: references).parse()
    }
}

extension Bulletin {
    /// A stand-in for a bulletin whose file is not read (a library's folded
    /// bulletin, known from its index row): its title as its only node.
    public static func placeholder(path: String, title: String) -> Bulletin {
        let node = OutlineNode(kind: .bulletin, level: 0, depth: 0, text: title, region: nil, headline: title, line: 1,
                               bodyStart: 0, bodyEnd: 0, bodyLine: 1)
        return Bulletin(path: path, title: title, metadata: [], references: LinkReferences(), encoding: .utf8,
                        outline: Outline([node]), toc: [], tocLines: nil, warnings: [], source: emptySource)
    }

    private static let emptySource = SourceText("")
}

/// Entry points from bytes or paths to `Bulletin`.
public enum BulletinParser {
    public static func parse(_ source: SourceText, path: String) -> Bulletin {
        build(source, scan: OutlineScan(source), path: path)
    }

    static func build(_ source: SourceText, scan: OutlineScan, path: String) -> Bulletin {
        source.storage.releaseResidentPages()
        let result = OutlineBuilder(scan: scan, byteCount: source.range.count, fallbackTitle: fileStem(path)).build()
        var warnings = source.warnings + result.warnings.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        if result.removedControls > 0 {
            warnings.append(Warning(line: nil, kind: .controlCharacters,
                                    message: "removed \(result.removedControls) control character(s) decoded from HTML entities in headings"))
        }
        return Bulletin(path: path, title: result.title, metadata: scan.metadata, references: scan.references,
                        encoding: source.encoding,
                        outline: Outline(result.nodes), toc: result.toc, tocLines: result.tocLines,
                        warnings: warnings, source: source)
    }

    public static func parse(path: String, encoding: TextEncoding? = nil) throws(BulletinError) -> Bulletin {
        let utf16 = encoding?.isUTF16 == true
        let storage = path == "-" ? try FileReader.readAll(fd: 0, path: "standard input", mayContainNUL: utf16)
            : try FileReader.read(path: path, mayContainNUL: utf16)
        let (source, scan) = try SourceDecoder.decode(storage, path: path, forcing: encoding, overlapping: OutlineScan.init)
        return build(source, scan: scan, path: path)
    }

    /// Several files parsed on all cores: each one's bulletin or error, in order.
    public static func parse(paths: [String], encoding: TextEncoding? = nil) -> [Result<Bulletin, BulletinError>] {
        Parallel.mapTakingTurns(count: paths.count) { i in
            Result { () throws(BulletinError) in try parse(path: paths[i], encoding: encoding) }
        }
    }

    public static func parse(_ text: String, path: String = "bulletin.md") -> Bulletin {
        parse(SourceText(text), path: path)
    }

    /// The path's last non-empty component (the path itself when it has
    /// none), found without splitting the path: sorting 10,000 bulletins by
    /// name asks it 280,000 times.
    public static func fileName(_ path: String) -> Substring {
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let start = path[..<end].lastIndex(of: "/").map(path.index(after:)) ?? path.startIndex
        return end > start ? path[start..<end] : Substring(path)
    }

    /// File name without directory and extension ("standard input" for `-`),
    /// as a title: without control characters, like the bulletin's own text.
    public static func fileStem(_ path: String) -> String {
        if path == "-" { return "standard input" }
        var name = fileName(path)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = name[..<dot] }
        func kept(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 && !ControlFilter.isRemovable(scalar) }
        // Almost every name is clean: no rebuilding it scalar by scalar.
        if name.unicodeScalars.allSatisfy(kept) { return String(name) }
        return String(scalars: name.unicodeScalars.filter(kept))
    }
}
