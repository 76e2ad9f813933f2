import ArgumentParser
import BulletinCore

struct TocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toc",
        abstract: "Print the outline of a bulletin: sections and articles, one per line.",
        discussion: """
        Each line is LINE, then the node indented by depth. Warnings (TOC lines without \
        an article, repaired headings, encoding fixes) go to stderr.

        Examples:
          bulletin toc digest.md
          bulletin toc digest.md --json | jq '.sections[].title'
        """
    )

    @Argument(help: "The bulletin file ('-' for standard input).")
    var path: String

    @Flag(help: "Print one JSON object: title, path, encoding, sections, nodes, warnings.")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let bulletin = try input.load(path)
        if json {
            var writer = JSONWriter()
            JSONOutput.write(toc: bulletin, to: &writer)
            writer.finish()
            finish(reading: bulletin)
        }
        let numbers = HeadingNumbers(bulletin.outline)
        var out = OutputBuffer()
        let nodes = bulletin.outline.nodes
        for i in nodes.indices {
            out.write(nodes[i].line, width: 6)
            out.write("  ")
            for _ in 0..<nodes[i].depth { out.write("  ") }
            switch nodes[i].kind {
            case .bulletin: out.write(nodes[i].text)
            case .preamble: out.write("(preamble)")
            default:
                numbers.write(i, to: &out)
                out.write(" ")
                RegionSplit.write(region: nodes[i].region, headline: nodes[i].headline, to: &out)
            }
            out.write("\n")
        }
        out.flush()
        printWarnings(bulletin)
        finish(reading: bulletin)
    }
}
