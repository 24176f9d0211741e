import Foundation

/// Something that happened in a running campaign, as its runner publishes it: the one stream the
/// agent desk, the wallboard, the logs and the tests all follow (``LiveEventHub``).
struct LiveEvent: Sendable {
    /// The hub's running number: strictly increasing, so a client can tell what it missed.
    var sequence: UInt64
    /// The campaign's id (its `campaign` name in the file).
    let campaign: String
    /// When it happened, on the runner's clock.
    let time: Date
    let kind: Kind

    init(campaign: String, time: Date, kind: Kind, sequence: UInt64 = 0) {
        self.campaign = campaign
        self.time = time
        self.kind = kind
        self.sequence = sequence
    }

    enum Kind: Sendable {
        /// A call was placed (its attempt is committed); `agent` when it was dialed for one.
        case callPlaced(call: CallID, contact: Int64, agent: String?)
        /// The far end picked up; `party` as far as the backend can tell.
        case callAnswered(call: CallID, party: AnsweringParty)
        /// An answered person was put through to an agent: the agent's screen pops. `number` is E.164.
        case callConnected(call: CallID, agent: String, contact: Int64, number: String, answeredAt: Date)
        /// The call ended, with its outcome.
        case callEnded(call: CallID, outcome: CallOutcome, agent: String?)
        /// An agent's state changed; `call` is the call they are dialed for, on or wrapping up.
        case agentState(agent: String, state: LiveAgentState, since: Date, reason: String?, call: CallID?)
        /// An agent's outcome (disposition, answers, callback, opt-out) was recorded for a call.
        case outcomeRecorded(call: CallID, agent: String?, disposition: String?)
        /// A preview campaign shows `agent` the contact of `job` until `dialAt`.
        case previewOffered(agent: String, job: Int64, contact: Int64, dialAt: Date)
        /// The preview of `job` ended: dialed, skipped, or handed back.
        case previewEnded(agent: String, job: Int64)
        /// The campaign's calls and pacing, when they change.
        case figures(LiveFigures)
    }
}

/// What an agent is doing, as the desk and the wallboard show it.
enum LiveAgentState: String, Sendable, Hashable, Codable {
    case loggedOut = "logged-out"
    case ready
    /// Looking at a preview before its call is placed.
    case previewing
    /// A call is being dialed for them.
    case dialing
    case onCall = "on-call"
    case wrapUp = "wrap-up"
    case paused
    /// Busy with a call that is not the campaign's.
    case busy
}

/// A campaign's calls and pacing at one moment.
struct LiveFigures: Sendable, Hashable, Codable {
    var callsRinging: Int
    /// Answered persons waiting for an agent (in the engine or the PBX's queue).
    var callsWaiting: Int
    var callsConnected: Int
    var agentsLoggedIn: Int
    var agentsReady: Int
    /// Calls in the air per logged-in agent (the dial level).
    var dialLevel: Double
    /// Abandoned answers over answers needing an agent in the compliance window, as a fraction.
    var abandonRate: Double
    /// The campaign's cap, as a fraction.
    var abandonCap: Double
    /// The compliance window's length in days (nil: the campaign's whole life).
    var abandonWindowDays: Int?

    enum CodingKeys: String, CodingKey {
        case callsRinging = "calls_ringing"
        case callsWaiting = "calls_waiting"
        case callsConnected = "calls_connected"
        case agentsLoggedIn = "agents_logged_in"
        case agentsReady = "agents_ready"
        case dialLevel = "dial_level"
        case abandonRate = "abandon_rate"
        case abandonCap = "abandon_cap"
        case abandonWindowDays = "abandon_window_days"
    }
}
