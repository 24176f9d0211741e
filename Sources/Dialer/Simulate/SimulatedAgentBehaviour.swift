/// How simulated agents and callees fill in outcomes, so that dispositions, surveys, callbacks,
/// opt-outs and their follow-ups run end to end in `simulate`. Every draw is seeded per call.
public struct SimulatedAgentBehaviour: Sendable, Hashable, Codable {
    /// Relative weights of the campaign's dispositions by id; a disposition not named gets no weight.
    /// Empty: every disposition equally.
    public var dispositionShares: [String: Double]
    /// The share of yes/no questions answered `yes`, except the survey's decisions, which follow the
    /// disposition (``SimulatedAgentDesk``).
    public var yesShare: Double
    /// Relative weights of a choice question's options by position (first option first); missing
    /// positions weigh 1. Empty: every option equally.
    public var choiceWeights: [Double]
    /// Scale and number questions: the share of answers in the top half of the range (0.5 is uniform).
    public var highAnswerShare: Double
    /// The share of optional questions left unanswered.
    public var skipOptionalShare: Double
    /// Free-text answers, drawn equally.
    public var textAnswers: [String]
    /// A callback is asked for this many hours after the call, drawn uniformly, rounded up to 15 minutes.
    public var callbackHours: ClosedRange<Double>
    /// The share of callbacks kept for the same agent (the rest go to anyone).
    public var sameAgentCallbackShare: Double
    /// Agentless surveys: the share of questions a callee answers on the keypad.
    public var keypadAnswerShare: Double

    public init(dispositionShares: [String: Double] = [:], yesShare: Double = 0.6, choiceWeights: [Double] = [],
                highAnswerShare: Double = 0.6, skipOptionalShare: Double = 0.3,
                textAnswers: [String] = ["price", "moving away", "happy with another provider"],
                callbackHours: ClosedRange<Double> = 2...48, sameAgentCallbackShare: Double = 0.5,
                keypadAnswerShare: Double = 0.8) {
        self.dispositionShares = dispositionShares
        self.yesShare = yesShare
        self.choiceWeights = choiceWeights
        self.highAnswerShare = highAnswerShare
        self.skipOptionalShare = skipOptionalShare
        self.textAnswers = textAnswers
        self.callbackHours = callbackHours
        self.sameAgentCallbackShare = sameAgentCallbackShare
        self.keypadAnswerShare = keypadAnswerShare
    }
}
