@testable import BulletinCore
@testable import BulletinLibrary
import Testing

@Suite struct DatingTests {
    @Test func datesInTitlesAndNames() {
        let cases: [(String, String?)] = [
            ("新闻联播 2021年6月4日", "2021-06-04"), ("简报（20240105）", "2024-01-05"), ("Weekly 2024-01-05", "2024-01-05"),
            ("2024/1/5 digest", "2024-01-05"), ("周报 2023.12.31", "2023-12-31"), ("２０２２年１２月１日", "2022-12-01"),
            ("Issue of January 5, 2024", "2024-01-05"), ("5 Jan 2024 roundup", "2024-01-05"),
            ("2024-01-05-weekly", "2024-01-05"), ("20240105", "2024-01-05"),
            ("2024年13月1日", nil), ("2023-02-29", nil), ("order 123456789", nil), ("第 12 期", nil), ("", nil),
        ]
        for (text, iso) in cases { #expect(BulletinDating.date(in: text)?.iso == iso, "\(text)") }
    }

    @Test func issueNumbers() {
        let cases: [(String, Int?)] = [
            ("科技周报 第 12 期", 12), ("第十二期", 12), ("第一百零五期", 105), ("Weekly #42", 42), ("Issue 7: spring", 7),
            ("No. 19", 19), ("第３期", 3), ("digest", nil), ("C# tips", nil),
        ]
        for (text, number) in cases { #expect(BulletinDating.number(in: text) == number, "\(text)") }
    }

    @Test func frontMatterComesFirstThenTitleThenFileName() {
        let fm = BulletinParser.parse("---\ntitle: 周报 2020年1月1日\ndate: 2024-03-02\nissue: 88\n---\n\n## A\n\n### B\n", path: "/a/20190101.md")
        #expect(BulletinDating(fm) == BulletinDating(date: IssueDate(year: 2024, month: 3, day: 2), number: 88))
        let titled = BulletinParser.parse("# 周报 2020年1月1日 第 9 期\n\n## A\n", path: "/a/20190101.md")
        #expect(BulletinDating(titled) == BulletinDating(date: IssueDate(year: 2020, month: 1, day: 1), number: 9))
        let named = BulletinParser.parse("## A\n\n### B\n", path: "/a/2019-01-01-weekly.md")
        #expect(BulletinDating(named).date?.iso == "2019-01-01")
    }

    @Test func newestFirstByDateThenNumberThenName() {
        func row(_ path: String, _ date: String?, _ number: Int?) -> IndexedBulletin {
            IndexedBulletin(id: 0, path: path, stamp: FileStamp(size: 0, mtime: 0, inode: 0), fingerprint: "", identity: "",
                            title: "", dating: BulletinDating(date: date.flatMap(IssueDate.init(iso:)), number: number),
                            sections: 0, articles: 0, warnings: 0)
        }
        let rows = [row("/a/x.md", nil, nil), row("/a/old.md", "2020-01-01", nil), row("/a/n2.md", nil, 2),
                    row("/a/new.md", "2024-05-01", nil), row("/a/n10.md", nil, 10), row("/a/y.md", nil, nil)]
        #expect(rows.sorted(by: IndexedBulletin.newestFirst).map(\.path) == ["/a/new.md", "/a/old.md", "/a/n10.md", "/a/n2.md", "/a/x.md", "/a/y.md"])
    }
}

/// Counts as the progress bar, the status line and `index --status` write them.
@Suite struct FiguresTests {
    @Test func thousandsAreGroupedAndProgressSaysBoth() {
        #expect([0, 999, 1_000, 10_000, 1_234_567].map(Figures.grouped) == ["0", "999", "1,000", "10,000", "1,234,567"])
        #expect(Figures.indexing(3_120, of: 10_000) == "indexing 3,120/10,000")
    }
}

/// The cheap test on file names never rules out a date the full reading finds.
@Suite struct NameDatingTests {
    @Test func theQuickTestKeepsEveryDatedName() {
        let names = ["20240105.md", "2024-01-05-weekly.md", "周报2021年6月4日.md", "２０２４－０１－０５.md", "January 5, 2024.md",
                     "5 Jan 2024.md", "2024.01.05.txt", "issue-0099.md", "notes.md", "v1.2.3.md", "12-25.md"]
        for name in names where BulletinDating.date(in: name) != nil {
            #expect(BulletinDating.mayHoldDate(Substring(name).utf8), "\(name)")
        }
        #expect(!BulletinDating.mayHoldDate(Substring("notes-v12.md").utf8))
        #expect(names.filter { BulletinDating.date(in: $0) != nil }.count >= 7)
    }
}
