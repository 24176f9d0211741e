import CampaignDSL
import Foundation

/// Where the engine learns what happened on a call beyond the network's events: the outcome an
/// agent recorded when their wrap-up ended, and the keys a callee pressed on an agentless survey.
/// The simulator's desk draws them (``SimulatedAgentDesk``); a live desk without an agent screen
/// has none, and outcomes come back through `dialerd agents import`.
protocol AgentDesk: AnyObject {
    /// The outcome `agent` recorded for `call`, if any.
    func outcome(of call: CallID, agent: String, endedAt: Date) -> AgentOutcome?
    /// The keys pressed on an agentless call, by question id.
    func keys(of call: CallID, survey: Survey) -> [String: String]
}
