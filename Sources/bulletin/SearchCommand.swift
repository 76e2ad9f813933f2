import ArgumentParser
import BulletinCore
import BulletinLibrary
import Glibc

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the headings of bulletins: sections, articles (also by region and section title) and deeper headings.",
        discussion: """
        All keywords must match (AND), ignoring case, full/half width and whitespace. \
        Directories are searched recursively for *.md, *.markdown and *.txt. Prints \
        PATH:LINE: Section > Region | Headline for articles, PATH:LINE: Section for \
        sections and PATH:LINE: Section > Heading for deeper headings, best first. \
        Exit status: 0 with hits, 1 with none, 2 on error. When the library index exists         (see `bulletin index`), files whose size, mtime and inode match their row are         searched there, without reading them; --index refreshes it first. The hits are         the same either way.

        Examples:
          bulletin search 2021年 digest.md
          bulletin search "就业 北京" archive/
          bulletin search ＡＩ archive/ --json
        """
    )

    @Argument(help: "Keywords separated by spaces (quote them as one argument).")
    var query: String

    @Argument(help: "Bulletin files or directories.")
    var paths: [String]

    @Flag(help: "Print a JSON array of hits with match offsets.")
    var json = false

    @Flag(help: "Build or refresh the library index of these paths first, then search it.")
    var index = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        if SearchQuery(query).isEmpty { throw ValidationError("give at least one keyword to search for") }
    }

    func run() throws {
        let encoding = try input.resolvedEncoding()
        let outcome = search(encoding: encoding)
        for error in outcome.errors { printError("bulletin: \(error.description)") }
        if json {
            var writer = JSONWriter()
            JSONOutput.write(hits: outcome.hits, to: &writer)
            writer.finish()
        } else {
            var out = OutputBuffer()
            for hit in outcome.hits {
                out.write("\(ControlFilter.escaped(hit.path)):\(hit.line): " + (hit.section.map { "\($0) > " } ?? "") + hit.displayTitle + "\n")
            }
            out.flush()
        }
        finish(!outcome.errors.isEmpty ? 2 : outcome.hits.isEmpty ? 1 : 0, keeping: outcome)
    }

    /// Through the index when it exists (or --index makes it) and no
    /// encoding is forced (the index holds what auto-detection read).
    func search(encoding: TextEncoding?) -> ArchiveSearch.Outcome {
        let query = SearchQuery(self.query)
        if index && encoding == nil {
            let (index, files, _) = LibraryStore.refreshed(paths)
            return indexed(query, index) { .success(files) }
        }
        guard encoding == nil, !paths.contains("-"), access(LibraryStore.paths.indexFile, R_OK) == 0 else {
            let files = orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) }
            return ArchiveSearch.search(query, files: files, encoding: encoding)
        }
        return indexed(query, LibraryStore.openIndex()) { Result { () throws(BulletinError) in try ArchiveWalker.files(for: paths) } }
    }

    func indexed(_ query: SearchQuery, _ index: LibraryIndex, files: () -> Result<[String], BulletinError>) -> ArchiveSearch.Outcome {
        let outcome = orFail { () throws(SQLiteError) in try IndexedSearch.search(query, index: index, files: files) }
        return orFail { () throws(BulletinError) in try outcome.get() }
    }
}
