import BulletinCore

/// Random bulletins from the pieces real and hostile ones are made of
/// (headings, TOC lines, lists, quotes, code, links, entities, escape
/// sequences, C1 controls, bidi overrides, invalid bytes), from a seed, so a
/// failing case can be made again: the property tests' inputs.
public struct BulletinSoup {
    static let tokens: [[UInt8]] = ([
        "# ", "## ", "### ", "#### ", "\n", "\r\n", "\n\n", " | ", "｜", "\\|", "---\n", "Title: ", "Date: ",
        "===", "- ", "* ", "1. ", "> ", "```", "~~~", "    ", "\t", "`", "**", "_", "~~", "[", "](", ")", "][",
        "![", "<", ">", "<br>", "<img alt=\"图\" src=\"a.png\">", "<!--", "-->", "<script>", "</script>",
        "&#10;", "&#x0A;", "&#27;", "&#x1b;", "&#8232;", "&#8233;", "&amp;", "&nbsp;", "&#", "&#13;",
        "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{1B}]8;;http://x\u{1B}\\", "\u{1B}]52;c;YQ==\u{07}", "\u{1B}P",
        "\u{1B}Ptmux;\u{1B}\u{1B}]0;x\u{07}\u{1B}\\", "\u{1B}_", "\u{1B}^", "\u{1B}X", "\u{9B}", "\u{9D}", "\u{90}",
        "\u{07}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{2029}", "\u{FEFF}", "中", "就业", "。", "，", "“", "”",
        "（一）", "目录", "新闻摘要", "北京", "地区 | 标题", "👨‍👩", "e\u{301}", "word ", "https://example.invalid/a?b=c&d",
        "一二三四五六七八九十", "\u{0}", "\u{7F}",
        // Issue 8: reference definitions and uses, images, embeds, details.
        "\n[a]: https://a.invalid/\n", "[A]: <x y> \"t\"\n", "[a][]", "[t][a]", "[a]", "![](x/y.png)",
        "<iframe src=\"https://v.invalid/e?x=1\"></iframe>", "<video src=\"\u{1B}]0;x\u{07}\">", "<img src=\"q.jpg\" alt=\"\">",
        "<details>", "<summary>", "</summary>", "</details>",
    ].map { Array($0.utf8) }) + [[0xFF], [0x80], [0xC3], [0xE4, 0xB8], [0xFF, 0xFE], [0xFE, 0xFF], [0xD6, 0xD0]]

    private var generator: SeededGenerator

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// A document of up to `tokens` pieces.
    public mutating func document(tokens count: Int = 200) -> [UInt8] {
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 1...count, using: &generator) {
            bytes += Self.tokens[Int.random(in: 0..<Self.tokens.count, using: &generator)]
        }
        return bytes
    }

    public mutating func encoding() -> TextEncodingChoice { Int.random(in: 0..<Invariants.encodings.count, using: &generator) }

    public mutating func keys() -> [UInt8] { (0..<12).map { _ in UInt8.random(in: 0...255, using: &generator) } }
}

/// An index into `Invariants.encodings`.
public typealias TextEncodingChoice = Int
