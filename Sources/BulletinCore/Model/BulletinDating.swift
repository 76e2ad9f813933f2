/// A calendar day, as bulletins print it; ordered, so a library can sort
/// newest first.
public struct IssueDate: Comparable, Hashable, Sendable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless a real day of the years bulletins come from (1900-2199).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2199).contains(year), (1...12).contains(month), day >= 1,
              day <= Self.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: IssueDate, b: IssueDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// When a bulletin was issued and its issue number: what orders a library.
/// The date comes from front matter (`Date:`, `date:`, `日期:`), else the
/// title, else the file name; the number from front matter (`Number:`,
/// `Issue:`, `期号:`), else the title (`第 N 期`, `#N`, `Issue N`, `No. N`).
public struct BulletinDating: Equatable, Sendable {
    public var date: IssueDate?
    public var number: Int?

    public init(date: IssueDate?, number: Int?) {
        self.date = date
        self.number = number
    }

    public init(_ bulletin: Bulletin) {
        let fields = bulletin.metadata
        func field(_ keys: Set<String>) -> String? { fields.first { keys.contains($0.key.lowercased()) }?.value }
        date = field(["date", "日期", "published"]).flatMap { Self.date(in: $0) }
            ?? Self.date(in: bulletin.title)
            ?? Self.date(in: BulletinParser.fileStem(bulletin.path))
        number = field(["number", "issue", "期号", "no"]).flatMap(Self.fieldNumber)
            ?? Self.number(in: bulletin.title)
    }

