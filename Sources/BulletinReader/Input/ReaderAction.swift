/// What the reader is asked to do; `KeyMap` turns events into these and
/// `update` carries them out.
public enum ReaderAction: Equatable, Sendable {
    case quit
    /// Lines down (negative: up) in the focused pane.
    case scroll(Int)
    /// Screens down (negative: up) in the focused pane.
    case page(Int)
    /// Half screens down (negative: up) in the focused pane.
    case halfPage(Int)
    case top, bottom
    case switchFocus
    /// Jump to the TOC entry under the cursor.
    case open
    case nextSection, previousSection, nextArticle, previousArticle
    /// Section N (from 1) of the current bulletin.
    case section(Int)
    case startSearch
    case searchType(String)
    case searchBackspace, searchClear, searchDeleteWord, searchSubmit
    case nextHit, previousHit
    /// Esc: leave the prompt, close an overlay or clear the search filter.
    case cancel
    case toggleTOC, widenTOC, narrowTOC
    case fold, unfold, toggleFold, toggleFoldAll
    case showHelp, showWarnings
    /// The link list of the node in view (`f`).
    case showLinks
    /// Reading state: `m` read/unread, `s` star, `u`/`U` next/previous unread article.
    case toggleRead, toggleStar, nextUnread, previousUnread
    /// `r`: read the library's folders again now.
    case rescan
    /// Paint the whole screen again (something else wrote to the terminal).
    case redraw
    case click(x: Int, y: Int)
    case wheel(x: Int, y: Int, lines: Int)
    case resize(width: Int, height: Int)
}
