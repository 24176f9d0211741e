/// Follows Dialer's calls through the Manager Interface: reads messages and
/// returns the call events they mean. No I/O.
///
/// A call is known by its key (the channel's unique id, set with `ChannelId`,
/// and the value of the call variable), by the `ActionID` of its `Originate`,
/// and by the unique ids of the channels that carry the call variable
/// (`VarSet`); a Local channel's second half is `KEY;2`, known from the start.
/// An unanswered call ends at the `Hangup` of its own channel, once its
/// `OriginateResponse` has failed, whichever comes first (Asterisk sends them in
/// either order, a millisecond apart); its outcome weighs every clue the call
/// left: the Q.850 causes of its channels' `HangupRequest` and `Hangup` events
/// (over a Local channel the second half's), `DialEnd`'s `DialStatus`, and the
/// originate's `Reason`. An answered call ends with the `Hangup` of its own channel
/// or the queue's `AgentComplete`. The dialplan's `UserEvent(DialerAMD)` says
/// who answered; `AgentConnect` says which agent took the call.
///
/// Calls originated on a connection that broke are orphans: their
/// `OriginateResponse` went to the dead session. They end with their own
/// channel's `Hangup`, or at ``reconcile(liveChannels:agentOnInterface:)`` when Asterisk no
/// longer has their channel (outcome unknown).
struct AMICallTracker {
    enum Phase { case dialing, answered, connected }

    struct Call {
        let id: CallID
        let key: String
        var actionID: String?
        /// Unique ids of channels that belong to the call.
        var channels: Set<String>
        /// The unique id of the channel the originate created (it runs the dialplan).
        var primary: String?
        var channelName: String?
        var phase = Phase.dialing
        var ringingReported = false
        /// The pick-up was reported (AMD listens until its verdict).
        var pickUpReported = false
        var answerReported = false
        var verdict: AnsweringParty?
        /// The AMD verdict as reported (`human`, `notsure`, …), once known.
        var amdStatus: String?
        var recording: String?
        var orphaned = false
        /// Q.850 causes of the call's channels that hung up, in order.
        var causes: [(channel: String, cause: Int)] = []
        /// Unique ids of the call's channels that Asterisk has named in an event.
        var seen: Set<String> = []
        /// Causes of hang-up requests on the call's channels (they come before the `Hangup`).
        var requestedCauses: [Int] = []
        /// The `DialStatus` of the dial that created the call's channel (`BUSY`, `CONGESTION`, …).
        var dialStatus: String?
        /// The `Reason` of a failed `OriginateResponse`, while the channel's `Hangup` is awaited.
        var failedReason: Int?
        /// When the failed originate stops waiting for its channel's `Hangup` (which a
        /// channel that was never created does not send).
        var failureDeadline: ContinuousClock.Instant?
    }

    /// How long a failed originate waits for its channel's `Hangup` and its cause.
    static let hangupGrace: Duration = .seconds(2)

    /// ChannelState values Asterisk reports.
    private static let ringingState = "5"
    private static let upState = "6"

    let callVariable: String
    let reportsAMD: Bool
    /// The channel variable holding the call's recording (a link or MixMonitor's file name), if any.
    let recordingVariable: String?
    private var calls: [CallID: Call] = [:]
    private var byKey: [String: CallID] = [:]
    private var byAction: [String: CallID] = [:]
    private var byChannel: [String: CallID] = [:]

    init(callVariable: String, reportsAMD: Bool, recordingVariable: String? = nil) {
        self.callVariable = callVariable
        self.reportsAMD = reportsAMD
        self.recordingVariable = recordingVariable
    }

    /// Calls originated and not yet ended: each holds a line.
    var callsInProgress: Int { calls.count }

    /// Whether some calls were originated on a connection that broke.
    var hasOrphans: Bool { calls.values.contains { $0.orphaned } }

