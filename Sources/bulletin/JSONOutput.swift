import BulletinCore
import FoundationEssentials

/// The JSON shapes of `toc --json` and `search --json`. Optional fields are
/// written as null, not left out, so consumers see every key.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

struct TocJSON: Encodable {
    let bulletin: Bulletin
    init(_ bulletin: Bulletin) { self.bulletin = bulletin }

    enum Keys: String, CodingKey { case title, path, encoding, sections, nodes, warnings }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let outline = bulletin.outline
        try c.encode(bulletin.title, forKey: .title)
        try c.encode(bulletin.path, forKey: .path)
        try c.encode(bulletin.encoding.name, forKey: .encoding)
        try c.encode(bulletin.sections.map { section in
            SectionJSON(title: outline[section.node].text, line: outline[section.node].line,
                        articles: section.articles.map { ArticleJSON(outline[$0]) })
        }, forKey: .sections)
        try c.encode(outline.nodes.map(NodeJSON.init), forKey: .nodes)
        try c.encode(bulletin.warnings.map(WarningJSON.init), forKey: .warnings)
    }
}

struct SectionJSON: Encodable {
    let title: String
    let line: Int
    let articles: [ArticleJSON]
}

struct ArticleJSON: Encodable {
    let node: OutlineNode
    init(_ node: OutlineNode) { self.node = node }

    enum Keys: String, CodingKey { case region, headline, line, tocLine }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(node.region, forKey: .region)
        try c.encode(node.headline, forKey: .headline)
        try c.encode(node.line, forKey: .line)
        try c.encode(node.tocLine, forKey: .tocLine)
    }
}

struct NodeJSON: Encodable {
    let node: OutlineNode

    enum Keys: String, CodingKey { case kind, level, depth, text, line, parent }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(node.kind.rawValue, forKey: .kind)
        try c.encode(node.level, forKey: .level)
        try c.encode(node.depth, forKey: .depth)
        try c.encode(node.text, forKey: .text)
        try c.encode(node.line, forKey: .line)
        try c.encode(node.parent, forKey: .parent)
    }
}

struct WarningJSON: Encodable {
    let warning: Warning

    enum Keys: String, CodingKey { case line, kind, message }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(warning.line, forKey: .line)
        try c.encode(warning.kind.rawValue, forKey: .kind)
        try c.encode(warning.message, forKey: .message)
    }
}

struct HitJSON: Encodable {
    let hit: SearchHit

    enum Keys: String, CodingKey { case path, line, section, region, headline, matches }
    enum MatchKeys: String, CodingKey { case field, start, length }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(hit.path, forKey: .path)
        try c.encode(hit.line, forKey: .line)
        try c.encode(hit.section, forKey: .section)
        try c.encode(hit.region, forKey: .region)
        try c.encode(hit.headline, forKey: .headline)
        var matches = c.nestedUnkeyedContainer(forKey: .matches)
        for match in hit.matches {
            var m = matches.nestedContainer(keyedBy: MatchKeys.self)
            try m.encode(match.field.rawValue, forKey: .field)
            try m.encode(match.start, forKey: .start)
            try m.encode(match.length, forKey: .length)
        }
    }
}
