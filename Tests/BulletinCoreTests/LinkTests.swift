@testable import BulletinCore
import Testing

/// Reference links, images and embeds (issue 8).
@Suite struct LinkTests {
    func references(_ definitions: [(String, String)]) -> LinkReferences {
        var r = LinkReferences()
        for (label, url) in definitions { r.define(label: label, url: url) }
        return r
    }

    func links(_ markdown: String, _ refs: LinkReferences) -> (String, [String]) {
        let text = InlineText(markdown: markdown, references: refs)
        return (text.text, text.urls)
    }

    @Test func fullCollapsedAndShortcutReferencesResolve() {
        let refs = references([("emu", "https://emu.invalid/"), ("Release  Notes", "https://notes.invalid/")])
        #expect(links("the [terminal][EMU] here", refs) == ("the terminal here", ["https://emu.invalid/"]))
        #expect(links("the [emu][] here", refs) == ("the emu here", ["https://emu.invalid/"]))
        #expect(links("the [emu] here", refs) == ("the emu here", ["https://emu.invalid/"]))
        #expect(links("[notes][release\nnotes]", refs) == ("notes", ["https://notes.invalid/"]))
        #expect(links("[ RELEASE notes ]", refs) == (" RELEASE notes ", ["https://notes.invalid/"]))
    }

    @Test func aURLInsideLinkTextIsNotALinkOfItsOwn() {
        let text = InlineText(markdown: "[see https://x.invalid/ and www.y.invalid](https://z.invalid/)")
        #expect(text.text == "see https://x.invalid/ and www.y.invalid")
        #expect(text.urls == ["https://z.invalid/"])
    }

    @Test func bracketsWithoutADefinitionStayLiteral() {
        let refs = references([("emu", "https://emu.invalid/")])
        #expect(links("[no such][label] and [other]", refs) == ("[no such][label] and [other]", []))
        #expect(links("[emu]", LinkReferences()) == ("[emu]", []))
        #expect(links("an inline [x](https://x.invalid/) wins", refs).1 == ["https://x.invalid/"])
    }

    @Test func labelsMatchAsCommonMarkSays() {
        #expect(LinkReferences.normalize("  Foo \t Bar\n baz ".unicodeScalars) == "foo bar baz")
        #expect(LinkReferences.normalize("ẞ".unicodeScalars) == LinkReferences.normalize("ss".unicodeScalars))
        #expect(LinkReferences.normalize("   ".unicodeScalars) == nil)
        #expect(LinkReferences.normalize(String(repeating: "a", count: 1000).unicodeScalars) == nil)
        var refs = LinkReferences()
        refs.define(label: "a", url: "first")
        refs.define(label: "A", url: "second")
        #expect(refs.url(for: "a".unicodeScalars) == "first")
    }

    @Test func definitionLines() {
        #expect(LinkReferences.definition("[emu]: https://emu.invalid/")! == ("emu", "https://emu.invalid/"))
        #expect(LinkReferences.definition("   [RT]: https://r.invalid/ \"Ratatui\"")! == ("RT", "https://r.invalid/"))
        #expect(LinkReferences.definition("[a b]: <https://x.invalid/a b> 'title'")! == ("a b", "https://x.invalid/a b"))
        #expect(LinkReferences.definition("[x]: (paren title) extra") == nil)
        #expect(LinkReferences.definition("    [indented]: https://code.invalid/") == nil)
        #expect(LinkReferences.definition("[x]:") == nil)
        #expect(LinkReferences.definition("[x] : https://x.invalid/") == nil)
    }

    @Test func definitionsAnywhereResolveAndAreNotShown() {
        let bulletin = BulletinParser.parse("""
        ## A

        See [emu][] and [the notes][n].

        ## B

        > quoted [emu]

        [emu]: https://emu.invalid/
        [N]: https://notes.invalid/
        """)
        let text = PlainText.render(bulletin, width: 80, links: .inline).text
        #expect(text.contains("See emu <https://emu.invalid/> and the notes <https://notes.invalid/>."))
        #expect(text.contains("> quoted emu <https://emu.invalid/>"))
        #expect(!text.contains("[emu]:") && !text.contains("[N]:"))
    }