    /// Starts following a call whose `Originate` goes out with `actionID` (none: a stopped process sent it).
    mutating func track(_ call: CallID, key: String, actionID: String?) {
        let localHalf = key + ";2"
        calls[call] = Call(id: call, key: key, actionID: actionID, channels: [key, localHalf])
        byKey[key] = call
        if let actionID { byAction[actionID] = call }
        byChannel[key] = call
        byChannel[localHalf] = call
    }

    /// Follows a call a stopped process originated with `key`: an orphan, settled at the next
    /// ``reconcile(liveChannels:agentOnInterface:)``.
    mutating func adopt(orphan call: CallID, key: String) {
        track(call, key: key, actionID: nil)
        calls[call]?.orphaned = true
    }

    /// Ends the failed originates whose channel's `Hangup` did not come within
    /// ``hangupGrace``, with the clues they have.
    mutating func endOverdueFailures(at now: ContinuousClock.Instant) -> [CallEvent.Kind] {
        var events: [CallEvent.Kind] = []
        for (id, state) in calls.sorted(by: { $0.key < $1.key }) {
            guard let deadline = state.failureDeadline, deadline <= now else { continue }
            events += endFailed(id)
        }
        return events
    }

    /// The earliest moment a failed originate stops waiting for its `Hangup`, if any waits.
    var nextFailureDeadline: ContinuousClock.Instant? {
        calls.values.compactMap(\.failureDeadline).min()
    }

    /// What to hang up to end the call: its channel's name, or its unique id.
    func channel(of call: CallID) -> String? {
        guard let state = calls[call] else { return nil }
        return state.channelName ?? state.primary ?? state.key
    }

    /// The events that `message`, received at `now`, means for Dialer's calls.
    mutating func handle(_ message: AMIMessage, at now: ContinuousClock.Instant = .now) -> [CallEvent.Kind] {
        guard let event = message.event else { return handleResponse(message) }
        switch event.lowercased() {
        case "originateresponse": return originateResponse(message, at: now)
        case "newchannel": newChannel(message)
        case "hanguprequest", "softhanguprequest": hangupRequest(message)
        case "dialend": dialEnd(message)
        case "varset": return variableSet(message)
        case "newstate": return newState(message)
        case "hangup": return hangup(message)
        case "userevent": return userEvent(message)
        case "agentconnect": return agentConnect(message)
        case "agentcomplete":
            guard let id = call(of: message), calls[id]?.phase == .connected else { return [] }
            return finish(id, cause: HangupCause.normalClearing.code)
        default: break
        }
        return []
    }

    /// The connection broke: every call in progress becomes an orphan.
    mutating func connectionLost() {
        for id in calls.keys {
            calls[id]?.orphaned = true
            calls[id]?.actionID = nil
        }
        byAction.removeAll()
    }

    /// Settles the orphans against the channels Asterisk has now (its
    /// `CoreShowChannel` events): a call whose channel lives on is followed
    /// further (an `Up` channel has been answered; one bridged with an agent's
    /// channel, named by `agentOnInterface`, was connected to that agent); one
    /// whose channel is gone ended while the link was down: a call connected to
    /// an agent ended normally, any other's outcome is unknown.
    mutating func reconcile(
        liveChannels: [AMIMessage], agentOnInterface: (String) -> String?
    ) -> [CallEvent.Kind] {
        var byUniqueID: [String: AMIMessage] = [:]
        for channel in liveChannels {
            if let unique = channel["Uniqueid"] { byUniqueID[unique] = channel }
        }
        var events: [CallEvent.Kind] = []
        for (id, state) in calls.sorted(by: { $0.key < $1.key }) where state.orphaned {
            guard let live = state.channels.lazy.compactMap({ byUniqueID[$0] }).first else {
                events += state.phase == .connected
                    ? finish(id, cause: HangupCause.normalClearing.code) : end(id, cause: .outcomeUnknown)
                continue
            }
            guard live["ChannelState"] == Self.upState, state.phase != .connected else { continue }
            calls[id]?.phase = .answered
            if let agent = Self.bridgedAgent(of: live, among: liveChannels, agentOnInterface: agentOnInterface) {
                events += ensureAnswered(id, party: state.verdict ?? .person)
                calls[id]?.phase = .connected
                events.append(.connected(id, agent: agent))
            } else if !reportsAMD {
                events += ensureAnswered(id, party: .person)
            }
        }
        return events
    }

