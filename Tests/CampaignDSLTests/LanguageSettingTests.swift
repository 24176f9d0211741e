import CampaignDSL
import Testing

/// `language vi | en | cs`: the language of a campaign's reports, call sheets and summaries.
@Suite struct LanguageSettingTests {
    static func campaign(_ line: String) -> String {
        """
        campaign demo {
          timezone Asia/Ho_Chi_Minh
          \(line)
          list "lists/demo.csv" { phone column "Mobile" }
          hours { mon-fri 08:30-17:00 }
          dial progressive { agents 5 }
        }

        """
    }

    static func check(_ line: String) -> CheckResult {
        CampaignChecker.check(file: "c/demo.campaign", environment: MemoryEnvironment(
            sources: ["c/demo.campaign": campaign(line)], files: ["c/lists/demo.csv": ["Mobile"]]))
    }

    @Test(arguments: [("language vi", CampaignLanguage.vietnamese), ("language cs", .czech), ("language en", .english)])
    func eachLanguageReachesTheSpec(line: String, language: CampaignLanguage) throws {
        let result = Self.check(line)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(try #require(result.spec).language == language)
    }

    @Test func englishUnlessNamed() throws {
        let result = Self.check("")
        #expect(try #require(result.spec).language == nil)
    }

    @Test(arguments: [("language vn", "did you mean `language vi` (Tiếng Việt)?"), ("language cz", "did you mean `language cs` (Čeština)?"),
                      ("language czech", "did you mean `language cs` (Čeština)?"), ("language ev", "did you mean `language en` (English)?"),
                      ("language klingon", "languages: en (English), vi (Tiếng Việt), cs (Čeština)")])
    func anUnknownCodeSaysWhichItMeant(line: String, hint: String) throws {
        let result = Self.check(line)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.id == "unknown-value")
        #expect(diagnostic.message.hasPrefix("unknown language '"))
        #expect(diagnostic.hint == hint)
    }

    @Test func givenTwiceOrWithoutACodeIsAnError() throws {
        #expect(Self.check("language vi\n  language en").diagnostics.map(\.id) == ["duplicate"])
        #expect(Self.check("language").diagnostics.count == 1)
    }

    @Test func theFormatterAlignsIt() {
        let source = "campaign demo {\n  timezone Asia/Ho_Chi_Minh\n  language     vi\n}\n"
        #expect(CampaignFormatter.format(source) == "campaign demo {\n  timezone Asia/Ho_Chi_Minh\n  language vi\n}\n")
    }
}
