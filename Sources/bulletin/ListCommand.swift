import ArgumentParser
import BulletinCore
import BulletinLibrary

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the bulletins of folders, newest first: date, title, sections, articles, path.",
        discussion: """
        The date comes from front matter (Date:, date:), else the title (2021年6月4日, \
        (20240105), 2024-01-05), else the file name (20240105.md, 2024-01-05-weekly.md); \
        without one, bulletins go by issue number (第 N 期, #N, Issue N, Number:), then by \
        name. Reads through the library index, refreshing it first (see `bulletin index`).

        Examples:
          bulletin list archive/
          bulletin list archive/ --json | jq '.[0].title'
        """
    )

    @Argument(help: "Bulletin files or directories.")
    var paths: [String]

    @Flag(help: "Print a JSON array of {path, title, date, number, sections, articles}.")
    var json = false

    func run() throws {
        let (_, files, outcome) = LibraryStore.refreshed(paths)
        let listed = zip(files, outcome.rows).compactMap { file, row in row.map { (file, $0) } }
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
                    }
                }
            }
            writer.finish()
        } else {
            var out = OutputBuffer()
            for (path, row) in listed {
                out.write((row.dating.date?.iso ?? "          ") + "  " + ControlFilter.singleLine(row.title)
                          + "  \(row.sections) sections  \(row.articles) articles  " + ControlFilter.escaped(path) + "\n")
            }
            out.flush()
        }
        finish(outcome.errors.isEmpty ? 0 : 2, keeping: outcome)
    }
}