    /// The agent whose channel shares `channel`'s bridge, if any: the interface
    /// is the channel's name without Asterisk's `-suffix` (`PJSIP/an-0000002a` → `PJSIP/an`).
    private static func bridgedAgent(
        of channel: AMIMessage, among channels: [AMIMessage], agentOnInterface: (String) -> String?
    ) -> String? {
        guard let bridge = channel["BridgeId"], !bridge.isEmpty else { return nil }
        for other in channels where other["BridgeId"] == bridge && other["Uniqueid"] != channel["Uniqueid"] {
            guard let name = other["Channel"], let dash = name.lastIndex(of: "-") else { continue }
            if let agent = agentOnInterface(String(name[..<dash])) { return agent }
        }
        return nil
    }

    // MARK: - Messages

    private mutating func handleResponse(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let actionID = message.actionID, let id = byAction[actionID],
              message["Response"]?.lowercased() == "error"
        else { return [] }
        return end(id, cause: .noCircuitAvailable)
    }

    private mutating func originateResponse(_ message: AMIMessage, at now: ContinuousClock.Instant) -> [CallEvent.Kind] {
        guard let actionID = message.actionID, let id = byAction.removeValue(forKey: actionID) else { return [] }
        calls[id]?.actionID = nil
        let reason = Int(message["Reason"] ?? "") ?? 0
        guard message["Response"]?.lowercased() == "success" || reason == 4 else {
            calls[id]?.failedReason = reason
            guard let state = calls[id], !Self.hasHungUp(state, own: ownChannel(state)) else { return endFailed(id) }
            // The channel's Hangup, with the cause, follows within a few milliseconds.
            calls[id]?.failureDeadline = now + Self.hangupGrace
            return []
        }
        if let unique = message["Uniqueid"], Self.isUniqueID(unique) { adopt(unique, for: id, primary: true) }
        var events = pickedUp(id)
        if calls[id]?.phase == .dialing { calls[id]?.phase = .answered }
        if !reportsAMD { events += ensureAnswered(id, party: .person) }
        if let state = calls[id], let primary = state.primary,
           let ended = state.causes.first(where: { $0.channel == primary }) {
            events += finish(id, cause: ended.cause)
        }
        return events
    }

    private mutating func hangupRequest(_ message: AMIMessage) {
        guard let unique = message["Uniqueid"], let id = byChannel[unique],
              let cause = Int(message["Cause"] ?? ""), cause != 0 else { return }
        calls[id]?.requestedCauses.append(cause)
    }

    /// The status of the dial that created one of the call's channels (`DestUniqueid`): not a
    /// dial the call's own dialplan makes to an agent, whose `DestUniqueid` is the agent's channel.
    private mutating func dialEnd(_ message: AMIMessage) {
        guard let unique = message["DestUniqueid"], let id = byChannel[unique], let status = message["DialStatus"] else {
            return
        }
        calls[id]?.dialStatus = status.uppercased()
    }

    private mutating func newChannel(_ message: AMIMessage) {
        guard let unique = message["Uniqueid"], let id = byChannel[unique], let state = calls[id] else { return }
        calls[id]?.seen.insert(unique)
        if unique == state.key || unique == state.primary { calls[id]?.channelName = message["Channel"] }
    }

    /// Learns a channel of a call from its call variable, and the AMD verdict
    /// from `AMDSTATUS` when the manager user may read dialplan events.
    private mutating func variableSet(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let unique = message["Uniqueid"], Self.isUniqueID(unique), let value = message["Value"] else { return [] }
        switch message["Variable"] {
        case callVariable?:
            if let id = byKey[value] { adopt(unique, for: id, primary: false) }
            return []
        case "AMDSTATUS"? where !value.isEmpty:
            return verdict(value, for: message)
        case let variable? where variable == recordingVariable && !value.isEmpty:
            guard let id = call(of: message), calls[id]?.recording != value else { return [] }
            calls[id]?.recording = value
            return [.recording(id, value)]
        default:
            return []
        }
    }

