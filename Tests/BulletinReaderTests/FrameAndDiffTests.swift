import BulletinCore
@testable import BulletinReader
import Testing

/// The frame (one set of rectangles for drawing and hit-testing) and the
/// screen diff (what the backend writes), as pure functions (issue 8).
@Suite struct FrameAndDiffTests {
    @Test func theFramePlacesEveryPart() {
        var state = Reader.state(width: 120, height: 30)
        var frame = state.frame
        #expect(frame.toc == Frame.Rect(x: 0, y: 0, width: 40, height: 29))
        #expect(frame.separator == Frame.Rect(x: 40, y: 0, width: 1, height: 29))
        #expect(frame.article == Frame.Rect(x: 41, y: 0, width: 79, height: 29))
        #expect(frame.status == Frame.Rect(x: 0, y: 29, width: 120, height: 1))
        #expect(frame.prompt == nil && frame.overlay == nil)
        state.press("/a")
        frame = state.frame
        #expect(frame.status.y == 28 && frame.prompt == Frame.Rect(x: 0, y: 29, width: 120, height: 1))
        #expect(frame.toc?.height == 28)
        state.press("{esc}{esc}t")
        #expect(state.frame.toc == nil && state.frame.article.x == 0)
        state.press("?")
        let box = try! #require(state.frame.overlay)
        // The render draws the box where the frame says.
        let grid = state.render()
        #expect(grid[box.x, box.y].text == "┌" && grid[box.x + box.width - 1, box.y + box.height - 1].text == "┘")
    }

    @Test func clicksAreHitTestedWithTheFrame() {
        var state = Reader.state(width: 120, height: 30)
        let toc = state.frame.toc!
        state.handle(.mouse(MouseEvent(.press, x: toc.x + toc.width - 1, y: 3)))
        #expect(state.focus == .article && state.cursor == 3)  // a TOC row opens
        state.handle(.mouse(MouseEvent(.press, x: 60, y: state.frame.status.y)))
        #expect(state.overlay == nil)  // the status line is neither pane
    }

    @Test func theDiffIsEveryRowFirstThenOnlyWhatChanged() {
        typealias Run = ScreenDiff.Run
        var a = CellGrid(width: 6, height: 2)
        #expect(ScreenDiff.runs(from: nil, to: a) == [Run(y: 0, x: 0..<6), Run(y: 1, x: 0..<6)])
        var b = a
        b.write("x", x: 2, y: 1, style: CellStyle(.body))
        #expect(ScreenDiff.runs(from: a, to: b) == [Run(y: 1, x: 2..<3)])
        #expect(ScreenDiff.runs(from: b, to: b).isEmpty)
        // A wide character: its run holds its continuation, and none starts on one.
        a = b
        b.write("中", x: 0, y: 0, style: CellStyle(.body))
        #expect(ScreenDiff.runs(from: a, to: b) == [Run(y: 0, x: 0..<2)])
        var c = b
        c.write("a", x: 1, y: 0, style: CellStyle(.body))  // over the second half
        #expect(ScreenDiff.runs(from: b, to: c) == [Run(y: 0, x: 0..<2)])
        c.write("ab", x: 4, y: 1, style: CellStyle(.body))  // two runs on a row, the second at its end
        #expect(ScreenDiff.runs(from: b, to: c) == [Run(y: 0, x: 0..<2), Run(y: 1, x: 4..<6)])
        #expect(ScreenDiff.runs(from: c, to: CellGrid(width: 7, height: 2)).count == 2)  // another size: every row
        let styled = { (g: CellGrid) -> CellGrid in var g = g; g.write("x", x: 2, y: 1, style: CellStyle(.match)); return g }(c)
        #expect(ScreenDiff.runs(from: c, to: styled) == [Run(y: 1, x: 2..<3)])  // a style change is a change
    }
}
