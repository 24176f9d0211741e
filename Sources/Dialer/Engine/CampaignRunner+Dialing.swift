import CampaignDSL
import Foundation

extension CampaignRunner {
    /// Calls placed and not yet answered.
    var callsRinging: Int { inFlight.values.count { $0.answeredAt == nil } }

    /// How many more calls the pacer wants ringing, within lines and the rate limit.
    func capacity(at now: Date) -> Int {
        if spec.dial.mode == .preview { return agents.readyCount }
        var wanted = pacer.targetCallsRinging(snapshot(at: now)) - callsRinging
        if let lines = spec.dial.lines { wanted = min(wanted, lines - inFlight.count) }
        if let perAgent = spec.dial.maxLinesPerAgent, spec.dial.mode != .agentless {
            wanted = min(wanted, perAgent * agents.loggedInCount - inFlight.count)
        }
        return max(0, min(wanted, rateLimiter.allowance(at: now)))
    }

    /// What the pacer sees: the calls ringing and how long, what each busy agent does, the abandon rate;
    /// ages in the order ``PacingSnapshot`` promises.
    func snapshot(at now: Date) -> PacingSnapshot {
        var snapshot = PacingSnapshot(
            now: now, loggedInAgents: agents.loggedInCount, readyAgents: agents.readyCount,
            callsRinging: callsRinging, callsWaiting: waiting.count, callsInFlight: inFlight.count)
        guard spec.dial.mode == .predictive else { return snapshot }
        var talking: [Double] = []
        for call in inFlight.values {
            if call.answeredAt == nil {
                snapshot.ringingAges.append(now.timeIntervalSince(call.placedAt))
            } else if let connected = call.connectedAt, call.agent != nil, !call.abandoned {
                talking.append(now.timeIntervalSince(connected))
            }
        }
        snapshot.ringingAges.sort()
        talking.sort()
        let wrapping = wrapUps.values.map { now.timeIntervalSince($0.since) }.sorted()
        snapshot.busyAgents = talking.map { .talking(seconds: $0) } + wrapping.map { .wrappingUp(seconds: $0) }
        ledger.roll(to: now)
        (snapshot.abandonedInWindow, snapshot.answeredInWindow) = ledger.totals
        return snapshot
    }

    /// Places as many calls as the pacer wants, longest-waiting jobs first. Every
    /// due job is put to the permit: dialed, postponed to when the laws allow, or ended.
    /// In preview, a due job goes to a ready agent to look at first.
    func placeCalls(at now: Date) throws {
        var wanted = capacity(at: now)
        defer { wantsMoreCalls = wanted > 0 }
        callbackHandOver = nil
        var taken = Set(previews.map(\.job.job))
        while wanted > 0 {
            let due = try store.dueJobs(campaign: campaign, at: now, limit: wanted + taken.count)
                .filter { !taken.contains($0.job) }
            guard !due.isEmpty else { return }
            for job in due {
                guard wanted > 0 else { return }
                let history = try store.history(job: job.job)
                switch try permit.decide(number: job.number, zone: job.timeZone ?? zone.identifier, history: history,
                                         callbackAt: job.callbackAt, at: now) {
                case .allowed:
                    // agents: a callback or an assigned contact waits for its own agent
                    let routing = try routing(for: job, at: now)
                    if case .wait(let until) = routing {
                        if let until { callbackHandOver = min(callbackHandOver ?? until, until) }
                        taken.insert(job.job)
                        continue
                    }
                    if spec.dial.mode == .preview {
                        guard let agent = routing.agent ?? agents.longestReady() else { return }
                        agents.startPreview(agent, job: job.job)
                        let seconds = TimeInterval(spec.dial.previewSeconds ?? 0)
                        previews.append(Preview(agent: agent, job: job, dialAt: now.addingTimeInterval(seconds)))
                        taken.insert(job.job)
                    } else if try !dial(job, agent: routing.agent, at: now) {
                        continue
                    }
                    wanted -= 1
                case .notBefore(let time, _) where time == .distantFuture:
                    return
                case .notBefore(let time, _):
                    try store.postpone(job.job, to: time, at: now)
                case .never(let state, _):
                    try store.finishJob(job.job, state: state, at: now)
                }
            }
        }
    }

    /// Dials the previews whose time has come, for their agents, if the laws still allow it.
    func dialDuePreviews(at now: Date) throws {
        let due = previews.filter { $0.dialAt <= now }
        previews.removeAll { $0.dialAt <= now }
        for preview in due {
            let history = try store.history(job: preview.job.job)
            let zoneName = preview.job.timeZone ?? zone.identifier
            switch try permit.decide(number: preview.job.number, zone: zoneName, history: history,
                                     callbackAt: preview.job.callbackAt, at: now) {
            case .allowed:
                try dial(preview.job, agent: preview.agent, at: now)
            case .notBefore(let time, _):
                agents.release(preview.agent, at: now)
                if time != .distantFuture { try store.postpone(preview.job.job, to: time, at: now) }
            case .never(let state, _):
                agents.release(preview.agent, at: now)
                try store.finishJob(preview.job.job, state: state, at: now)
            }
        }
    }

    /// Hands back previews that will not be dialed (the window closed): their agents are free, their jobs untouched.
    func endPreviews(at now: Date) throws {
        for preview in previews { agents.release(preview.agent, at: now) }
        previews.removeAll()
    }

    /// Commits the attempt, then asks the driver to dial (law 5: the record comes first).
    /// Returns false, placing nothing, when the job stopped being pending since it was read
    /// (an agent's imported outcome, an operator): it is skipped, never dialed twice.
    @discardableResult
    func dial(_ job: DueJob, agent: String?, at now: Date) throws -> Bool {
        let call: CallID
        do {
            call = try store.beginAttempt(campaign: campaign, job: job, agent: agent, at: now)
        } catch StoreError.jobNotPending {
            if let agent { agents.release(agent, at: now) }
            return false
        }
        if let agent { agents.reserve(agent, for: call) }
        rateLimiter.recordPlacement(at: now)
        inFlight[call] = CallInFlight(job: job.job, zone: job.timeZone ?? zone.identifier, placedAt: now, agent: agent)
        let request = CallRequest(
            callID: call, number: job.number, callerID: spec.callerID,
            ringTimeout: TimeInterval(spec.dial.ringSeconds),
            tag: "campaign=\(spec.id) job=\(job.job) attempt=\(call)")
        publish(.callPlaced(call: call, contact: job.contact, agent: agent), at: now)
        do {
            try driver.place(request)
        } catch {
            try finish(call, outcome: .failed, cause: nil, at: now)
        }
        return true
    }
}
