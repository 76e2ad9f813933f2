import BulletinCore

/// The JSON shapes of `toc --json` and `search --json`, written as they
/// are walked. Optional fields are written as null, not left out, so
/// consumers see every key.
enum JSONOutput {
    static func write(toc bulletin: Bulletin, to json: inout JSONWriter) {
        let outline = bulletin.outline
        json.object { o in
            o.field("title", bulletin.title)
            o.field("path", bulletin.path)
            o.field("encoding", bulletin.encoding.name)
            o.key("metadata")
            o.object { m in
                // Front matter may repeat a key; JSON keys are unique: the first one stands.
                var seen = Set<String>()
                for field in bulletin.metadata where seen.insert(field.key).inserted { m.field(field.key, field.value) }
            }
            o.key("sections")
            o.array { sections in
                for section in bulletin.sections {
                    sections.object { s in
                        s.field("title", outline[section.node].text)
                        s.field("line", outline[section.node].line)
                        s.key("articles")
                        s.array { articles in
                            for article in section.articles.map({ outline[$0] }) {
                                articles.object { a in
                                    a.field("region", article.region)
                                    a.field("headline", article.headline)
                                    a.field("line", article.line)
                                    a.field("tocLine", article.tocLine)
                                }
                            }
                        }
                    }
                }
            }
            o.key("nodes")
            o.array { nodes in
                for node in outline.nodes {
                    nodes.object { n in
                        n.field("kind", node.kind.rawValue)
                        n.field("level", node.level)
                        n.field("depth", node.depth)
                        n.field("text", node.text)
                        n.field("line", node.line)
                        n.field("parent", node.parent)
                    }
                }
            }
            o.key("warnings")
            o.array { warnings in
                for warning in bulletin.warnings {
                    warnings.object { w in
                        w.field("line", warning.line)
                        w.field("kind", warning.kind.rawValue)
                        w.field("message", warning.message)
                    }
                }
            }
        }
    }

    static func write(hits: [SearchHit], to json: inout JSONWriter) {
        json.array { array in
            for hit in hits {
                array.object { h in
                    h.field("path", hit.path)
                    h.field("line", hit.line)
                    h.field("kind", hit.kind.rawValue)
                    h.field("section", hit.section)
                    h.field("region", hit.region)
                    h.field("headline", hit.headline)
                    h.key("matches")
                    h.array { matches in
                        for match in hit.matches {
                            matches.object { m in
                                m.field("field", match.field.rawValue)
                                m.field("start", match.start)
                                m.field("length", match.length)
                            }
                        }
                    }
                }
            }
        }
    }
}
