import Foundation

/// What a person at the agent desk asks of a running campaign. Each goes through the campaign's
/// runner, on its thread, by the same code paths and laws as the telephony's own events.
enum DeskCommand: Sendable, Hashable {
    /// The agent's presence as the person sets it: available (ready), paused with a reason, or
    /// logged out. Ready also ends a wrap-up.
    case presence(agent: String, AgentPresence, reason: String?)
    /// The outcome of `call`, which the agent took: recorded in one transaction with what it means
    /// for the contact and its follow-ups (as `dialerd agents import` does).
    case outcome(agent: String, call: CallID, AgentOutcome)
    /// Dial the previewed contact of `job` now.
    case previewCall(agent: String, job: Int64)
    /// Do not dial the previewed contact of `job` now; it comes back later.
    case previewSkip(agent: String, job: Int64, reason: String)

    /// The agent the command is about.
    var agent: String {
        switch self {
        case .presence(let agent, _, _), .outcome(let agent, _, _), .previewCall(let agent, _),
             .previewSkip(let agent, _, _):
            agent
        }
    }
}

/// How a runner answered a desk command.
enum DeskReply: Sendable, Hashable {
    /// Done; `note` says anything the person should know ("recorded when the call ends").
    case done(note: String?)
    /// Not done, and why, in words for the person.
    case refused(String)
}

/// Where a runner's answer to one command is handed back to the thread that sent it.
final class DeskReplyBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var reply: DeskReply?

    init() {}

    /// Hands the answer over (the first one counts).
    func answer(_ reply: DeskReply) {
        condition.lock()
        if self.reply == nil { self.reply = reply }
        condition.broadcast()
        condition.unlock()
    }

    /// The answer, waiting up to `timeout` seconds; nil when none came in time.
    func wait(timeout: TimeInterval) -> DeskReply? {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(timeout)
        while reply == nil {
            if !condition.wait(until: deadline) { break }
        }
        return reply
    }
}