    @Test func aDefinitionCannotInterruptAParagraph() {
        let bulletin = BulletinParser.parse("## A\n\nline one\n[x]: https://x.invalid/\n\n[x]\n")
        let text = PlainText.render(bulletin, width: 80, links: .none).text
        #expect(text.contains("line one [x]: https://x.invalid/"))  // a bare URL: a link
        #expect(text.hasSuffix("[x]\n"))
    }

    @Test func imagesAlwaysLeaveATrace() {
        #expect(InlineText(markdown: "![](https://x.invalid/img/qrcode.jpg?s=2)").text == "[image: qrcode.jpg]")
        #expect(InlineText(markdown: "![ ](https://x.invalid/)").text == "[image: x.invalid]")
        #expect(InlineText(markdown: "![Logo](a.png)").text == "[image: Logo]")
        let html = InlineText(markdown: "<img src=\"https://x.invalid/pics/banner.png\" alt=\"\">")
        #expect(html.text == "[image: banner.png]")
        #expect(html.urls == ["https://x.invalid/pics/banner.png"])
        #expect(InlineText(markdown: "<img alt=\"Art\" src=\"b.png\">").text == "[image: Art]")
        #expect(InlineText(markdown: "<img>").text == "[image: image]")
    }

    @Test func embedsShowTheirPlaceAndAreLinks() {
        let embed = InlineText(markdown: "<iframe src=\"https://www.youtube.com/embed/abc?start=5\"></iframe>")
        #expect(embed.text == "[embedded: www.youtube.com/embed/abc]")
        #expect(embed.urls == ["https://www.youtube.com/embed/abc?start=5"])
        #expect(InlineText(markdown: "<video src=\"//cdn.invalid/v.mp4\" controls></video>").text == "[embedded: cdn.invalid/v.mp4]")
        #expect(InlineText(markdown: "<audio src='https://a.invalid/ep1.mp3'>").text == "[embedded: a.invalid/ep1.mp3]")
    }

    @Test func detailsShowTheSummaryThenTheContent() {
        let bulletin = BulletinParser.parse("## A\n\n<details><summary>Schedule</summary>Monday: keynote.</details>\n")
        #expect(bulletin.blocks(of: 1) == [.paragraph(InlineText(text: "Schedule")), .paragraph(InlineText(text: "Monday: keynote."))])
    }
}

/// Paragraph repair joins only running prose (issue 8).
@Suite struct ParagraphRepairTests {
    func paragraphs(_ body: String) -> [String] {
        let bulletin = BulletinParser.parse("## A\n\n" + body)
        return bulletin.blocks(of: 1).compactMap { if case .paragraph(let t) = $0 { t.text } else { nil } }
    }

    @Test func proseSplitMidSentenceIsStillJoined() {
        #expect(paragraphs("这是一段被错误地拆开的新闻正文，它在句子中间断开了\n\n后面的内容应该接上。\n").count == 1)
        #expect(paragraphs("The council met on Tuesday and agreed that the new\n\nbudget would be published in May.\n").count == 1)
    }

    @Test func neverAfterAURLALinkAnImageOrAnEmphasisOnlyLine() {
        for first in ["点这里：https://example.invalid/a", "详情和更多相关的报道见 [官网的说明](https://example.invalid/)",
                      "A long line that ends with an autolink <https://example.invalid/x>",
                      "A long caption line before the picture ![](https://example.invalid/p.png)",
                      "**Editor's note from the weekly desk team**", "see every detail of the story at www.example.invalid/path",
                      "有任何问题请写信给编辑部：mailto:desk@example.invalid", "the whole report is online, after a tab:\thttps://example.invalid/r"] {
            #expect(paragraphs(first + "\n\n如果你想了解更多，请继续阅读。\n").count == 2, "\(first)")
            #expect(paragraphs(first + "\n\nand the rest of it continues here.\n").count == 2, "\(first)")
        }
    }

