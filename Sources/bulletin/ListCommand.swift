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
        // The rows copied once, with their paths beside them; then only places move (each
        // copy of a row retains its strings: passes over 10,000 of them were a third of a listing).
        var rows: [IndexedBulletin] = [], shown: [String] = []
        for (file, row) in zip(files, outcome.rows) {
            guard let row else { continue }
            rows.append(row)
            shown.append(file)
        }
        let marks = LibraryStore.openState(enabled: !noState).readMarks()
        let unreadCounts = orFail { () throws(SQLiteError) in try index.unreadCounts(rows, marks: marks) }
        let order = rows.indices.filter { !unread || unreadCounts[rows[$0].id, default: 0] > 0 }
            .sorted { IndexedBulletin.newestFirst(rows[$0], rows[$1]) }
        if json {
            var writer = JSONWriter()
            writer.array { out in
                for k in order {
                    let row = rows[k]
                    out.object { item in
                        item.field("path", shown[k])
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
            // Piece by piece: a string made per line was a tenth of a listing.
            for k in order {
                let row = rows[k]
                out.write(row.dating.date?.iso ?? "          ")
                out.write("  ")
                out.write(ControlFilter.singleLine(row.title))
                out.write("  ")
                out.write(row.sections, width: 0)
                out.write(" sections  ")
                out.write(row.articles, width: 0)
                out.write(" articles  ")
                out.write(unreadCounts[row.id, default: 0], width: 0)
                out.write(" unread  ")
                out.write(ControlFilter.escaped(shown[k]))
                out.append(UInt8(ascii: "\n"))
            }
            out.flush()
        }
        finish(outcome.errors.isEmpty ? 0 : 2, keeping: outcome)
    }
}
