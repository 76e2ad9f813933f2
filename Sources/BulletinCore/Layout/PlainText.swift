/// `bulletin cat`: the reconciled bulletin as wrapped plain text.
public enum PlainText {
    public static func render(_ bulletin: Bulletin, width: Int, ambiguousWide: Bool = false) -> String {
        var lines = DocumentLayout(bulletin: bulletin, width: width, ambiguousWide: ambiguousWide).allLines().map(\.text)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
