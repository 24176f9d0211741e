import Foundation

/// What a pacer sees when it decides how many calls to place.
struct PacingSnapshot {
    /// What a busy agent is doing, and for how many seconds so far.
    enum AgentWork {
        case talking(seconds: Double)
        case wrappingUp(seconds: Double)
    }

    let now: Date
    /// Agents logged in and not paused.
    let loggedInAgents: Int
    /// Agents ready for a call right now.
    let readyAgents: Int
    /// Placed calls not yet answered.
    let callsRinging: Int
    /// Answered calls waiting for an agent.
    let callsWaiting: Int
    /// Every call in progress: ringing, waiting, talking, listening to a message.
    let callsInFlight: Int
    /// How long each unanswered call has rung, in seconds, shortest first.
    var ringingAges: [Double] = []
    /// What each busy agent is doing: those talking, then those wrapping up, each shortest first.
    /// Listed in an order of their own (not the engine's dictionaries', which changes from process
    /// to process), so a pacer sums the same numbers in the same order and a seeded run repeats.
    var busyAgents: [AgentWork] = []
    /// The campaign's abandoned calls and answers by persons in its compliance window
    /// so far, with AMD's estimated false positives.
    var abandonedInWindow: Double = 0
    var answeredInWindow: Double = 0
}

/// What a pacer learns from: how dials resolve, how long agents talk and wrap up.
enum PacingObservation {
    /// A dial was answered and needed an agent (`needsAgent`), or ended otherwise
    /// (no answer, busy, a machine AMD caught), this many seconds after it was placed.
    case dialResolved(afterSeconds: Double, needsAgent: Bool)
    /// An answer that needed an agent got one in time, or was abandoned.
    case delivered(at: Date, abandoned: Bool)
    /// An agent finished talking to a person.
    case talkEnded(seconds: Double)
    /// An agent found a machine on a call, this many seconds after it was bridged.
    case machineFound(seconds: Double)
    /// An agent finished wrapping up.
    case wrapEnded(seconds: Double)
}
