public import Foundation

/// What an agent (or a keypad) recorded about a contact after a call: the disposition chosen,
/// survey answers, a callback and an opt-out request.
public struct AgentOutcome: Sendable, Hashable {
    /// The id of one of the campaign's dispositions, if one was chosen.
    public var disposition: String?
    /// Survey answers by question id.
    public var answers: [String: String]
    /// When to call again, if the contact asked for it.
    public var callback: CallbackRequest?
    /// The contact asked never to be called again (whatever the disposition).
    public var optOut: Bool

    public init(disposition: String? = nil, answers: [String: String] = [:], callback: CallbackRequest? = nil,
                optOut: Bool = false) {
        self.disposition = disposition
        self.answers = answers
        self.callback = callback
        self.optOut = optOut
    }
}

/// A callback the contact asked for: when, and whether the same agent must take it.
public struct CallbackRequest: Sendable, Hashable {
    /// The instant asked for (the callee's local time, as an instant).
    public var at: Date
    /// The agent who must take the call; nil for anyone.
    public var agent: String?

    public init(at: Date, agent: String? = nil) {
        self.at = at
        self.agent = agent
    }
}
