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
            print(try JSONOutput.encode(TocJSON(bulletin)))
            finish(keeping: bulletin)
        }
        let numbers = DocumentLayout.number(bulletin.outline)
        var out = OutputBuffer()
        for i in bulletin.outline.nodes.indices {
            let node = bulletin.outline[i]
            out.append(node.line, width: 6)
            out.append("  ")
            for _ in 0..<node.depth { out.append("  ") }
            switch node.kind {
            case .bulletin: out.append(node.text)
            case .preamble: out.append("(preamble)")
            default:
                out.append(numbers[i])
                out.append(" ")
                out.append(node.displayTitle)
            }
            out.append("\n")
        }
        out.flush()
        printWarnings(bulletin)
        finish(keeping: bulletin)
    }
}
