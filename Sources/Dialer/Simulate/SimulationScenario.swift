import Foundation

/// The simulated network's parameters by name, as written in a scenario file
/// (`key value` per line, `#` comments) or given as `--key value` on a command line.
/// docs/simulation.md lists them.
public enum SimulationScenario {
    private typealias Setter = @Sendable (inout SimulationParameters, String) throws(ScenarioError) -> Void

    /// Every key, with what it sets.
    private static let setters: [(key: String, set: Setter)] = [
        ("seed", { p, v throws(ScenarioError) in p.seed = try whole(v) }),
        ("answer-rate", { p, v throws(ScenarioError) in p.personAnswerShare = try share(v) }),
        ("machine-rate", { p, v throws(ScenarioError) in p.machineShare = try share(v) }),
        ("busy-rate", { p, v throws(ScenarioError) in p.busyShare = try share(v) }),
        ("invalid-rate", { p, v throws(ScenarioError) in p.unallocatedShare = try share(v) }),
        ("ring", { p, v throws(ScenarioError) in p.ringMeanSeconds = try seconds(v) }),
        ("ring-cv", { p, v throws(ScenarioError) in p.ringCV = try number(v) }),
        ("machine-ring", { p, v throws(ScenarioError) in p.machineRingMeanSeconds = try seconds(v) }),
        ("talk", { p, v throws(ScenarioError) in p.talkMeanSeconds = try seconds(v) }),
        ("talk-cv", { p, v throws(ScenarioError) in p.talkCV = try number(v) }),
        ("wrap", { p, v throws(ScenarioError) in p.wrapMeanSeconds = try seconds(v) }),
        ("wrap-cv", { p, v throws(ScenarioError) in p.wrapCV = try number(v) }),
        ("safe-harbour", { p, v throws(ScenarioError) in p.safeHarbourSeconds = try seconds(v) }),
        ("message", { p, v throws(ScenarioError) in p.messageMeanSeconds = try seconds(v) }),
        ("amd", { p, v throws(ScenarioError) in p.amd = try onOff(v) }),
        ("amd-delay", { p, v throws(ScenarioError) in p.amdDelaySeconds = try seconds(v) }),
        ("amd-false-positive", { p, v throws(ScenarioError) in p.amdFalsePositiveShare = try share(v) }),
        ("amd-false-negative", { p, v throws(ScenarioError) in p.amdFalseNegativeShare = try share(v) }),
        ("recordings", { p, v throws(ScenarioError) in p.recordings = try onOff(v) }),
        ("routing", { p, v throws(ScenarioError) in p.pbxRouting = try routing(v) }),
        ("pbx-queue", { p, v throws(ScenarioError) in p.pbxQueueSeconds = try seconds(v) }),
        ("pbx-agent-ring", { p, v throws(ScenarioError) in p.pbxAgentRingSeconds = try seconds(v) }),
        ("machine-agent-seconds", { p, v throws(ScenarioError) in p.machineAgentSeconds = try seconds(v) }),
        ("answer-by-hour", { p, v throws(ScenarioError) in p.answerByHour = try hourFactors(v) }),
        ("break-every", { p, v throws(ScenarioError) in p.breakEverySeconds = try seconds(v) }),
        ("break-length", { p, v throws(ScenarioError) in p.breakMeanSeconds = try seconds(v) }),
        ("logout-share", { p, v throws(ScenarioError) in p.logoutShare = try share(v) }),
        ("agent-dispositions", { p, v throws(ScenarioError) in p.agentBehaviour.dispositionShares = try weights(v) }),
        ("agent-yes-share", { p, v throws(ScenarioError) in p.agentBehaviour.yesShare = try share(v) }),
        ("agent-high-answers", { p, v throws(ScenarioError) in p.agentBehaviour.highAnswerShare = try share(v) }),
        ("agent-skip-optional", { p, v throws(ScenarioError) in p.agentBehaviour.skipOptionalShare = try share(v) }),
        ("agent-callback-hours", { p, v throws(ScenarioError) in p.agentBehaviour.callbackHours = try hoursRange(v) }),
        ("agent-same-callbacks", { p, v throws(ScenarioError) in p.agentBehaviour.sameAgentCallbackShare = try share(v) }),
        ("keypad-answers", { p, v throws(ScenarioError) in p.agentBehaviour.keypadAnswerShare = try share(v) }),
    ]

    /// The keys, in the order the documentation lists them.
    public static var keys: [String] { setters.map(\.key) }

