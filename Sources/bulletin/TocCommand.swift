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
            return
        }
        let numbers = DocumentLayout.number(bulletin.outline)
        for (i, node) in bulletin.outline.nodes.enumerated() {
            let indent = String(repeating: "  ", count: node.depth)
            let label = switch node.kind {
            case .bulletin: node.text
            case .preamble: "(preamble)"
            default: "\(numbers[i]) \(node.displayTitle)"
            }
            print(pad(node.line) + "  " + indent + label)
        }
        printWarnings(bulletin)
    }

    private func pad(_ line: Int) -> String {
        let digits = String(line)
        return String(repeating: " ", count: max(0, 6 - digits.count)) + digits
    }
}
