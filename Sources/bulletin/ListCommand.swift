import ArgumentParser
import BulletinCore
import BulletinLibrary

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bulletins of folders, newest first: date, title, sections, articles, unread, path.",
        discussion: """
        The date comes from front matter (Date:, date:), else the title (2021年6月4日, \
        (20240105), 2024-01-05), else the file name (20240105.md, 2024-01-05-weekly.md); \
        without one, bulletins go by issue number (第 N 期, #N, Issue N, Number:), then by \
        name. Reads through the library index, refreshing it first (see `bulletin index`); \
        unread counts come from the reading state ($XDG_STATE_HOME/bulletin/state.sqlite).

        Examples:
          bulletin list archive/
          bulletin list archive/ --json | jq '.[0].title'
          bulletin list archive/ --unread
        """
    )

    @Argument(help: "Bulletin files or directories.")
    var paths: [String]

    @Flag(help: "Print a JSON array of {path, title, date, number, sections, articles, unread}.")
    var json = false

    @Flag(help: "Only bulletins with unread articles.")
    var unread = false

    @Flag(help: "Read no reading state: every article counts as unread.")
    var noState = false

    func run() throws {
        let (index, files, outcome) = LibraryStore.refreshed(paths)
        let rows = outcome.rows.compactMap { $0 }
        let marks = LibraryStore.openState(enabled: !noState).readMarks()
        let unreadCounts = orFail { () throws(SQLiteError) in try index.unreadCounts(rows, marks: marks) }
        let listed = zip(files, outcome.rows).compactMap { file, row in row.map { (file, $0) } }
            .filter { !unread || unreadCounts[$0.1.id, default: 0] > 0 }
            .sorted { IndexedBulletin.newestFirst($0.1, $1.1) }
        if json {
            var writer = JSONWriter()
            writer.array { out in
                for (path, row) in listed {
                    out.object { item in
                        item.field("path", path)
                        item.field("title", row.title)
                        item.field("date", row.dating.date?.iso)
                        item.field("number", row.dating.number)
                        item.field("sections", row.sections)
                        item.field("articles", row.articles)
                        item.field("unread", unreadCounts[row.id])
                    }
                }
            }
            writer.finish()
        } else {
            var out = OutputBuffer()
            for (path, row) in listed {
                out.write((row.dating.date?.iso ?? "          ") + "  " + ControlFilter.singleLine(row.title)
                          + "  \(row.sections) sections  \(row.articles) articles  \(unreadCounts[row.id, default: 0]) unread  "
                          + ControlFilter.escaped(path) + "\n")
            }
            out.flush()
        }
        finish(outcome.errors.isEmpty ? 0 : 2, keeping: outcome)
    }
}
