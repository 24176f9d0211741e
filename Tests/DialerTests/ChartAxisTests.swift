import Foundation
import Testing
@testable import Dialer

@Suite("Chart axes: round gridlines, labelled exactly")
struct ChartAxisTests {
    @Test func ticksAreRoundStepsUpToTheLargestValue() {
        let rate = AxisTicks(maximum: 2.3)
        #expect(rate.values == [0, 0.5, 1, 1.5, 2, 2.5] && rate.decimals == 1)
        let small = AxisTicks(maximum: 0.22)
        #expect(small.step == 0.05 && small.top == 0.25 && small.decimals == 2)
        #expect(AxisTicks(maximum: 0.3).values == [0, 0.1, 0.2, 0.3])
        #expect(AxisTicks(maximum: 3.75).values == [0, 1, 2, 3, 4])
        #expect(AxisTicks(maximum: 12).values == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(AxisTicks(maximum: 150, integral: true).values == [0, 50, 100, 150])
        #expect(AxisTicks(maximum: 3, integral: true).values == [0, 1, 2, 3])
        #expect(AxisTicks(maximum: 0, integral: true).values == [0, 1])
    }

    @Test func countsNeverGetFractionalTicks() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<500 {
            let maximum = Double(random.below(5_000) + 1)
            let ticks = AxisTicks(maximum: maximum, integral: true)
            #expect(ticks.values.allSatisfy { $0 == $0.rounded() }, "\(maximum)")
            #expect(ticks.top >= maximum && ticks.values.count <= 6 && ticks.decimals == 0)
        }
    }

    @Test func everyTickIsWrittenWithEnoughDecimals() {
        var random = SeededRandom(seed: 12)
        for _ in 0..<500 {
            let maximum = Double(random.below(100_000) + 1) / 1_000
            let ticks = AxisTicks(maximum: maximum)
            #expect(ticks.top >= maximum && ticks.values.count <= 6)
            for value in ticks.values {
                let label = String(format: "%.\(ticks.decimals)f", value)
                #expect(Double(label) == value, "\(maximum): \(value) written \(label)")
            }
        }
    }

    @Test func theChartShowsQuarterPercentAsItIs() {
        let words = Localizer(language: .english)
        let svg = SVGChart.verticalBars(
            categories: ["03-02", "03-03"], series: [SVGChart.Series(name: "rate", color: "#000", values: [0.1, 0.22])],
            axis: { value, decimals in words.number(value, decimals: decimals) + " %" }, minimumScale: 0)
        for label in ["0.00 %", "0.05 %", "0.25 %"] { #expect(svg.contains(">\(label)</text>"), "\(label)") }
        #expect(!svg.contains(">0.3 %<"))
        let counts = SVGChart.verticalBars(
            categories: ["08:00"], series: [SVGChart.Series(name: "calls", color: "#000", values: [2])], integral: true,
            axis: { value, decimals in words.number(value, decimals: decimals) })
        #expect(counts.contains(">2</text>") && !counts.contains(">2.5</text>") && !counts.contains(">0.5</text>"))
    }
}
