@testable import CampaignDSL
import Testing

/// `sheet`, `encoding` and the problems the environment finds in a list's file.
@Suite struct ListFileSettingsTests {
    private func check(_ list: String, files: [String: [String]?], problems: [String: ListFileProblem] = [:]) -> CheckResult {
        let campaign = """
            campaign lists {
              timezone Asia/Ho_Chi_Minh
            \(list)
              hours {
                mon-fri 09:00-17:00
              }
              dial progressive {
                agents 2
              }
            }

            """
        var environment = MemoryEnvironment(sources: ["c/lists.campaign": campaign], files: files)
        environment.listProblems = problems
        return CampaignChecker.check(file: "c/lists.campaign", environment: environment)
    }

    private func messages(_ result: CheckResult) -> [String] {
        result.diagnostics.map { "\($0.id): \($0.message)" + ($0.hint.map { " — " + $0 } ?? "") }
    }

    @Test func aSheetAndTheNewEncodingsReachTheSpec() throws {
        let excel = check("""
              list "book.xlsx" {
                sheet "Khách hàng"
                phone column "Mobile"
                country VN
              }
            """, files: ["c/book.xlsx": ["Mobile"]])
        #expect(excel.diagnostics.isEmpty, "\(messages(excel))")
        #expect(excel.spec?.lists.first?.sheet == "Khách hàng")
        for name in ["windows-1258", "windows-1250", "iso-8859-2", "utf-16le", "UTF-16BE"] {
            let text = check("""
                  list "vn.csv" {
                    phone column "Mobile"
                    encoding \(name)
                  }
                """, files: ["c/vn.csv": ["Mobile"]])
            #expect(text.diagnostics.isEmpty, "\(name): \(messages(text))")
            #expect(text.spec?.lists.first?.encoding == TextEncodingName(rawValue: name.lowercased()))
        }
    }

    @Test func allowNamesTheCostlyNumbersAListCalls() {
        let allowed = check("""
              list "vn.csv" {
                phone column "Mobile"
                allow premium, toll-free
              }
            """, files: ["c/vn.csv": ["Mobile"]])
        #expect(allowed.diagnostics.isEmpty, "\(messages(allowed))")
        #expect(allowed.spec?.lists.first?.allowedCostlyKinds == [.premium, .tollFree])
        let none = check("""
              list "vn.csv" {
                phone column "Mobile"
              }
            """, files: ["c/vn.csv": ["Mobile"]])
        #expect(none.spec?.lists.first?.allowedCostlyKinds == nil)
        let typo = check("""
              list "vn.csv" {
                phone column "Mobile"
                allow premim
              }
            """, files: ["c/vn.csv": ["Mobile"]])
        #expect(messages(typo) == ["unknown-value: unknown kind of number 'premim' — did you mean `premium`?"])
    }

    @Test func settingsThatDoNotFitTheFileAreConflicts() {
        let sheetOnCSV = check("""
              list "vn.csv" {
                phone column "Mobile"
                sheet "One"
              }
            """, files: ["c/vn.csv": ["Mobile"]])
        #expect(messages(sheetOnCSV) == ["conflict: 'sheet' is for Excel lists (.xlsx); this list is a CSV file — remove this line"])
        let textOnExcel = check("""
              list "book.xlsx" {
                phone column "Mobile"
                delimiter ";"
                encoding windows-1252
              }
            """, files: ["c/book.xlsx": ["Mobile"]])
        #expect(messages(textOnExcel) == [
            "conflict: an Excel list has no 'delimiter': its cells are already text — remove this line",
            "conflict: an Excel list has no 'encoding': its cells are already text — remove this line",
        ])
    }

    @Test func theEnvironmentsProblemsAreReportedAtTheList() {
        let declared = check("""
              list "vn.csv" {
                phone column "Mobile"
                encoding windows-1252
              }
            """, files: ["c/vn.csv": ["Mobile"]],
            problems: ["c/vn.csv": .notText(encoding: .windows1252, line: 7, likely: .utf8)])
        #expect(messages(declared) == ["wrong-encoding: 'vn.csv' is not Windows-1252 (Western European) text — remove the `encoding` line (the file is UTF-8)"])
        #expect(declared.diagnostics.first?.notes == ["the first bytes that are not Windows-1252 (Western European) are on line 7 of the file",
                                                     "its bytes look like UTF-8"])
        let unknown = check("""
              list "vn.csv" {
                phone column "Mobile"
              }
            """, files: ["c/vn.csv": ["Mobile"]],
            problems: ["c/vn.csv": .notText(encoding: .utf8, line: 2, likely: nil)])
        #expect(messages(unknown) == ["wrong-encoding: 'vn.csv' is not UTF-8 text — save the file as UTF-8, or name its encoding with "
                                      + "`encoding …` (utf-8, utf-16, utf-16le, utf-16be, windows-1258, windows-1250, iso-8859-2, windows-1252, latin-1)"])
        let sheet = check("""
              list "book.xlsx" {
                phone column "Mobile"
                sheet "Customer"
              }
            """, files: ["c/book.xlsx": ["Mobile"]],
            problems: ["c/book.xlsx": .noSheet("Customer", sheets: ["Customers", "Notes"])])
        #expect(messages(sheet) == ["unknown-sheet: 'book.xlsx' has no sheet 'Customer' — did you mean `Customers`?"])
    }

    @Test func theFormatterAlignsSheetLikeTheOtherKeywords() {
        let messy = "campaign x {\n  list \"b.xlsx\" {\n    phone column \"M\"\n      sheet   \"Khách hàng\"\n  }\n}\n"
        #expect(CampaignFormatter.format(messy) == "campaign x {\n  list \"b.xlsx\" {\n    phone column \"M\"\n    sheet \"Khách hàng\"\n  }\n}\n")
    }
}
