import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("report.html: self-contained, escaped, headline first")
struct ReportHTMLTests {
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</svg><script>x</script>",
                          "a & b", "'single'"]

    @Test func everyTextFromAListAFileOrAnAgentIsEscaped() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 2)
        var random = SeededRandom(seed: 2)
        for round in 0..<10 {
            let name = Self.hostile[random.below(Self.hostile.count)]
            try fixture.store.connection.run(
                "UPDATE attempts SET agent = ? WHERE agent = 'agent-\(round % 6)'", [name + String(round)])
            let (written, folder) = try fixture.write(to: "html\(round)")
            var summary = written.summary
            summary.surveys = [SurveyFigures(
                survey: name, question: name, prompt: name, kind: "choice", answered: 3,
                answers: [.init(answer: name, count: 2), .init(answer: "ok", count: 1)])]
            var spec = try fixture.store.compiledSpec(campaign: fixture.campaign)
            spec.title = name
            spec.teams = [Team(name: "t", agents: [Agent(id: name + String(round), name: name)])]
            for html in [HTMLReport(summary: summary, spec: spec).render(),
                         try String(contentsOfFile: folder + "/report.html", encoding: .utf8)] {
                #expect(!html.contains("<script"), "round \(round)")
                #expect(!html.contains("<img"), "round \(round)")
                #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
            }
            let html = HTMLReport(summary: summary, spec: spec).render()
            #expect(html.contains(HTMLText.escape(name)))
        }
    }

    @Test func thePageNeedsNothingFromTheNetwork() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 3)
        let (_, folder) = try fixture.write()
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["src=", "href=", "@import", "url(", "<script", "<link"] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("<svg"))
    }

    @Test func theVerdictComesFirstAndSaysWhenTheCapIsBroken() throws {
        let fixture = try ReportReconciliationTests.Fixture(seed: 6, compliance: .ukOfcom)
        let (written, folder) = try fixture.write()
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        let verdict = try #require(written.summary.verdict)
        let banner = "<div class=\"verdict over-cap\">\(HTMLText.escape(verdict.headline))</div>"
        let bannerAt = try #require(html.range(of: banner)).lowerBound
        let firstSection = try #require(html.range(of: "<section>")).lowerBound
        #expect(bannerAt < firstSection)
        #expect(verdict.headline.hasPrefix("Abandon rate over the cap"))
        #expect(html.contains("<th>with AMD&#39;s estimated false positives</th>"), "Ofcom's windows show the estimate they count")
    }

    @Test func escapingIsReversibleText() {
        var random = SeededRandom(seed: 8)
        for _ in 0..<300 {
            let text = (0..<random.below(8)).map { _ in ["<", ">", "&", "\"", "'", "a", "ễ", "&amp;", " "][random.below(9)] }.joined()
            let escaped = HTMLText.escape(text)
            #expect(!escaped.contains("<") && !escaped.contains(">") && !escaped.contains("\"") && !escaped.contains("'"))
            let back = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            #expect(back == text)
        }
    }
}
