public import Foundation

/// Something that happened to a call or an agent, reported by a telephony driver.
public struct CallEvent: Sendable, Hashable {
    /// When it happened.
    public let time: Date
    /// What happened.
    public let kind: Kind

    public init(time: Date, kind: Kind) {
        self.time = time
        self.kind = kind
    }

    public enum Kind: Sendable, Hashable {
        /// The far end is ringing.
        case ringing(CallID)
        /// The far end picked up and the backend's answering-machine detection listens;
        /// `answered` follows with its verdict. Ring time ends here, AMD time begins.
        case detecting(CallID)
        /// The backend never placed the call (it could not reach its switch, or no line
        /// came free in time): no one was called, so the attempt is withdrawn and the
        /// contact stays due. `reason` says why, for the log.
        case notPlaced(CallID, reason: String)
        /// The far end picked up; `party` is what answered, as far as the driver can tell
        /// (after answering-machine detection when it runs; `person` without it). A call
        /// classed as a machine is not routed to an agent: the backend hangs up on it
        /// (or leaves a message) and reports the hang-up.
        case answered(CallID, party: AnsweringParty)
        /// The answering-machine detector's verdict, as the backend words it, in lower case
        /// (`human`, `machine`, `notsure`, `hangup`, …); comes before the `answered` it decides.
        case amdVerdict(CallID, String)
        /// Where the backend keeps the call's recording (a link or a file name), when it records calls.
        case recording(CallID, String)
        /// The call was bridged to an agent.
        case connected(CallID, agent: String)
        /// The agent found an answering machine on a call bridged to them (AMD off or
        /// wrong); the call ends as `machine` and the agent is free at once.
        case agentFoundMachine(CallID)
        /// The call ended; `cause` says why.
        case hungUp(CallID, cause: HangupCause)
        /// An agent finished wrap-up and can take the next call.
        case agentReady(agent: String)
        /// The backend reports an agent's presence (logged in, paused, logged out).
        case agentPresence(agent: String, AgentPresence)
    }
}

/// An agent's presence as a telephony backend sees it.
public enum AgentPresence: String, Sendable, Hashable, Codable {
    case loggedOut = "logged-out"
    case available
    case paused
    /// Logged in, but the agent's phone is busy with a call that is not Dialer's (or is
    /// being rung by the queue): no call for them until it is free; the time counts as logged in.
    case busy
}

/// Who answered a call.
public enum AnsweringParty: String, Sendable, Hashable, Codable {
    case person
    case machine
}
