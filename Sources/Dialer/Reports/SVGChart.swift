import Foundation

/// Small inline SVG charts for report.html: no script, no external asset, print-friendly.
/// Every label goes through `HTMLText.escape`.
enum SVGChart {
    /// One bar of a horizontal bar chart.
    struct Bar {
        let label: String
        let value: Double
        let color: String
        /// The text after the bar (the value, a share).
        let note: String
    }

    /// One series of a vertical bar chart.
    struct Series {
        let name: String
        let color: String
        let values: [Double]
    }

    /// A horizontal line across a vertical bar chart (a cap).
    struct Rule {
        let value: Double
        let label: String
        let color: String
    }

    /// Labelled horizontal bars, longest value spanning the width.
    static func horizontalBars(_ bars: [Bar], width: Int = 640) -> String {
        let row = 26
        let labelWidth = 170
        let noteWidth = 130
        let height = max(row, bars.count * row) + 4
        let most = max(bars.map(\.value).max() ?? 0, 1)
        let span = Double(width - labelWidth - noteWidth)
        var svg = open(width: width, height: height, title: "bar chart")
        for (index, bar) in bars.enumerated() {
            let y = index * row + 4
            let length = max(bar.value > 0 ? 2 : 0, bar.value / most * span)
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLText.escape(bar.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(format(length))\" height=\"\(row - 8)\" fill=\"\(bar.color)\"/>"
            svg += "<text x=\"\(format(Double(labelWidth) + length + 6))\" y=\"\(y + 15)\">\(HTMLText.escape(bar.note))</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical bars per category, series side by side, with an optional rule and a legend. The value
    /// axis has round gridlines (`AxisTicks`; `integral` for counts), labelled by `axis(value, decimals)`.
    static func verticalBars(categories: [String], series: [Series], rule: Rule? = nil, integral: Bool = false,
                             axis: (Double, Int) -> String, minimumScale: Double = 1, width: Int = 900, height: Int = 240) -> String {
        let left = 56
        let bottom = 34
        let top = 26
        let plotWidth = Double(width - left - 10)
        let plotHeight = Double(height - bottom - top)
        let most = max(series.flatMap(\.values).max() ?? 0, rule.map { $0.value * 1.25 } ?? 0, minimumScale)
        let ticks = AxisTicks(maximum: most, integral: integral)
        let scale = ticks.top
        var svg = open(width: width, height: height, title: series.map(\.name).joined(separator: ", "))
        for value in ticks.values {
            let y = Double(top) + plotHeight - value / scale * plotHeight
            svg += "<line x1=\"\(left)\" y1=\"\(format(y))\" x2=\"\(width - 10)\" y2=\"\(format(y))\" stroke=\"#e3e3e3\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(format(y + 4))\" text-anchor=\"end\" class=\"axis\">"
                + "\(HTMLText.escape(axis(value, ticks.decimals)))</text>"
        }
        let slot = plotWidth / Double(max(categories.count, 1))
        let barWidth = min(48, max(1, slot * 0.8 / Double(max(series.count, 1))))
        let labelEvery = max(1, Int((40 / slot).rounded(.up)))
        for (index, category) in categories.enumerated() {
            let x = Double(left) + slot * Double(index) + (slot - barWidth * Double(series.count)) / 2
            for (offset, line) in series.enumerated() where index < line.values.count {
                let value = line.values[index]
                let barHeight = value / scale * plotHeight
                svg += "<rect x=\"\(format(x + barWidth * Double(offset)))\" y=\"\(format(Double(top) + plotHeight - barHeight))\" "
                    + "width=\"\(format(barWidth))\" height=\"\(format(barHeight))\" fill=\"\(line.color)\">"
                    + "<title>\(HTMLText.escape("\(category) \(line.name): \(axis(value, max(ticks.decimals, integral ? 0 : 2)))"))</title></rect>"
            }
            if index % labelEvery == 0 {
                svg += "<text x=\"\(format(Double(left) + slot * (Double(index) + 0.5)))\" y=\"\(height - bottom + 16)\" text-anchor=\"middle\" class=\"axis\">"
                    + "\(HTMLText.escape(category))</text>"
            }
        }
        if let rule {
            let y = Double(top) + plotHeight - rule.value / scale * plotHeight
            svg += "<line x1=\"\(left)\" y1=\"\(format(y))\" x2=\"\(width - 10)\" y2=\"\(format(y))\" stroke=\"\(rule.color)\" "
                + "stroke-width=\"2\" stroke-dasharray=\"6 4\"/>"
            svg += "<text x=\"\(width - 12)\" y=\"\(format(y - 5))\" text-anchor=\"end\" style=\"fill:\(rule.color)\" "
                + "stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\" font-weight=\"600\">"
                + "\(HTMLText.escape(rule.label))</text>"
        }
        var legendX = left
        for line in series {
            svg += "<rect x=\"\(legendX)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(line.color)\"/>"
            svg += "<text x=\"\(legendX + 16)\" y=\"16\">\(HTMLText.escape(line.name))</text>"
            legendX += 30 + line.name.count * 7
        }
        return svg + "</svg>"
    }

    private static func open(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "style=\"max-width:\(width)px\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">"
    }

    private static func format(_ value: Double) -> String {
        String(Double((value * 10).rounded()) / 10)
    }
}
