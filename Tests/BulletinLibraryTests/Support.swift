import Glibc

/// A fresh folder under /tmp, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() {
        var template = Array("/tmp/bulletin-library-XXXXXX".utf8CString)
        path = String(cString: mkdtemp(&template))
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let file = path + "/" + name
        var folder = path
        for part in name.split(separator: "/").dropLast() {
            folder += "/" + part
            mkdir(folder, 0o755)
        }
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
        return file
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) {
        let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        _ = Glibc.write(fd, bytes, bytes.count)
        close(fd)
    }

    func files(prefix: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(prefix) { names.append(name) }
        }
        return names.sorted()
    }

    func remove() { _ = system("rm -rf '\(path)'") }
}

/// A small bulletin with a title, a date line in the title and two sections.
func sampleBulletin(title: String, articles: [String]) -> String {
    var text = "# \(title)\n\n## 要闻\n\n"
    for (i, headline) in articles.enumerated() {
        text += "### 北京 | \(headline)\n\n正文第\(i)段。\n\n"
    }
    return text + "## 其他\n\n### 上海 | 其他消息\n\n正文。\n"
}

extension TemporaryFolder {
    /// An existing folder, to write into (not made, not removed by this value).
    init(existing: String) { path = existing }
}
