import Foundation

/// What a pacer sees when it decides how many calls to place.
struct PacingSnapshot {
    let now: Date
    /// Agents logged in.
    let loggedInAgents: Int
    /// Agents ready for a call right now.
    let readyAgents: Int
    /// Placed calls not yet answered.
    let callsRinging: Int
    /// Answered calls waiting for an agent.
    let callsWaiting: Int
    /// Every call in progress: ringing, waiting, talking, listening to a message.
    let callsInFlight: Int
}

/// Decides how many calls should be ringing at once. The runner places calls
/// until that many ring, within the campaign's lines and rate limits; the
/// abandonment and connect rules are enforced by the runner whatever a pacer says.
protocol Pacer {
    /// How many unanswered calls should be in flight now.
    mutating func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int
}

/// One call per free agent: never more ringing than agents ready, so every
/// person who answers finds an agent.
struct ProgressivePacer: Pacer {
    func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        max(0, snapshot.readyAgents - snapshot.callsWaiting)
    }
}

/// A fixed number of lines per ready agent (`ratio 2.0` rings two numbers for
/// each free agent). A baseline to measure against; it ignores the abandon rate.
struct RatioPacer: Pacer {
    let ratio: Double

    func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        max(0, Int((Double(snapshot.readyAgents) * ratio).rounded(.down)) - snapshot.callsWaiting)
    }
}

/// Agentless dialing: keep every line busy.
struct LinePacer: Pacer {
    let lines: Int

    func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int {
        snapshot.callsRinging + max(0, lines - snapshot.callsInFlight)
    }
}
