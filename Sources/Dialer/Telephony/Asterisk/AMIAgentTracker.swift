/// Follows the campaign queue's members and turns their events into agent
/// presence and readiness. No I/O.
///
/// A member is known by its `MemberName` (its Dialer agent id), else by its
/// interface. Presence follows membership, pause and device state
/// (`QueueMemberAdded`, `QueueMemberRemoved`, `QueueMemberPause`, and
/// `QueueMemberStatus`: status 4 or 5 means the member's device is gone; a
/// member in use on a call that is not Dialer's is reported busy until free). After a Dialer call an
/// agent is in wrap-up until Asterisk shows the member neither in use nor
/// paused; then the agent is reported ready, always after the call's end.
struct AMIAgentTracker {
    private struct Member {
        var present = false
        var paused = false
        var inUse = false
        /// The presence last reported, if any.
        var reported: AgentPresence?
        /// The Dialer call the member is on.
        var call: CallID?
        /// A Dialer call ended and the agent has not been reported ready since.
        var wrappingUp = false

        /// A member busy on a call Dialer did not place (a previous run's, or the queue
        /// ringing it) takes no Dialer call until free, but stays logged in.
        var presence: AgentPresence {
            !present ? .loggedOut : paused ? .paused : inUse ? .busy : .available
        }
    }

    /// Device states (`Status`) of a member that is busy: in use, busy, ringing, ring in use, on hold.
    private static let busyStates: Set<String> = ["2", "3", "6", "7", "8"]
    /// Device states of a member whose device is gone: invalid, unavailable.
    private static let goneStates: Set<String> = ["4", "5"]

    /// The queue followed; nil follows every queue.
    let queue: String?
    private var members: [String: Member] = [:]
    /// Members in the order first seen, so events come out in a stable order.
    private var order: [String] = []
    /// The agent of each member interface and state interface seen (`PJSIP/an` → `an`).
    private var interfaces: [String: String] = [:]
    /// Each agent's member interface (`Interface`, or `Location` in older events).
    private var memberInterfaces: [String: String] = [:]

    init(queue: String?) {
        self.queue = queue
    }

    /// The agent id a queue event names: its member name, else its interface.
    static func identity(of message: AMIMessage) -> String? {
        for key in ["MemberName", "Name", "Interface", "Location"] {
            if let value = message[key], !value.isEmpty { return value }
        }
        return nil
    }

    /// The member interface of `agent` (`PJSIP/an`), as the queue's events named it.
    func interface(of agent: String) -> String? {
        memberInterfaces[agent]
    }

    /// The agent whose member interface (or state interface) is `interface`.
    func agent(onInterface interface: String) -> String? {
        interfaces[interface]
    }

    /// The presence and readiness `message` means.
    mutating func handle(_ message: AMIMessage) -> [CallEvent.Kind] {
        guard let event = message.event?.lowercased(),
              ["queuemember", "queuememberadded", "queuememberremoved", "queuememberpause", "queuememberstatus"]
                .contains(event),
              queue == nil || message["Queue"] == queue,
              let agent = Self.identity(of: message)
        else { return [] }
        var member = members[agent] ?? Member()
        if members[agent] == nil { order.append(agent) }
        for key in ["Interface", "Location", "StateInterface"] {
            if let interface = message[key], !interface.isEmpty { interfaces[interface] = agent }
        }
        if let interface = message["Interface"] ?? message["Location"], !interface.isEmpty {
            memberInterfaces[agent] = interface
        }
        switch event {
        case "queuememberremoved":
            member.present = false
        case "queuememberpause":
            member.present = true
            member.paused = message["Paused"] == "1"
        default:
            apply(message, to: &member)
        }
        members[agent] = member
        return report(agent)
    }

    /// Replaces what is known of the members with a fresh `QueueStatus` listing;
    /// members missing from it have logged out.
    mutating func roster(_ listing: [AMIMessage]) -> [CallEvent.Kind] {
        var listed = Set<String>()
        var events: [CallEvent.Kind] = []
        for message in listing where message.event?.lowercased() == "queuemember" {
            guard queue == nil || message["Queue"] == queue, let agent = Self.identity(of: message) else { continue }
            listed.insert(agent)
            events += handle(message)
        }
        for agent in order where !listed.contains(agent) && members[agent]?.present == true {
            members[agent]?.present = false
            events += report(agent)
        }
        return events
    }

    /// Follows the call events the driver reports: an agent connected to a
    /// call is on it; when that call ends, the agent wraps up.
    mutating func observe(_ events: [CallEvent.Kind]) -> [CallEvent.Kind] {
        var more: [CallEvent.Kind] = []
        for event in events {
            switch event {
            case .connected(let call, let agent):
                if members[agent] == nil {
                    order.append(agent)
                    members[agent] = Member(present: true)
                }
                members[agent]?.call = call
            case .hungUp(let call, _):
                guard let agent = order.first(where: { members[$0]?.call == call }) else { continue }
                members[agent]?.call = nil
                members[agent]?.wrappingUp = true
                more += report(agent)
            default:
                continue
            }
        }
        return more
    }

    private func apply(_ message: AMIMessage, to member: inout Member) {
        let status = message["Status"] ?? ""
        member.present = !Self.goneStates.contains(status)
        member.inUse = Self.busyStates.contains(status)
        if let paused = message["Paused"] { member.paused = paused == "1" }
    }

    /// What changed for `agent` that the engine must hear.
    private mutating func report(_ agent: String) -> [CallEvent.Kind] {
        guard var member = members[agent], member.call == nil else { return [] }
        var events: [CallEvent.Kind] = []
        if member.wrappingUp {
            if member.present && (member.paused || member.inUse) { return [] }
            events.append(.agentReady(agent: agent))
            member.wrappingUp = false
            member.reported = .available
        }
        if member.reported != member.presence {
            events.append(.agentPresence(agent: agent, member.presence))
            member.reported = member.presence
        }
        members[agent] = member
        return events
    }
}