    /// Sets one parameter by its key.
    public static func set(_ key: String, to value: String, in parameters: inout SimulationParameters) throws(ScenarioError) {
        guard let setter = setters.first(where: { $0.key == key }) else {
            throw ScenarioError("unknown key '\(key)'; keys: \(keys.joined(separator: ", "))")
        }
        do {
            try setter.set(&parameters, value)
        } catch {
            throw ScenarioError("\(key): \(error.message)")
        }
    }

    /// Applies a scenario file's text: one `key value` per line; blank lines and `#` comments are skipped.
    public static func apply(_ text: String, to parameters: inout SimulationParameters) throws(ScenarioError) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let words = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count == 2 else { throw ScenarioError("line \(index + 1): expected `key value`") }
            do {
                try set(String(words[0]), to: words[1].trimmingCharacters(in: .whitespaces), in: &parameters)
            } catch {
                throw ScenarioError("line \(index + 1): \(error.message)")
            }
        }
    }

    /// Reads a scenario file and applies it.
    public static func load(path: String, into parameters: inout SimulationParameters) throws(ScenarioError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ScenarioError("cannot read the scenario \(path)")
        }
        do {
            try apply(text, to: &parameters)
        } catch {
            throw ScenarioError("\(path): \(error.message)")
        }
    }

    private static func number(_ text: String) throws(ScenarioError) -> Double {
        guard let value = Double(text), value.isFinite, value >= 0 else {
            throw ScenarioError("'\(text)' is not a number ≥ 0")
        }
        return value
    }

    private static func whole(_ text: String) throws(ScenarioError) -> UInt64 {
        guard let value = UInt64(text) else { throw ScenarioError("'\(text)' is not a whole number ≥ 0") }
        return value
    }

    /// `0.3` or `30%`.
    private static func share(_ text: String) throws(ScenarioError) -> Double {
        let value = text.hasSuffix("%") ? try number(String(text.dropLast())) / 100 : try number(text)
        guard value <= 1 else { throw ScenarioError("'\(text)' is not a share from 0 to 1 (or 0% to 100%)") }
        return value
    }

    /// `25` or `25s`.
    private static func seconds(_ text: String) throws(ScenarioError) -> Double {
        try number(text.hasSuffix("s") ? String(text.dropLast()) : text)
    }

    /// `engine` (Dialer connects answered calls) or `pbx` (the network does, as Asterisk's queue).
    private static func routing(_ text: String) throws(ScenarioError) -> Bool {
        switch text {
        case "engine": return false
        case "pbx": return true
        default: throw ScenarioError("expected engine or pbx, not '\(text)'")
        }
    }

    private static func onOff(_ text: String) throws(ScenarioError) -> Bool {
        switch text {
        case "on": return true
        case "off": return false
        default: throw ScenarioError("'\(text)' is neither on nor off")
        }
    }

    /// `done=3,callback=1`: disposition id = relative weight.
    private static func weights(_ text: String) throws(ScenarioError) -> [String: Double] {
        var weights: [String: Double] = [:]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=")
            guard pair.count == 2, !pair[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ScenarioError("'\(part)' is not DISPOSITION=WEIGHT")
            }
            weights[pair[0].trimmingCharacters(in: .whitespaces)] = try number(pair[1].trimmingCharacters(in: .whitespaces))
        }
        return weights
    }

    /// `2-48`: from and to, in hours.
    private static func hoursRange(_ text: String) throws(ScenarioError) -> ClosedRange<Double> {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low.isFinite, high.isFinite,
              low >= 0, low <= high else {
            throw ScenarioError("'\(text)' is not LOW-HIGH hours with LOW ≤ HIGH")
        }
        return low...high
    }

    /// `9=0.8,10=1.2`: hour of the day (0–23) = multiplier of the answer share.
    private static func hourFactors(_ text: String) throws(ScenarioError) -> [Int: Double] {
        var factors: [Int: Double] = [:]
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=")
            guard pair.count == 2, let hour = Int(pair[0].trimmingCharacters(in: .whitespaces)), (0...23).contains(hour) else {
                throw ScenarioError("'\(part)' is not HOUR=FACTOR with an hour from 0 to 23")
            }
            factors[hour] = try number(pair[1].trimmingCharacters(in: .whitespaces))
        }
        return factors
    }
}

/// A scenario key or value is wrong; the message says which and why.
public struct ScenarioError: Error, CustomStringConvertible, Sendable {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
