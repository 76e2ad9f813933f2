import ArgumentParser
import BulletinCore
import Glibc

struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print the reconciled bulletin as plain text wrapped to a width.",
        discussion: """
        The table of contents is left out; headings are numbered; paragraphs split \
        mid-sentence are joined. Links show as text[n], each part's URLs listed after it \
        as [n] URL (--links inline: text <url>; --links none: no URLs). CJK characters count two columns and lines break by the \
        rules for Chinese text.

        Examples:
          bulletin cat digest.md
          bulletin cat digest.md --width 60 | less
          bulletin cat digest.md --links inline
        """
    )

    @Argument(help: "The bulletin file ('-' for standard input).")
    var path: String

    @Option(help: "Wrap to this many display columns (default: the terminal's width, else 80).")
    var width: Int?

    @Option(help: "How links show: numbered (text[3], URLs listed after each part), inline (text <url>) or none.")
    var links: LinkDisplay = .numbered

    @OptionGroup var widths: WidthOptions

    @OptionGroup var input: InputOptions

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
    }

    func run() throws {
        let bulletin = try input.load(path)
        var out = OutputBuffer()
        let bodyWarnings = PlainText.write(bulletin, width: width ?? Self.terminalWidth(), ambiguousWide: widths.ambiguousWide,
                                           links: links) {
            out.write($0)
        }
        out.flush()
        printWarnings(bulletin, extra: bodyWarnings)
        finish(reading: bulletin)
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

extension LinkDisplay: ExpressibleByArgument {}

