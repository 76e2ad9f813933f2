@testable import BulletinReader
import Testing

@Suite struct ConfigTests {
    @Test func everyKeyIsRead() throws {
        let config = try ReaderConfig.parse("""
            # settings
            library = "~/bulletins"
            theme = "light"
            toc-width = 36
            mark-read = "manual"
            """, path: "/c/config.toml", home: "/home/u")
        #expect(config.library == "/home/u/bulletins" && config.theme == "light" && config.tocWidth == 36)
        #expect(!config.marksReadOnScroll)
        #expect(try ReaderConfig.parse("", path: "c", home: nil) == ReaderConfig())
        #expect(try ReaderConfig.parse("library = \"/srv/news\"\n", path: "c", home: nil).library == "/srv/news")
    }

    @Test func badKeysAndValuesNameTheFileAndLine() {
        let cases: [(String, String)] = [
            ("theme = \"dark\"\ncolour = \"red\"\n", "config /c/config.toml:2: unknown key 'colour'; keys are library, theme, toc-width, mark-read"),
            ("toc-width = 5\n", "config /c/config.toml:1: toc-width must be 20 to 1000 columns, not 5"),
            ("toc-width = \"wide\"\n", "config /c/config.toml:1: toc-width must be a number of columns"),
            ("mark-read = \"never\"\n", "config /c/config.toml:1: mark-read must be \"scroll\" or \"manual\""),
            ("\n\nlibrary = 3\n", "config /c/config.toml:3: library must be a string"),
            ("theme = \"\"\n", "config /c/config.toml:1: theme: give a theme name or file"),
        ]
        for (text, message) in cases {
            #expect(throws: ConfigError.self) { try ReaderConfig.parse(text, path: "/c/config.toml", home: nil) }
            do {
                _ = try ReaderConfig.parse(text, path: "/c/config.toml", home: nil)
            } catch {
                #expect(error.description == message)
            }
        }
        do {
            _ = try ReaderConfig.parse("theme = \n", path: "/c/config.toml", home: nil)
            Issue.record("a TOML syntax error was accepted")
        } catch {
            #expect(error.description.hasPrefix("config /c/config.toml:1: "))
        }
    }

    @Test func aMissingFileIsNoSettingsAndAnUnreadableOneAnError() throws {
        #expect(try ReaderConfig.load(path: "/nonexistent/bulletin/config.toml", home: nil) == ReaderConfig())
        do {
            _ = try ReaderConfig.load(path: "/tmp", home: nil)  // a folder where the file should be
            Issue.record("a folder was read as settings")
        } catch {
            #expect(error.description.hasPrefix("config /tmp: cannot be read: "))
        }
    }

    @Test func theFileIsFoundByTheXDGRules() {
        #expect(ReaderConfig.path { ["XDG_CONFIG_HOME": "/x", "HOME": "/h"][$0] } == "/x/bulletin/config.toml")
        #expect(ReaderConfig.path { ["XDG_CONFIG_HOME": "relative", "HOME": "/h"][$0] } == "/h/.config/bulletin/config.toml")
        #expect(ReaderConfig.path { _ in nil } == nil)
    }

    @Test func theTOCWidthSetIsTheTOCWidthShown() {
        let state = ReaderState(library: Reader.state().library, width: 100, height: 30, tocWidth: 30)
        #expect(state.tocWidth == 30)
    }
}