    private mutating func newState(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let id = call(of: message), let state = calls[id] else { return [] }
        switch message["ChannelState"] {
        case Self.ringingState? where state.phase == .dialing && !state.ringingReported:
            calls[id]?.ringingReported = true
            return [.ringing(id)]
        case Self.upState? where !state.orphaned && state.phase == .dialing && message["Uniqueid"] == ownChannel(state):
            return pickedUp(id)
        case Self.upState? where state.orphaned && state.phase == .dialing && message["Uniqueid"] == ownChannel(state):
            calls[id]?.phase = .answered
            return reportsAMD ? [] : ensureAnswered(id, party: .person)
        default:
            return []
        }
    }

    private mutating func hangup(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let unique = message["Uniqueid"], let id = byChannel[unique], let state = calls[id] else { return [] }
        let cause = Int(message["Cause"] ?? "") ?? 0
        calls[id]?.causes.append((unique, cause))
        calls[id]?.seen.insert(unique)
        let own = unique == ownChannel(state)
        if own && (state.phase != .dialing || state.orphaned) { return finish(id, cause: cause) }
        if let updated = calls[id], updated.failedReason != nil, Self.hasHungUp(updated, own: ownChannel(updated)) {
            return endFailed(id)
        }
        return []
    }

    /// Whether a call that never answered is over in Asterisk: its own channel hung up, or
    /// (an originate without `ChannelId`, whose channels are known only from `VarSet`) every
    /// channel of it that Asterisk named has.
    private static func hasHungUp(_ state: Call, own: String?) -> Bool {
        let ended = Set(state.causes.map(\.channel))
        if let own, ended.contains(own) { return true }
        return !state.seen.isEmpty && state.seen.isSubset(of: ended)
    }

    /// Ends a call whose originate failed, with the most telling cause its clues give.
    private mutating func endFailed(_ id: CallID) -> [CallEvent.Kind] {
        guard let state = calls[id] else { return [] }
        return end(id, cause: HangupCause(code: Self.failureCause(
            reason: state.failedReason ?? 0, causes: state.requestedCauses + state.causes.map(\.cause),
            dialStatus: state.dialStatus)))
    }

    private mutating func userEvent(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard message["UserEvent"]?.lowercased() == "dialeramd" else { return [] }
        return verdict(message["AMDStatus"] ?? message["Status"] ?? "", for: message)
    }

    /// The AMD verdict (`AMDSTATUS`) of the call `message` is about: `MACHINE`
    /// is a machine; `HUMAN`, `NOTSURE` and `HANGUP` count as a person. The verdict
    /// itself is reported (in lower case) before the answer it decides, once.
    private mutating func verdict(_ value: String, for message: AMIMessage) -> [CallEvent.Kind] {
        guard let id = call(of: message) else { return [] }
        let status = value.uppercased()
        let party: AnsweringParty = status == "MACHINE" ? .machine : .person
        calls[id]?.verdict = party
        if let unique = message["Uniqueid"], calls[id]?.primary == nil, Self.isUniqueID(unique) {
            adopt(unique, for: id, primary: true)
        }
        if calls[id]?.phase == .dialing { calls[id]?.phase = .answered }
        var events: [CallEvent.Kind] = []
        if calls[id]?.amdStatus == nil, calls[id]?.answerReported == false {
            calls[id]?.amdStatus = status.lowercased()
            events.append(.amdVerdict(id, status.lowercased()))
        }
        return events + ensureAnswered(id, party: party)
    }

    private mutating func agentConnect(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let id = call(of: message), let agent = AMIAgentTracker.identity(of: message) else { return [] }
        if let unique = message["Uniqueid"], calls[id]?.primary == nil, Self.isUniqueID(unique) {
            adopt(unique, for: id, primary: true)
        }
        var events = ensureAnswered(id, party: calls[id]?.verdict ?? .person)
        calls[id]?.phase = .connected
        events.append(.connected(id, agent: agent))
        return events
    }