    @Test func aLinkInsideTheLineDoesNotStopTheJoin() {
        #expect(paragraphs("as [the report](https://example.invalid/r) said, the council agreed that the new\n\nbudget would follow.\n").count == 1)
    }

    @Test func neverIntoAListOrAHeading() {
        let bulletin = BulletinParser.parse("## A\n\nThe list of the changes made this week to the\n\n- item\n\n#### Then\n")
        #expect(bulletin.blocks(of: 1).count == 2)
        if case .listItem = bulletin.blocks(of: 1)[1] {} else { Issue.record("the list item was joined") }
    }
}

/// Block quotes hold blocks: lists in quotes stay lists (issue 8).
@Suite struct QuoteBlockTests {
    @Test func listsInsideQuotesAreItemsWithTheBar() {
        let bulletin = BulletinParser.parse("## A\n\n> intro\n>\n> - a\n> - b\n>   - nested\n>\n> > inner\n")
        let blocks = bulletin.blocks(of: 1)
        #expect(blocks == [.quote([
            .paragraph(InlineText(text: "intro")),
            .listItem(marker: "-", level: 0, InlineText(text: "a")),
            .listItem(marker: "-", level: 0, InlineText(text: "b")),
            .listItem(marker: "-", level: 1, InlineText(text: "nested")),
            .quote([.paragraph(InlineText(text: "inner"))]),
        ])])
        let text = PlainText.render(bulletin, width: 40).text
        #expect(text.contains("> intro\n>\n> • a\n> • b\n>   • nested\n>\n> > inner\n"))
    }

    @Test func quotedListItemsWrapWithHangingIndents() {
        let bulletin = BulletinParser.parse("## A\n\n> - a quoted item long enough to wrap over two lines\n")
        let lines = PlainText.render(bulletin, width: 24).text.split(separator: "\n").filter { $0.hasPrefix(">") }
        #expect(lines.count >= 2)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 24 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(">   ") })
    }

    @Test func deepNestingStopsBeingParsedAtTheCap() {
        let depth = 5_000
        let bulletin = BulletinParser.parse("## A\n\n" + String(repeating: "> ", count: depth) + "deep\n")
        var blocks = bulletin.blocks(of: 1)
        var levels = 0
        while case .quote(let inner) = blocks.first { levels += 1; blocks = inner }
        #expect(levels == BlockParser.maximumQuoteDepth)
        guard case .paragraph(let text) = blocks.first else { Issue.record("no text at the cap"); return }
        #expect(text.text.hasSuffix("deep"))
        #expect(PlainText.render(bulletin, width: 80).text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })
    }
}

/// Links numbered per node, listed after it by cat, wrapped at URL breaks (issue 8).
@Suite struct LinkNumberingTests {
    let bulletin = BulletinParser.parse("""
    ## A

    The [emu](https://emu.invalid/) terminal, see https://x.invalid/a?b=1. Also <https://auto.invalid/>
    and ![](https://img.invalid/p/qr.png).

    > quoted [link](https://q.invalid/)

    ## B

    Again [emu](https://emu.invalid/) and www.example.invalid/path, then 点这里：https://cn.invalid/a。
    """)

