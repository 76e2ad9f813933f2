/// Numbers as the status line, the progress bar and `index --status` write them.
public enum Figures {
    /// `3,120`.
    public static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    /// `indexing 3,120/10,000`.
    public static func indexing(_ done: Int, of total: Int) -> String { "indexing \(grouped(done))/\(grouped(total))" }
}