    // MARK: - Helpers

    /// The call a channel event is about: by its unique id, else by the call variable it carries.
    private func call(of message: AMIMessage) -> CallID? {
        if let unique = message["Uniqueid"], let id = byChannel[unique] { return id }
        if let key = message[callVariable], let id = byKey[key] { return id }
        return nil
    }

    /// The call's own channel: the one the originate created.
    private func ownChannel(_ state: Call) -> String? {
        state.primary ?? state.key
    }

    private mutating func adopt(_ unique: String, for id: CallID, primary: Bool) {
        calls[id]?.channels.insert(unique)
        calls[id]?.seen.insert(unique)
        byChannel[unique] = id
        if primary { calls[id]?.primary = unique }
    }

    /// The far end picked up: with AMD, ring time ends here and the detector's time begins.
    private mutating func pickedUp(_ id: CallID) -> [CallEvent.Kind] {
        guard reportsAMD, let state = calls[id], !state.pickUpReported, !state.answerReported else { return [] }
        calls[id]?.pickUpReported = true
        return [.detecting(id)]
    }

    private mutating func ensureAnswered(_ id: CallID, party: AnsweringParty) -> [CallEvent.Kind] {
        guard let state = calls[id], !state.answerReported else { return [] }
        calls[id]?.answerReported = true
        return [.answered(id, party: party)]
    }

    /// Ends a call that has reached its end in Asterisk: an answered call is
    /// reported answered first (by a person unless AMD said otherwise).
    private mutating func finish(_ id: CallID, cause: Int) -> [CallEvent.Kind] {
        guard let state = calls[id] else { return [] }
        if state.phase == .dialing {
            return end(id, cause: HangupCause(code: cause == 0 ? HangupCause.temporaryFailure.code : cause))
        }
        let events = ensureAnswered(id, party: state.verdict ?? .person)
        return events + end(id, cause: cause == 0 ? .normalClearing : HangupCause(code: cause))
    }

    private mutating func end(_ id: CallID, cause: HangupCause) -> [CallEvent.Kind] {
        guard let state = calls.removeValue(forKey: id) else { return [] }
        byKey[state.key] = nil
        if let actionID = state.actionID { byAction[actionID] = nil }
        for channel in state.channels { byChannel[channel] = nil }
        return [.hungUp(id, cause: cause)]
    }

    /// The Q.850 cause of an originate that failed with `reason` (Asterisk's
    /// control frame: 0 failure, 1 hung up, 3 rang out, 5 busy, 8 congestion).
    /// The far end's own cause comes first: the first of `causes` (hang-up requests,
    /// then the channels' hang-ups) that is neither 0 nor normal clearing (over SIP
    /// every failure is `Reason: 0`, and only the cause tells a 486 from a 503 or a 404);
    /// then the dial's `DialStatus`, then the reason.
    static func failureCause(reason: Int, causes: [Int], dialStatus: String?) -> Int {
        let telling = causes.first { $0 != 0 && $0 != HangupCause.normalClearing.code }
        switch reason {
        case 3:
            // Rang until the originate's timeout: no answer, or no response at all.
            let noResponse = HangupCause.noUserResponse.code
            return telling == noResponse ? noResponse : HangupCause.noAnswer.code
        case 5:
            return HangupCause.userBusy.code
        case 8:
            let congestion = telling.flatMap { [17, 18, 19].contains($0) ? nil : $0 }
            return congestion ?? HangupCause.noCircuitAvailable.code
        default:
            if let telling { return telling }
            switch dialStatus {
            case "BUSY"?: return HangupCause.userBusy.code
            case "CONGESTION"?, "CHANUNAVAIL"?: return HangupCause.noCircuitAvailable.code
            case "NOANSWER"?: return HangupCause.noAnswer.code
            default: return reason == 1 ? HangupCause.callRejected.code : HangupCause.temporaryFailure.code
            }
        }
    }

    private static func isUniqueID(_ value: String) -> Bool {
        !value.isEmpty && value != "<unknown>"
    }
}