    @Test func linksAreNumberedFromOneInEachNodeInReadingOrder() {
        let layout = DocumentLayout(bulletin: bulletin, width: 200)
        let a = layout.layout(1), b = layout.layout(2)
        #expect(a.links.map(\.number) == [1, 2, 3, 4, 5])
        #expect(a.links.map(\.url) == ["https://emu.invalid/", "https://x.invalid/a?b=1", "https://auto.invalid/",
                                       "https://img.invalid/p/qr.png", "https://q.invalid/"])
        #expect(a.links.map(\.line) == [3, 3, 3, 4, 6])
        #expect(b.links.map(\.url) == ["https://emu.invalid/", "http://www.example.invalid/path", "https://cn.invalid/a"])
        let body = a.lines.map(\.text).joined(separator: "\n")
        #expect(body.contains("The emu[1] terminal, see https://x.invalid/a?b=1[2]. Also https://auto.invalid/[3]"))
        #expect(body.contains("and [image: qr.png][4]."))
        #expect(body.contains("> quoted link[5]"))
        #expect(b.lines.map(\.text).joined().contains("点这里：https://cn.invalid/a[3]。"))
        // Each line knows where its links are and their numbers.
        let line = a.lines.first { $0.text.hasPrefix("The emu") }!
        let scalars = Array(line.text.unicodeScalars)
        #expect(line.links.map(\.number) == [1, 2, 3, 4])
        #expect(String(String.UnicodeScalarView(scalars[line.links[0].range])) == "emu[1]")
        #expect(line.styles.contains { $0.style == .reference })
    }

    @Test func aLinkWithoutTextIsNumberedWithoutBreakingItsSpans() {
        let bulletin = BulletinParser.parse("## A\n\nsee [](https://empty.invalid/) and <>[x](https://x.invalid/)\n")
        let layout = DocumentLayout(bulletin: bulletin, width: 80).layout(1)
        #expect(layout.links.map(\.url) == ["https://empty.invalid/", "https://x.invalid/"])
        #expect(layout.lines.contains { $0.text == "see [1] and <>x[2]" })
        #expect(PlainText.render(bulletin, width: 80, links: .inline).text.contains("see  <https://empty.invalid/> and"))
    }

    @Test func catListsEachNodesReferencesAfterItsBody() {
        let text = PlainText.render(bulletin, width: 80).text
        #expect(text.contains("> quoted link[5]\n\n[1] https://emu.invalid/\n[2] https://x.invalid/a?b=1\n"))
        #expect(text.contains("[5] https://q.invalid/\n\n2. B"))
        #expect(text.hasSuffix("[3] https://cn.invalid/a\n"))
        let inline = PlainText.render(bulletin, width: 200, links: .inline).text
        #expect(inline.contains("The emu <https://emu.invalid/> terminal") && !inline.contains("[1]"))
        let none = PlainText.render(bulletin, width: 200, links: .none).text
        #expect(none.contains("The emu terminal") && !none.contains("emu.invalid"))
    }

    @Test func longURLsWrapAfterSlashesAndNeverStartALineWithPunctuation() {
        let url = "https://github.com/example/very-long-repository-name/blob/main/docs/guide.md?tab=readme&lang=zh"
        for width in [12, 20, 30, 41] {
            let lines = LineBreaker.wrapLines("看这里 \(url)。", width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(width)")
            #expect(lines.joined().replacingSpaces == "看这里\(url)。", "\(width)")
            #expect(lines.dropFirst().allSatisfy { !($0.first.map { "。.,;:>)".contains($0) } ?? false) }, "\(lines)")
            // Breaks fall after / ? & = - wherever one is in reach.
            for piece in lines.dropLast() where width >= 20 && url.contains(piece) {
                #expect("/?&=-".contains(piece.last!), "\(lines)")
            }
        }
        #expect(LineBreaker.wrapLines("<https://a.invalid/bbbbbbbbbb>", width: 29).last != ">")
        // Nor after a hard cut, nor after a URL break (`/` then `>`).
        #expect(LineBreaker.wrapLines("<" + String(repeating: "a", count: 28) + ">", width: 29).last != ">")
        #expect(LineBreaker.wrapLines("<https://a.invalid/bbbbbbbbbbbbbbbbb/>", width: 37).last != ">")
    }
}

private extension String {
    var replacingSpaces: String { String(filter { $0 != " " }) }
}
