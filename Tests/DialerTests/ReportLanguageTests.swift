import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("report.html in the campaign's language")
struct ReportLanguageTests {
    /// The fixture's report as a Vietnamese campaign with labelled dispositions.
    static func vietnamese() throws -> (html: String, summary: CampaignSummary) {
        let fixture = try ReportReconciliationTests.Fixture(seed: 4)
        let (written, _) = try fixture.write()
        var spec = try fixture.store.compiledSpec(campaign: fixture.campaign)
        spec.language = .vietnamese
        spec.dispositions = [Disposition(id: "tai-tuc", label: "Tái tục hợp đồng"), Disposition(id: "goi-lai", label: "Gọi lại sau")]
        var summary = written.summary
        summary.dispositions = ["tai-tuc": 7, "goi-lai": 3]
        summary.surveys = [SurveyFigures(survey: "s", question: "renew", prompt: "Anh/chị có gia hạn không?", kind: "yes/no",
                                         answered: 5, answers: [.init(answer: "yes", count: 3), .init(answer: "no", count: 2)])]
        summary.verdict = ReportVerdict(summary: summary, words: Localizer(spec: spec))
        return (HTMLReport(summary: summary, spec: spec).render(), summary)
    }

    @Test func aVietnameseCampaignsPageIsInVietnamese() throws {
        let (html, summary) = try Self.vietnamese()
        #expect(html.contains("<html lang=\"vi\">"))
        for fragment in ["<h2>Cuộc gọi theo kết quả</h2>", "<h2>Tỷ lệ bỏ cuộc gọi so với giới hạn</h2>", "<h2>Nhân viên</h2>",
                         ">Trả lời</text>", ">Không bắt máy</text>", "Cuộc gọi bị bỏ: khách hàng đã nghe máy",
                         ">Tái tục hợp đồng</text>", ">Gọi lại sau</text>", ">Có</text>", ">Không</text>",
                         "Báo cáo do dialerd lập từ cơ sở dữ liệu của chiến dịch."] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        #expect(!html.contains(">tai-tuc</text>"), "dispositions by their labels, not their ids")
        let verdict = try #require(summary.verdict)
        #expect(["Tỷ lệ bỏ cuộc gọi vượt giới hạn", "Đúng tiến độ", "Đã xong", "Chưa gọi cuộc nào", "Đã gọi "]
            .contains { verdict.headline.hasPrefix($0) }, "\(verdict.headline)")
        #expect(html.contains("<div class=\"verdict \(verdict.status.rawValue)\">\(HTMLText.escape(verdict.headline))</div>"))
        #expect(html.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) == nil, "no raw ISO time")
        #expect(html.range(of: #"\d{2}/\d{2}/\d{4} \d{2}:\d{2}"#, options: .regularExpression) != nil, "times as Vietnamese write them")
        #expect(!html.contains("worst abandon window"))
    }

    @Test func anEnglishPageSaysTheSameInEnglish() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 6, compliance: .ukOfcom)
        let (written, folder) = try fixture.write()
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(try #require(written.summary.verdict).headline.hasPrefix("Abandon rate over the cap"))
        for fragment in ["<h2>Calls by outcome</h2>", "highest abandon rate in one day (cap 3 %)",
                         "An abandoned call: a person answered but no agent was free",
                         "It is counted for each calendar day.", "The cap is 3 % (rules: uk-ofcom)"] {
            #expect(html.contains(fragment), "\(fragment)")
        }
        #expect(html.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression) == nil, "no raw ISO time")
        #expect(written.summary.language == .english)
    }
}
