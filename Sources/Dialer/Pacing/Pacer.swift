import Foundation

/// Decides how many calls should be ringing at once. The runner places calls
/// until that many ring, within the campaign's lines and rate limits; the
/// abandonment and connect rules are enforced by the runner whatever a pacer says.
protocol Pacer {
    /// How many unanswered calls should be in flight now.
    mutating func targetCallsRinging(_ snapshot: PacingSnapshot) -> Int
    /// Learns from what happened to the campaign's calls and agents.
    mutating func observe(_ observation: PacingObservation)
    /// Whether ``learn(from:)`` uses the campaign's past: the runner reads it from the store only then.
    var learnsFromHistory: Bool { get }
    /// Learns, when a run starts, from the campaign's past attempts, oldest first.
    mutating func learn(from history: [PastPacingAttempt])
    /// Then starts from priors where that history is thin: other campaigns' attempts, or defaults.
    mutating func learn(priors: [PastPacingAttempt])
}

extension Pacer {
    /// Pacers that do not learn ignore observations.
    mutating func observe(_ observation: PacingObservation) {}
    /// Pacers that do not learn ignore the campaign's past.
    var learnsFromHistory: Bool { false }
    mutating func learn(from history: [PastPacingAttempt]) {}
    mutating func learn(priors: [PastPacingAttempt]) {}
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
