/// Where each part of the screen is for one state, computed once: the
/// render draws into these rectangles and mouse hit-testing reads them, so
/// the two cannot disagree, and update needs nothing from the render.
public struct Frame: Equatable, Sendable {
    public struct Rect: Equatable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int

        public func contains(x px: Int, y py: Int) -> Bool {
            px >= x && px < x + width && py >= y && py < y + height
        }
    }

    /// Nil when hidden (or the terminal is too small for panes at all).
    public var toc: Rect?
    /// The `│` column between the TOC and the article pane.
    public var separator: Rect?
    /// The article pane; its text starts one column in.
    public var article: Rect
    public var status: Rect
    /// The search prompt, below the status line while typing.
    public var prompt: Rect?
    /// The box of help, warnings or the link list.
    public var overlay: Rect?
}

extension ReaderState {
    public var frame: Frame {
        let panes = paneHeight
        let toc = tocShown && !tooSmall ? Frame.Rect(x: 0, y: 0, width: tocWidth, height: panes) : nil
        let box = overlay.map(overlayGeometry)
        return Frame(toc: toc, separator: toc.map { Frame.Rect(x: $0.width, y: 0, width: 1, height: panes) },
                     article: Frame.Rect(x: articleX, y: 0, width: articleWidth, height: panes),
                     status: Frame.Rect(x: 0, y: panes, width: width, height: 1),
                     prompt: search?.editing == true ? Frame.Rect(x: 0, y: panes + 1, width: width, height: 1) : nil,
                     overlay: box.map { Frame.Rect(x: $0.x, y: $0.y, width: $0.width, height: $0.height) })
    }

    /// An overlay's box and scrolling bounds.
    func overlayGeometry(_ overlay: Overlay) -> OverlayBoxLayout {
        if case .links(let node) = overlay { return linkListBox(node) }
        return overlayBox(overlay)
    }
}
