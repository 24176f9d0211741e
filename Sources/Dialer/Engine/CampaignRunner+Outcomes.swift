import CampaignDSL
import Foundation

/// Who may take a due job's call.
enum AgentRouting: Equatable {
    /// Any agent (the one ready longest).
    case anyone
    /// This agent, who is ready.
    case agent(String)
    /// Its agent is not free yet: leave the job due, until `until` (an agent's callback passes to
    /// anyone then) or, when nil, until the agent is free.
    case wait(until: Date?)

    /// The agent the call is for, if one is named.
    var agent: String? {
        if case .agent(let agent) = self { agent } else { nil }
    }
}

extension CampaignRunner {
    /// Who takes a due job: the agent of its callback until the grace period ends, then anyone; in an
    /// assigned preview campaign, the agent the contact is assigned to; else anyone. An agent who is not
    /// one of this campaign's (an old assignment) leaves the job to anyone.
    func routing(for job: DueJob, at now: Date) throws -> AgentRouting {
        guard spec.dial.mode != .agentless else { return .anyone }
        var wanted: String?
        var handOver: Date?
        if let callback = try store.agentCallback(job: job.job), CallbackScheduler.waitsForAgent(due: callback.due, at: now) {
            wanted = callback.agent
            handOver = CallbackScheduler.handOver(due: callback.due)
        } else if spec.dial.mode == .preview, spec.dial.assignedAgents {
            wanted = try store.assignedAgent(contact: job.contact)
        }
        guard let wanted, let activity = agents[wanted] else { return .anyone }
        if case .ready = activity { return .agent(wanted) }
        return .wait(until: handOver)
    }

    /// Records what the agent chose when their wrap-up of `call` ended, if the desk knows it, with its
    /// follow-ups; a call the agent recorded nothing for gets the follow-ups of its attempt alone.
    func recordAgentOutcome(call: CallID, agent: String, at time: Date) throws {
        guard awaitsAgentOutcome(talked: true, agent: agent) else { return }
        guard !isPerson(agent), let outcome = agentDesk?.outcome(of: call, agent: agent, endedAt: time) else {
            try store.connection.writeTransaction { try enqueueFollowUps(call: call, at: time) }
            return
        }
        try outcomeRecorder.record(outcome, call: call, source: .agent, at: time)
    }

    /// Records the keys pressed on an answered agentless survey call as its answers.
    /// - Returns: whether answers were recorded (their follow-ups with them).
    func recordKeypadAnswers(call: CallID, talked: Bool, agent: String?, at time: Date) throws -> Bool {
        guard talked, agent == nil, let desk = agentDesk, let name = spec.dial.survey,
              let survey = spec.surveys.first(where: { $0.name == name }) else { return false }
        let answers = SurveyKeypad.answers(keys: desk.keys(of: call, survey: survey), survey: survey)
        guard !answers.isEmpty else { return false }
        try outcomeRecorder.record(AgentOutcome(answers: answers), call: call, source: .keypad, at: time)
        return true
    }

    /// The recorder of this campaign's outcomes, with the permit's callback slots and its follow-ups.
    var outcomeRecorder: OutcomeRecorder {
        OutcomeRecorder(store: store, spec: spec, scheduler: CallbackScheduler(permit: permit), followUps: followUps)
    }
}
