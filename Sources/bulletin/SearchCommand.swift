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
        let query = SearchQuery(self.query)
        if json {
            let outcome = search(query, encoding: encoding)
            for error in outcome.errors { printError("bulletin: \(error.description)") }
            var writer = JSONWriter()
            JSONOutput.write(hits: outcome.hits, to: &writer)
            writer.finish()
            finish(!outcome.errors.isEmpty ? 2 : outcome.hits.isEmpty ? 1 : 0, keeping: outcome)
        }
        let (lines, errors) = searchLines(query, encoding: encoding)
        for error in errors { printError("bulletin: \(error.description)") }
        OutputBuffer.writeRuns(lines.forEachRun)
        finish(!errors.isEmpty ? 2 : lines.count == 0 ? 1 : 0, keeping: lines)
    }

    /// The hits as lines, through the index when there is one to search.
    func searchLines(_ query: SearchQuery, encoding: TextEncoding?) -> (SearchLines, [BulletinError]) {
        if let index = indexToSearch(encoding: encoding) {
            return answer { () throws(SQLiteError) in try IndexedSearch.lines(query, index: index.index, files: index.files) }
        }
        let outcome = ArchiveSearch.search(query, files: walk(), encoding: encoding)
        return (SearchLines([SearchLines.Part(outcome.hits)]), outcome.errors)
    }

    /// The hits, through the index when there is one to search.
    func search(_ query: SearchQuery, encoding: TextEncoding?) -> ArchiveSearch.Outcome {
        guard let index = indexToSearch(encoding: encoding) else { return ArchiveSearch.search(query, files: walk(), encoding: encoding) }
        return answer { () throws(SQLiteError) in try IndexedSearch.search(query, index: index.index, files: index.files) }
    }

    /// The index and how to find the files, when the index is to be searched:
    /// it exists (or --index makes it) and no encoding is forced (the index
    /// holds what auto-detection read).
    func indexToSearch(encoding: TextEncoding?) -> (index: LibraryIndex, files: () -> Result<[String], BulletinError>)? {
        guard encoding == nil, !paths.contains("-") || index else { return nil }
        if index {
            let (index, files, _) = LibraryStore.refreshed(paths)
            return (index, { .success(files) })
        }
        guard access(LibraryStore.paths.indexFile, R_OK) == 0 else { return nil }
        return (LibraryStore.openIndex(), { Result { () throws(BulletinError) in try ArchiveWalker.files(for: paths) } })
    }

    /// What the index answered, or its error or a walk's printed and exit status 2.
    func answer<T>(_ body: () throws(SQLiteError) -> Result<T, BulletinError>) -> T {
        let result = orFail(body)
        return orFail { () throws(BulletinError) in try result.get() }
    }

    func walk() -> [String] { orFail { () throws(BulletinError) in try ArchiveWalker.files(for: paths) } }
}
