import ArgumentParser
import BulletinCore

struct LinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "links",
        abstract: "List every link of a bulletin in document order, numbered as the reader and cat show them.",
        discussion: """
        Each line is LINE  [n] text  url: the source line, the link's number in its part \
        (article, section or preamble), its text and its URL. Images and embeds are links too.

        Examples:
          bulletin links digest.md
          bulletin links digest.md --json | jq -r '.[].url'
        """
    )

    @Argument(help: "The bulletin file ('-' for standard input).")
    var path: String

    @Flag(help: "Print a JSON array of {node, number, text, url, line}; node indexes the nodes of toc --json.")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        let bulletin = try input.load(path)
        // Numbers do not depend on the width; any width lays them out alike.
        let layout = DocumentLayout(bulletin: bulletin, width: 80)
        if json {
            var writer = JSONWriter()
            writer.array { array in
                for node in bulletin.outline.nodes.indices {
                    for link in layout.layout(node).links {
                        array.object { o in
                            o.field("node", node)
                            o.field("number", link.number)
                            o.field("text", link.text)
                            o.field("url", link.url)
                            o.field("line", link.line)
                        }
                    }
                }
            }
            writer.finish()
        } else {
            var out = OutputBuffer()
            for node in bulletin.outline.nodes.indices {
                for link in layout.layout(node).links {
                    out.write(link.line ?? bulletin.outline[node].line, width: 6)
                    out.write("  [\(link.number)] \(link.text)  \(link.url)\n")
                }
            }
            out.flush()
        }
        finish(reading: bulletin)
    }
}