    /// The order of a library, newest first: by date (dated ones first),
    /// then issue number (highest first); then, since a name says nothing
    /// of age, by file name as `ls` lists them, and the path.
    public static func isNewer(_ a: BulletinDating, _ pathA: String, than b: BulletinDating, _ pathB: String) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        switch (a.number, b.number) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        let (x, y) = (BulletinParser.fileName(pathA), BulletinParser.fileName(pathB))
        return x != y ? x < y : pathA < pathB
    }

    /// `paths` (as positions) newest first as their file names alone tell,
    /// before any file is read: a date in the name first, latest first, then
    /// the names in reverse order (`issue-0099.md` before `issue-0098.md`).
    /// What a library shows and indexes first when nothing is known yet.
    public static func byNameNewestFirst(_ paths: [String]) -> [Int] {
        var names = PackedNames()
        var dates: [IssueDate?] = []
        dates.reserveCapacity(paths.count)
        for path in paths {
            let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path.utf8[path.utf8.index(after: $0)...] } ?? path.utf8[...]
            names.append(name)
            dates.append(mayHoldDate(name) ? date(in: String(Substring(name))) : nil)
        }
        return names.sorted { a, b, order in
            switch (dates[a], dates[b]) {
            case let (x?, y?) where x != y: return x > y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return order != 0 ? order > 0 : a < b
            }
        }
    }

    /// Whether a name may hold a date `date(in:)` reads: every form has a
    /// year of four digits in a row, ASCII or full-width (not ASCII, like
    /// 年月日). Most names are ruled out without the full reading.
    static func mayHoldDate(_ name: Substring.UTF8View) -> Bool {
        var digits = 0
        for byte in name {
            if byte >= 0x80 { return true }
            digits = byte >= 0x30 && byte <= 0x39 ? digits + 1 : 0
            if digits == 4 { return true }
        }
        return false
    }

    /// The first date written in `text`: `2021年6月4日`, `2024-01-05`,
    /// `2024/1/5`, `2024.01.05`, `20240105` (eight digits standing alone),
    /// `January 5, 2024` or `5 Jan 2024`. Full-width digits count.
    public static func date(in text: String) -> IssueDate? {
        let s = normalised(text)
        var i = 0
        while i < s.count {
            if isDigit(s[i]) && (i == 0 || !isDigit(s[i - 1])) {
                if let found = numericDate(s, at: i) { return found }
            } else if isLetter(s[i]) && (i == 0 || !isLetter(s[i - 1])) {
                if let found = namedMonthDate(s, at: i) { return found }
            }
            i += 1
        }
        return dayFirstNamedDate(s)
    }

    /// The issue number in a title (`第 12 期`, `第十二期`, `#12`, `Issue 12`,
    /// `No. 12`), or the value of a `Number:` field (its first digits).
    public static func number(in text: String) -> Int? {
        let s = normalised(text)
        for i in s.indices {
            if s[i] == "第" {
                var j = i + 1
                while j < s.count && s[j] == " " { j += 1 }
                let start = j
                while j < s.count && (isDigit(s[j]) || chineseDigits[s[j]] != nil) { j += 1 }
                var k = j
                while k < s.count && s[k] == " " { k += 1 }
                if j > start, k < s.count, s[k] == "期" || s[k] == "号" { return integer(s[start..<j]) }
            } else if s[i] == "#", i + 1 < s.count, isDigit(s[i + 1]), i == 0 || !isLetter(s[i - 1]) {
                return digits(s, from: i + 1)
            } else if isLetter(s[i]), i == 0 || !isLetter(s[i - 1]) {
                var j = i
                while j < s.count && isLetter(s[j]) { j += 1 }
                let word = String(scalars: s[i..<j]).lowercased()
                guard ["issue", "no", "nr", "number"].contains(word) else { continue }
                while j < s.count && (s[j] == "." || s[j] == " " || s[j] == "#") { j += 1 }
                if j < s.count, isDigit(s[j]) { return digits(s, from: j) }
            }
        }
        return nil
    }

    /// A `Number:` field's value: its first digits (a bare `42` too).
    static func fieldNumber(_ value: String) -> Int? {
        let s = normalised(value)
        guard let first = s.firstIndex(where: isDigit) else { return number(in: value) }
        return digits(s, from: first)
    }

    // MARK: - Scanning

    /// Scalars with full-width digits and letters made ASCII.
    static func normalised(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.map { scalar in
            let v = scalar.value
            if (0xFF01...0xFF5E).contains(v) { return Unicode.Scalar(v - 0xFEE0)! }
            return scalar == "\u{3000}" ? " " : scalar
        }
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    static func isLetter(_ s: Unicode.Scalar) -> Bool { (s.value | 0x20) >= 0x61 && (s.value | 0x20) <= 0x7A }

    /// The digits from `start` as a number (at most 9 of them).
    static func digits(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start, n = 0
        while j < s.count && isDigit(s[j]) && j - start < 9 { n = n * 10 + Int(s[j].value - 0x30); j += 1 }
        return j > start ? n : nil
    }

    static let chineseDigits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "十": 10, "百": 100, "千": 1000,
    ]

    /// ASCII digits, or a Chinese numeral (`十二`, `一百零五`, `二〇二一`).
    static func integer(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        if s.allSatisfy(isDigit) { return digits(Array(s), from: 0) }
        var total = 0, current = 0, positional = 0
        let isPositional = !s.contains { ["十", "百", "千"].contains($0) }
        for scalar in s {
            guard let value = chineseDigits[scalar] ?? (isDigit(scalar) ? Int(scalar.value - 0x30) : nil) else { return nil }
            if isPositional { positional = positional * 10 + value; continue }
            if value >= 10 {
                total += max(current, 1) * value
                current = 0
            } else {
                current = value
            }
        }
        return isPositional ? positional : total + current
    }

    /// A date of digits starting at `i`: `Y年M月D日`, `Y-M-D`, `Y/M/D`,
    /// `Y.M.D`, or eight digits `YYYYMMDD`.
    static func numericDate(_ s: [Unicode.Scalar], at i: Int) -> IssueDate? {
        var j = i
        while j < s.count && isDigit(s[j]) { j += 1 }
        let run = j - i
        if run == 8 {
            let n = digits(s, from: i)!
            return IssueDate(year: n / 10000, month: n / 100 % 100, day: n % 100)
        }
        guard run == 4, let year = digits(s, from: i) else { return nil }
        func skipSpaces(_ k: inout Int) { while k < s.count && s[k] == " " { k += 1 } }
        var k = j
        skipSpaces(&k)
        guard k < s.count else { return nil }
        let separator = s[k]
        let closing: Unicode.Scalar?
        switch separator {
        case "年": closing = "月"
        case "-", "/", ".": closing = separator
        default: return nil
        }
        k += 1
        skipSpaces(&k)
        let monthStart = k
        while k < s.count && isDigit(s[k]) && k - monthStart < 2 { k += 1 }
        guard k > monthStart, let month = digits(s, from: monthStart) else { return nil }
        skipSpaces(&k)
        guard k < s.count, s[k] == closing else { return nil }
        k += 1
        skipSpaces(&k)
        let dayStart = k
        while k < s.count && isDigit(s[k]) && k - dayStart < 2 { k += 1 }
        guard k > dayStart, k == s.count || !isDigit(s[k]), let day = digits(s, from: dayStart) else { return nil }
        return IssueDate(year: year, month: month, day: day)
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The month of an English month name or its three-letter start.
    static func month(_ word: String) -> Int? {
        guard word.count >= 3, let k = months.firstIndex(of: String(word.prefix(3))) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"][k]
        return full.hasPrefix(word) || word == "sept" ? k + 1 : nil
    }

    static func word(_ s: [Unicode.Scalar], at i: Int) -> (String, end: Int) {
        var j = i
        while j < s.count && isLetter(s[j]) { j += 1 }
        return (String(scalars: s[i..<j]).lowercased(), j)
    }

    /// `January 5, 2024`, `Jan. 5 2024`.
    static func namedMonthDate(_ s: [Unicode.Scalar], at i: Int) -> IssueDate? {
        let (name, end) = word(s, at: i)
        guard let month = month(name) else { return nil }
        var k = end
        while k < s.count && (s[k] == "." || s[k] == " ") { k += 1 }
        guard k < s.count, isDigit(s[k]), let day = digits(s, from: k) else { return nil }
        while k < s.count && isDigit(s[k]) { k += 1 }
        while k < s.count && isLetter(s[k]) { k += 1 }  // 5th, 1st
        while k < s.count && (s[k] == "," || s[k] == " ") { k += 1 }
        guard k + 4 <= s.count, (k..<k + 4).allSatisfy({ isDigit(s[$0]) }), k + 4 == s.count || !isDigit(s[k + 4]),
              let year = digits(s, from: k) else { return nil }
        return IssueDate(year: year, month: month, day: day)
    }

    /// `5 January 2024`, `5 Jan 2024`.
    static func dayFirstNamedDate(_ s: [Unicode.Scalar]) -> IssueDate? {
        var i = 0
        while i < s.count {
            defer { i += 1 }
            guard isDigit(s[i]), i == 0 || !isDigit(s[i - 1]), let day = digits(s, from: i) else { continue }
            var k = i
            while k < s.count && isDigit(s[k]) { k += 1 }
            guard k - i <= 2 else { continue }
            while k < s.count && s[k] == " " { k += 1 }
            guard k < s.count, isLetter(s[k]) else { continue }
            let (name, end) = word(s, at: k)
            guard let month = month(name) else { continue }
            k = end
            while k < s.count && (s[k] == "." || s[k] == "," || s[k] == " ") { k += 1 }
            if k + 4 <= s.count, (k..<k + 4).allSatisfy({ isDigit(s[$0]) }), k + 4 == s.count || !isDigit(s[k + 4]),
               let year = digits(s, from: k), let date = IssueDate(year: year, month: month, day: day) {
                return date
            }
        }
        return nil
    }
}
