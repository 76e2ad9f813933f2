import ArgumentParser

/// The interactive reader: the default command, so `bulletin FILE...` and
/// plain `bulletin` (the built-in sample) open it.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open bulletins in the interactive reader (the default command).",
        discussion: """
        With no paths, opens a sample bulletin built into the program. Several paths or a \
        directory open them all, one after another; '-' reads a bulletin from standard input \
        while keys come from the terminal. A library opens newest first, every bulletin \
        folded but the one being read. What you read, star and where you stopped are kept in \
        $XDG_STATE_HOME/bulletin/state.sqlite (--no-state: nothing read or written). Settings \
        (library, theme, toc-width, mark-read) can live in $XDG_CONFIG_HOME/bulletin/config.toml; \
        options given here win. Press ? in the reader for its keys.

        Examples:
          bulletin
          bulletin digest.md
          bulletin archive/2021/ --theme light
          curl -s https://example.org/digest.md | bulletin -
        """
    )

    @Argument(help: "Bulletin files or directories ('-' for standard input).")
    var paths: [String] = []

    @Option(help: "Theme name (see `bulletin themes`) or path to a theme file.")
    var theme: String?

    @Flag(help: "Read and write no reading state (read marks, stars, positions).")
    var noState = false

    @Option(help: "Width of the table of contents, in columns (default: a third of the screen).")
    var tocWidth: Int?

    @Option(help: "When an article counts as read: scroll (once its end has been on screen) or manual (only m).")
    var markRead: MarkRead?

    enum MarkRead: String, ExpressibleByArgument, CaseIterable { case scroll, manual }

    func validate() throws {
        if let tocWidth, tocWidth < 20 { throw ValidationError("--toc-width must be at least 20 columns") }
    }

    @OptionGroup var widths: WidthOptions

    @OptionGroup var input: InputOptions

    func run() throws {
        ReaderLaunch(paths: paths, theme: theme, ambiguousWide: widths.ambiguousWide, encoding: try input.resolvedEncoding(),
                     keepsState: !noState, tocWidth: tocWidth, marksReadOnScroll: markRead.map { $0 == .scroll }).run()
    }
}
