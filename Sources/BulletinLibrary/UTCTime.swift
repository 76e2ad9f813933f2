import Glibc

/// A time as zero-padded UTC fields (year, month, day, hour, minute,
/// second), for file names set aside and for status lines.
public enum UTCTime {
    public static func fields(_ seconds: Int) -> [String] {
        var t = time_t(seconds), parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return [String(parts.tm_year + 1900), two(parts.tm_mon + 1), two(parts.tm_mday),
                two(parts.tm_hour), two(parts.tm_min), two(parts.tm_sec)]
    }

    /// `2026-12-01 15:00:00 UTC`.
    public static func readable(_ seconds: Int) -> String {
        let f = fields(seconds)
        return "\(f[0])-\(f[1])-\(f[2]) \(f[3]):\(f[4]):\(f[5]) UTC"
    }
}
