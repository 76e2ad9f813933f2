@testable import BulletinReader
import Testing

@Suite struct CellGridTests {
    @Test func wideCharacterTakesTwoCellsAndTheNextStartsTwoColumnsLater() {
        var grid = CellGrid(width: 10, height: 1)
        let end = grid.write("中a文b", x: 0, y: 0, style: CellStyle(.body))
        #expect(end == 6)
        #expect(grid[0, 0].text == "中" && grid[0, 0].width == 2)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].text == "a")
        #expect(grid[3, 0].text == "文" && grid[4, 0].isContinuation)
        #expect(grid[5, 0].text == "b")
        #expect(grid.line(0) == "中a文b    ")
    }

    @Test func wideCharacterThatWouldCrossTheLimitBecomesABlank() {
        var grid = CellGrid(width: 6, height: 1)
        let end = grid.write("ab中文", x: 1, y: 0, limit: 6, style: CellStyle(.body))
        #expect(end == 6)
        #expect(grid.line(0) == " ab中 ")
        #expect(grid[5, 0].width == 1)
    }

    @Test func controlCharactersNeverReachTheGrid() {
        var grid = CellGrid(width: 12, height: 1)
        grid.write("a\u{1B}[31mb\u{7}\u{9B}c", x: 0, y: 0, style: CellStyle(.body))
        #expect(grid.line(0).hasPrefix("a\u{FFFD}[31mb\u{FFFD}\u{FFFD}c"))
        #expect(!grid.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) } })
    }

    @Test func combiningMarksJoinTheirBaseCell() {
        var grid = CellGrid(width: 4, height: 1)
        let end = grid.write("e\u{301}x", x: 0, y: 0, style: CellStyle(.body))
        #expect(end == 2)
        #expect(grid[0, 0].text == "e\u{301}")
    }

    @Test func aCellKeepsThreeMarksAndDropsTheRest() {
        var grid = CellGrid(width: 4, height: 1)
        // Zalgo-style stacking: a terminal cell (and ncurses) holds only a few.
        grid.write("a\u{301}\u{302}\u{303}\u{304}\u{305}b", x: 0, y: 0, style: CellStyle(.body))
        #expect(grid[0, 0].text == "a\u{301}\u{302}\u{303}")
        #expect(grid[0, 0].scalars.map(\.value) == [0x61, 0x301, 0x302, 0x303])
        #expect(grid[1, 0].text == "b")
        #expect(grid[0, 0] != grid[1, 0] && grid[1, 0] == Cell("b", width: 1, style: CellStyle(.body)))
    }

    @Test func continuationCellsHoldNoText() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("中", x: 0, y: 0, style: CellStyle(.body))
        #expect(grid[1, 0].text.isEmpty && Array(grid[1, 0].scalars).isEmpty && !grid[1, 0].isSpace)
        #expect(grid[2, 0].isSpace && !grid[0, 0].isSpace)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("中文", x: 0, y: 0, style: CellStyle(.body))
        grid.write("x", x: 1, y: 0, style: CellStyle(.border))
        #expect(grid[0, 0].text == " " && grid[0, 0].width == 1)
        #expect(grid[1, 0].text == "x")
        grid.write("y", x: 2, y: 0, style: CellStyle(.border))
        #expect(grid[3, 0].text == " " && !grid[3, 0].isContinuation)
    }
}
