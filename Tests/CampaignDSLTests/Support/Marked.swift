import CampaignDSL
import Testing

/// A campaign source with expected diagnostics marked in it: `«id:text»` marks
/// `text` as the range of a diagnostic `id` (`«a,b:text»` of two); `«id:»` marks an empty range.
struct Marked {
    let source: String
    let expected: [Expectation]

    struct Expectation: Hashable, CustomStringConvertible {
        let id: String
        let start: Int
        let end: Int
        var description: String { "\(id)@\(start)..<\(end)" }
    }

    init(_ marked: String) {
        var bytes: [UInt8] = []
        var expected: [Expectation] = []
        var scalars = marked.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "«" else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
                continue
            }
            var id = ""
            while let next = scalars.popFirst(), next != ":" { id.unicodeScalars.append(next) }
            let start = bytes.count
            while let next = scalars.popFirst(), next != "»" { bytes.append(contentsOf: Array(String(next).utf8)) }
            for id in id.split(separator: ",") {
                expected.append(Expectation(id: String(id), start: start, end: bytes.count))
            }
        }
        self.source = String(decoding: bytes, as: UTF8.self)
        self.expected = expected
    }

    /// Checks the source as `demo.campaign` (with `lists/demo.csv` present) and
    /// expects exactly the marked errors and warnings.
    @discardableResult
    func check(files: [String: [String]?] = ["lists/demo.csv": nil], extraSources: [String: String] = [:],
               sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CheckResult {
        var environment = MemoryEnvironment(files: files)
        environment.sources = extraSources
        environment.sources["demo.campaign"] = source
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        let found = result.diagnostics.filter { $0.range.file == "demo.campaign" }
            .map { Expectation(id: $0.id, start: $0.range.start, end: $0.range.end) }
        #expect(found.map(\.description).sorted() == expected.map(\.description).sorted(),
                "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return result
    }
}
