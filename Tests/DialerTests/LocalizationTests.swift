import CampaignDSL
import Foundation
import Testing
@testable import Dialer

@Suite("Localizer: every text in every language, dates and numbers as each language writes them")
struct LocalizationTests {
    @Test(arguments: TextKey.allCases)
    func everyTextExistsInEveryLanguageWithTheSamePlaceholders(key: TextKey) {
        let english = key.text(in: .english)
        let placeholders = Localizer.placeholders(in: english).sorted()
        for language in CampaignLanguage.allCases {
            let text = key.text(in: language)
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(key) in \(language.code)")
            #expect(Localizer.placeholders(in: text).sorted() == placeholders, "\(key) in \(language.code): \(text)")
            #expect(text.unicodeScalars.filter { $0 == "{" }.count == text.unicodeScalars.filter { $0 == "}" }.count)
        }
    }

    @Test func vietnameseAndCzechAreTranslationsNotCopies() {
        for language in [CampaignLanguage.vietnamese, .czech] {
            let same = TextKey.allCases.filter { key in key.text(in: language) == key.text(in: .english) }
            // Only texts made of units and placeholders (`{hours} h {minutes} min`) may be the same.
            #expect(same.allSatisfy { [.durationHoursMinutes, .durationMinutes].contains($0) }, "\(language.code): \(same)")
        }
        #expect(TextKey.outcomeAnswered.text(in: .vietnamese) == "Trả lời")
        #expect(TextKey.outcomeMachine.text(in: .vietnamese) == "Hộp thư thoại")
        #expect(TextKey.seriesAbandonRate.text(in: .vietnamese).hasPrefix("tỷ lệ bỏ cuộc gọi"))
    }

    @Test func argumentsFillTheirPlaceholdersAndHTMLEscapesOnlyTheTemplate() {
        let words = Localizer(language: .vietnamese)
        #expect(words.text(.answeredCount, ["count": "12"]) == "12 người trả lời")
        #expect(words.html(.sheetFor, ["agent": "<strong>An</strong>"]) == "Danh sách gọi của <strong>An</strong>")
        #expect(Localizer(language: .english).html(.estimatedOf, ["abandoned": "1", "persons": "2"]) == "1 abandoned of 2")
    }

    @Test func aWebPageCanTakeEveryTextAtOnce() {
        let texts = Localizer(language: .czech).allTexts
        #expect(texts.count == TextKey.allCases.count)
        #expect(texts["sectionAgents"] == "Operátoři")
    }

    @Test func numbersUseEachLanguagesSeparators() {
        #expect(Localizer(language: .english).number(1234.5, decimals: 1) == "1,234.5")
        #expect(Localizer(language: .vietnamese).number(1234.5, decimals: 1) == "1.234,5")
        #expect(Localizer(language: .czech).number(1234.5, decimals: 1) == "1\u{A0}234,5")
        #expect(Localizer(language: .vietnamese).number(1_234_567) == "1.234.567")
        #expect(Localizer(language: .english).percent(0.0312) == "3.1 %")
        #expect(Localizer(language: .czech).percent(0.03) == "3 %")
        #expect(Localizer(language: .vietnamese).percent(points: 2.5) == "2,5 %")
    }

    @Test func datesAndTimesAreInTheCampaignsZone() throws {
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-12-06T07:05:00Z"))
        let hanoi = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        #expect(Localizer(language: .vietnamese, timeZone: hanoi).dateTime(instant) == "06/12/2026 14:05")
        #expect(Localizer(language: .czech, timeZone: hanoi).dateTime(instant) == "6. 12. 2026 14:05")
        #expect(Localizer(language: .english, timeZone: hanoi).dateTime(instant) == "2026-12-06 14:05")
        #expect(Localizer(language: .czech, timeZone: TimeZone(identifier: "Europe/Prague")).dateTime(instant) == "6. 12. 2026 8:05")
        let words = Localizer(language: .vietnamese, timeZone: hanoi)
        #expect(words.dateTime(iso: "2026-03-02T08:30:00+07:00") == "02/03/2026 08:30")
        #expect(words.day("2026-03-02") == "02/03/2026" && words.day("2026-03-02", short: true) == "02/03")
        #expect(words.duration(3_725) == "1 giờ 02 phút")
        #expect(Localizer(language: .english).duration(720) == "12 min")
    }

    @Test func dispositionsAndAnswersAreShownByTheirLabels() {
        let spec = CampaignSpec(
            id: "c", timeZone: "Asia/Ho_Chi_Minh", lists: [], hours: CallingHours(weekly: [:]), dial: DialPlan(mode: .progressive, agents: 1),
            retry: RetryPolicy(), dispositions: [Disposition(id: "tai-tuc", label: "Tái tục hợp đồng"), Disposition(id: "khac")],
            language: .vietnamese)
        let words = Localizer(spec: spec)
        #expect(words.disposition("tai-tuc", in: spec) == "Tái tục hợp đồng")
        #expect(words.disposition("khac", in: spec) == "khac")
        #expect(words.answer("yes") == "Có" && words.answer("premium") == "premium")
        #expect(words.outcome("no-answer") == "Không bắt máy" && words.outcome("other") == "other")
        #expect(Localizer(language: .english).outcome("no-answer") == "no answer")
    }
}
