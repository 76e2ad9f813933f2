@testable import BulletinReader
import Glibc
import Testing

@Suite struct ThemeTests {
    @Test func builtInThemesAllLoadAndCoverEveryPart() throws {
        let catalog = ThemeCatalog(environment: { _ in nil })
        let names = ThemeCatalog.builtIn.map(\.name)
        for required in ["dark", "light", "high-contrast", "monochrome"] { #expect(names.contains(required)) }
        for name in names {
            let theme = try catalog.load(name)
            #expect(ThemePart.allCases.allSatisfy(theme.defines), "\(name)")
            #expect(!theme.description.isEmpty)
        }
        let mono = try catalog.load("monochrome")
        #expect(ThemePart.allCases.map { mono[$0] }.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        #expect(mono[.selection].attributes.contains(.reverse))
    }

    /// Built-in themes are parsed at build time into Swift values; parsing
    /// their text now must give the same themes.
    @Test func builtInThemesCompiledAtBuildTimeMatchTheirFiles() throws {
        for entry in ThemeCatalog.builtIn {
            let compiled = try ThemeCatalog.parse(entry)
            let parsed = try ThemeParser.parse(entry.text, name: entry.name, path: "Themes/\(entry.name).toml")
            #expect(compiled == parsed, "\(entry.name)")
        }
    }

    static let valid = ThemeCatalog.builtIn.first { $0.name == "dark" }!.text

    @Test func monochromeIsTheColourlessFallback() throws {
        let monochrome = try #require(ThemeCatalog.monochrome)
        #expect(monochrome.name == ThemeCatalog.noColorName && !monochrome.usesColour)
        #expect(monochrome[.selection].attributes.contains(.reverse))
        for name in ["dark", "light", "high-contrast"] {
            let entry = try #require(ThemeCatalog.builtIn.first { $0.name == name })
            #expect(try ThemeCatalog.parse(entry).usesColour, "\(name) sets colours")
        }
    }

    @Test func syntaxErrorNamesFileAndLine() {
        let broken = Self.valid.replacingFirst("[region]", with: "[region")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "[region" }! + 1
        #expect(throws: ThemeError.self) { try ThemeParser.parse(broken, name: "x", path: "x.toml") }
        do {
            _ = try ThemeParser.parse(broken, name: "x", path: "x.toml")
        } catch {
            #expect(error.line == line)
            #expect(error.description.hasPrefix("theme x.toml:\(line): "))
        }
    }

    @Test func badColourUnknownPartsAndMissingPartsAreErrorsWithLines() {
        func failure(_ text: String) -> ThemeError? {
            do { _ = try ThemeParser.parse(text, name: "t", path: "t.toml"); return nil } catch { return error }
        }
        let badColour = Self.valid.replacingFirst("fg = \"cyan\"", with: "fg = \"cyann\"")
        let colourLine = badColour.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "fg = \"cyann\"" }! + 1
        #expect(failure(badColour)?.line == colourLine)
        #expect(failure(badColour)?.message.contains("not a colour") == true)
        #expect(failure(Self.valid + "\n[sidebar]\nfg = \"red\"\n")?.message.contains("unknown part [sidebar]") == true)
        #expect(failure(Self.valid.replacingFirst("attrs = [\"underline\"]", with: "attrs = [\"blink\"]"))?.message.contains("unknown attribute") == true)
        #expect(failure(Self.valid.replacingFirst("[warning]", with: "[warning]\ncolour = 1"))?.message.contains("unknown key 'colour'") == true)
        #expect(failure("[body]\n")?.message.contains("missing part") == true)
        #expect(failure(Self.valid.replacingFirst("fg = 244", with: "fg = 300")) != nil)
    }

    @Test func coloursMapToTheNearestTheTerminalHas() {
        #expect(ThemeColor(name: "#ff0000")!.number(forTerminalColors: 256) == 196)
        #expect(ThemeColor(name: "#ff0000")!.number(forTerminalColors: 16) == 9)
        #expect(ThemeColor(name: "#ff0000")!.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor(name: "#808080")!.number(forTerminalColors: 256) == 244)
        #expect(ThemeColor(name: "bright-red")!.number(forTerminalColors: 8) == 1)
        #expect(ThemeColor(name: "bright-red")!.number(forTerminalColors: 256) == 9)
        #expect(ThemeColor(index: 250)!.number(forTerminalColors: 8) == 7)
        #expect(ThemeColor(index: 21)!.number(forTerminalColors: 16) == 4)
        #expect(ThemeColor(name: "default")!.number(forTerminalColors: 256) == -1)
        #expect(ThemeColor(name: "purple") == nil && ThemeColor(index: 256) == nil)
    }

    @Test func userThemesAreFoundByNameAndReplaceBuiltInOnes() throws {
        var template = Array("/tmp/bulletin-themes-XXXXXX".utf8CString)
        let dir = String(cString: mkdtemp(&template))
        defer { _ = system("rm -rf '\(dir)'") }
        mkdir(dir + "/bulletin", 0o755)
        mkdir(dir + "/bulletin/themes", 0o755)
        let mine = Self.valid.replacingFirst("description = \"Default, for dark terminals\"", with: "description = \"Mine\"")
        for name in ["mine", "light"] {
            let file = fopen(dir + "/bulletin/themes/\(name).toml", "w")!
            fputs(mine, file)
            fclose(file)
        }
        let catalog = ThemeCatalog(environment: { $0 == "XDG_CONFIG_HOME" ? dir : nil })
        #expect(try catalog.load("mine").description == "Mine")
        #expect(try catalog.load("light").description == "Mine")
        #expect(catalog.entries().first { $0.name == "light" }?.origin == dir + "/bulletin/themes/light.toml")
        #expect(try catalog.load(dir + "/bulletin/themes/mine.toml").name == "mine")
        #expect(throws: ThemeError.self) { try catalog.load("nosuch") }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
