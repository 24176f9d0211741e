@testable import Dialer
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An Asterisk stand-in for tests: it listens on a real loopback socket
/// (127.0.0.1, an ephemeral port) and speaks the Manager Interface as the
/// recorded transcript shows: banner, login, `Originate` queued then played
/// out against a seeded population (unallocated, busy, no answer, persons
/// and machines after a log-normal ring), AMD verdicts as `UserEvent`, a
/// queue that connects persons to free agents within the connect limit or
/// plays the safe-harbour message, agents who pause for wrap-up. It writes
/// every message in small random fragments, and can drop the connection
/// mid-campaign while its calls go on, as Asterisk's do.
///
/// All durations are in the population's seconds times `scale`, so a
/// campaign's minutes run in seconds of wall time.
final class FakeAsterisk: @unchecked Sendable {
    struct Population: Sendable {
        var seed: UInt64 = 1
        var unallocatedShare = 0.1
        var busyShare = 0.1
        var personShare = 0.45
        var machineShare = 0.0
        var ringMeanSeconds = 8.0
        var talkMeanSeconds = 20.0
        var wrapMeanSeconds = 8.0
        var amdSeconds = 2.5
        /// How long a person waits in the queue before the safe-harbour message.
        var queueWaitSeconds = 2.0
        var safeHarbourSeconds = 4.0
        /// Wall seconds per population second.
        var scale = 0.02
    }

    /// How a call ended, as the population decided it.
    enum Result: String, Sendable {
        case answered, abandoned, machine, busy, invalid
        case noAnswer = "no-answer"
    }

    /// What the peer knows of one originated call.
    struct Record: Sendable {
        let key: String
        let number: String
        var result: Result?
        /// Some of the call's events were written while no session was logged in.
        var missedEvents = false
    }

    /// What happened, for the test to check.
    struct Tally: Sendable {
        var records: [String: Record] = [:]
        /// Call keys in the order their `Originate` arrived (a key twice would be a double dial).
        var originated: [String] = []
        var logins = 0
        var refusedLogins = 0
        var pings = 0
        var drops = 0
        /// The most calls in progress when an `Originate` arrived, that one included.
        var mostInProgress = 0
    }

    private enum Fate { case unallocated, busy, noAnswer, person(ring: Double), machine(ring: Double) }

    private enum Step {
        case ringing(String), answer(String), ringOut(String), reject(String, cause: Int, reason: Int)
        case verdict(String), queueTimeout(String), callerHangsUp(String), agentConnects(String, agent: String)
        case unpause(String)
    }

    private struct Channel {
        let uid: String
        let name: String
        let number: String
        let actionID: String
        let session: Int
        let fate: Fate
        var up = false
        var agent: String?
        var queued = false
    }

    private struct Agent {
        let name: String
        var paused = false
        var call: String?
        var freeSince = 0.0
    }

    let port: UInt16
    let population: Population
    private let username: String
    private let secret: String
    private let listener: Int32
    private let origin = ContinuousClock.now

    // Shared with the test's thread, under `lock`.
    private let lock = NSLock()
    private var tally = Tally()
    private var stopping = false
    private var dropAfter: Set<Int> = []
    private var oversizedPerSession = false

    // The peer's thread's own.
    private var client: Int32 = -1
    private var session = 0
    private var loggedIn = false
    private var decoder = AMIDecoder()
    private var steps = EventQueue<Step>()
    private var channels: [String: Channel] = [:]
    private var agents: [Agent]
    private var waiting: [String] = []
    private var callsPerNumber: [String: UInt64] = [:]
    private var chunks: SeededRandom
    private var nextChannel = 1
    private let finished = DispatchSemaphore(value: 0)

    init(population: Population, agents: [String], username: String = "dialer", secret: String = "s3cret") throws {
        self.population = population
        self.username = username
        self.secret = secret
        self.agents = agents.map { Agent(name: $0) }
        chunks = SeededRandom(seed: population.seed, mixing: 99)
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw SystemCallError.lastError("socket") }
        self.listener = listener
        var on: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 4) == 0 else { throw SystemCallError.lastError("bind") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let peer = self
        Thread { peer.run() }.start()
    }

    /// Closes the connection right after the `Originate` number `count` (1-based) arrives.
    func dropConnection(afterOriginate count: Int) {
        lock.withLock { _ = dropAfter.insert(count) }
    }

    /// Sends one message over the size bounds in every session (the driver must skip it).
    func sendOversizedMessages() {
        lock.withLock { oversizedPerSession = true }
    }

    var snapshot: Tally { lock.withLock { tally } }

    func stop() {
        lock.withLock { stopping = true }
        finished.wait()
        close(listener)
        if client >= 0 { close(client) }
    }

    // MARK: - The loop

    private func now() -> Double {
        let elapsed = origin.duration(to: .now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    private func at(_ seconds: Double) -> Date {
        Date(timeIntervalSinceReferenceDate: now() + seconds * population.scale)
    }

    private func run() {
        while !lock.withLock({ stopping }) {
            var entries = [pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
            if client >= 0 { entries.append(pollfd(fd: client, events: Int16(POLLIN), revents: 0)) }
            let next = steps.nextTime.map { $0.timeIntervalSinceReferenceDate - now() } ?? 0.05
            _ = poll(&entries, nfds_t(entries.count), Int32(max(0, min(0.05, next)) * 1000) + 1)
            if entries[0].revents != 0 { accept() }
            if entries.count > 1 && entries[1].revents != 0 { read() }
            let time = Date(timeIntervalSinceReferenceDate: now())
            while let due = steps.nextTime, due <= time, let (_, step) = steps.pop() { play(step) }
        }
        finished.signal()
    }

    private func accept() {
        let connection = Glibc.accept(listener, nil, nil)
        guard connection >= 0 else { return }
        if client >= 0 { close(client) }
        client = connection
        var on: Int32 = 1
        setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        session += 1
        loggedIn = false
        decoder = AMIDecoder()
        write(Array("Asterisk Call Manager/13.0.0\r\n".utf8))
    }

    private func read() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            disconnect()
            return
        }
        for case .message(let message) in decoder.feed(buffer[..<count]) { answer(message) }
    }

    private func disconnect() {
        guard client >= 0 else { return }
        close(client)
        client = -1
        loggedIn = false
    }

    /// Writes `bytes` in random fragments of 1–48 bytes, pausing now and then so they travel apart.
    private func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count, client >= 0 {
            let end = min(bytes.count, offset + 1 + Int(chunks.next() % 48))
            let sent = bytes[offset..<end].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else {
                disconnect()
                return
            }
            offset += sent
            if chunks.next() % 64 == 0 { usleep(200) }
        }
    }

    private func reply(_ message: AMIMessage) { write(message.encoded) }

    /// Writes an event to the logged-in session (to the originating one only when `session` is given).
    @discardableResult
    private func emit(_ name: String, _ fields: [(key: String, value: String)], only session: Int? = nil, call uid: String? = nil) -> Bool {
        let delivered = client >= 0 && loggedIn && (session == nil || session == self.session)
        if delivered { reply(AMIMessage([("Event", name), ("Privilege", "call,all")] + fields)) }
        if !delivered, session == nil, let uid {
            lock.withLock { tally.records[uid]?.missedEvents = true }
        }
        return delivered
    }

    // MARK: - Actions

    private func answer(_ message: AMIMessage) {
        let id = message.actionID ?? ""
        let action = (message["Action"] ?? "").lowercased()
        if action == "login" {
            if message["Username"] == username && message["Secret"] == secret {
                loggedIn = true
                lock.withLock { tally.logins += 1 }
                reply(AMIMessage([("Response", "Success"), ("ActionID", id), ("Message", "Authentication accepted")]))
                emit("FullyBooted", [("Status", "Fully Booted")])
                if lock.withLock({ oversizedPerSession }) {
                    write(Array(("Event: RTCPReceived\r\nReport: " + String(repeating: "7", count: 20_000) + "\r\n\r\n").utf8))
                }
            } else {
                lock.withLock { tally.refusedLogins += 1 }
                reply(AMIMessage([("Response", "Error"), ("ActionID", id), ("Message", "Authentication failed")]))
            }
            return
        }
        guard loggedIn else {
            reply(AMIMessage([("Response", "Error"), ("ActionID", id), ("Message", "Permission denied")]))
            return
        }
        switch action {
        case "ping":
            lock.withLock { tally.pings += 1 }
            reply(AMIMessage([("Response", "Success"), ("ActionID", id), ("Ping", "Pong")]))
        case "originate": originate(message, actionID: id)
        case "coreshowchannels":
            reply(AMIMessage([("Response", "Success"), ("ActionID", id), ("EventList", "start"), ("Message", "Channels will follow")]))
            var items = 0
            for channel in channels.values.sorted(by: { $0.uid < $1.uid }) {
                let bridged = channel.agent != nil && !channel.queued
                let bridge = bridged ? "bridge-" + channel.uid : ""
                reply(AMIMessage([("Event", "CoreShowChannel"), ("ActionID", id), ("Channel", channel.name),
                                  ("Uniqueid", channel.uid), ("ChannelState", channel.up ? "6" : "5"), ("BridgeId", bridge)]))
                items += 1
                if let agent = channel.agent, bridged {
                    reply(AMIMessage([("Event", "CoreShowChannel"), ("ActionID", id), ("Channel", "PJSIP/\(agent)-0000\(items)"),
                                      ("Uniqueid", "agent-leg-" + channel.uid), ("ChannelState", "6"), ("BridgeId", bridge)]))
                    items += 1
                }
            }
            reply(AMIMessage([("Event", "CoreShowChannelsComplete"), ("ActionID", id), ("EventList", "Complete"),
                              ("ListItems", String(items))]))
        case "queuestatus":
            reply(AMIMessage([("Response", "Success"), ("ActionID", id), ("EventList", "start")]))
            reply(AMIMessage([("Event", "QueueParams"), ("ActionID", id), ("Queue", "campaign")]))
            for agent in agents {
                reply(AMIMessage([("Event", "QueueMember"), ("ActionID", id), ("Queue", "campaign"), ("Name", agent.name),
                                  ("Location", "PJSIP/\(agent.name)"), ("Status", agent.call == nil ? "1" : "2"),
                                  ("Paused", agent.paused ? "1" : "0")]))
            }
            reply(AMIMessage([("Event", "QueueStatusComplete"), ("ActionID", id), ("EventList", "Complete")]))
        case "hangup":
            let target = message["Channel"] ?? ""
            if let channel = channels.values.first(where: { $0.name == target || $0.uid == target }) {
                reply(AMIMessage([("Response", "Success"), ("ActionID", id), ("Message", "Channel Hungup")]))
                channel.up ? callerHangsUp(channel.uid) : reject(channel.uid, cause: 16, reason: 1)
            } else {
                reply(AMIMessage([("Response", "Error"), ("ActionID", id), ("Message", "No such channel")]))
            }
        case "logoff":
            reply(AMIMessage([("Response", "Goodbye"), ("ActionID", id), ("Message", "Thanks for all the fish.")]))
            disconnect()
        default:
            reply(AMIMessage([("Response", "Error"), ("ActionID", id), ("Message", "Invalid/unknown command")]))
        }
    }

    private func originate(_ message: AMIMessage, actionID: String) {
        let channelText = message["Channel"] ?? ""
        guard channelText.hasPrefix("PJSIP/"), let atSign = channelText.firstIndex(of: "@"), let uid = message["ChannelId"] else {
            reply(AMIMessage([("Response", "Error"), ("ActionID", actionID), ("Message", "Originate failed")]))
            return
        }
        let number = String(channelText[channelText.index(channelText.startIndex, offsetBy: 6)..<atSign])
        reply(AMIMessage([("Response", "Success"), ("ActionID", actionID), ("Message", "Originate successfully queued")]))
        let fate = drawFate(number)
        let channel = Channel(uid: uid, name: "PJSIP/trunk-\(String(format: "%08x", nextChannel))", number: number,
                              actionID: actionID, session: session, fate: fate)
        nextChannel += 1
        channels[uid] = channel
        let count = lock.withLock {
            tally.originated.append(uid)
            tally.records[uid] = Record(key: uid, number: number)
            tally.mostInProgress = max(tally.mostInProgress, channels.count)
            return tally.originated.count
        }
        emit("Newchannel", [("Channel", channel.name), ("ChannelState", "0"), ("ChannelStateDesc", "Down"),
                            ("Uniqueid", uid), ("Linkedid", uid)], call: uid)
        emit("VarSet", [("Channel", channel.name), ("Uniqueid", uid), ("Variable", "DIALER_CALL"), ("Value", uid)], call: uid)
        let timeout = (Double(message["Timeout"] ?? "") ?? 30_000) / 1000
        switch fate {
        case .unallocated: steps.push(.reject(uid, cause: 1, reason: 0), at: at(0.5))
        case .busy: steps.push(.reject(uid, cause: 17, reason: 5), at: at(1))
        case .noAnswer:
            steps.push(.ringing(uid), at: at(0.5))
            steps.push(.ringOut(uid), at: at(timeout))
        case .person(let ring), .machine(let ring):
            steps.push(.ringing(uid), at: at(min(0.5, ring / 2)))
            steps.push(ring < timeout ? .answer(uid) : .ringOut(uid), at: at(min(ring, timeout)))
        }
        if lock.withLock({ dropAfter.contains(count) }) {
            lock.withLock { tally.drops += 1 }
            disconnect()
        }
    }

    private func drawFate(_ number: String) -> Fate {
        let previous = callsPerNumber[number, default: 0]
        callsPerNumber[number] = previous + 1
        let key = FNV1a.hash(number.utf8)
        var numberRandom = SeededRandom(seed: population.seed, mixing: key)
        if numberRandom.unit() < population.unallocatedShare { return .unallocated }
        var random = SeededRandom(seed: population.seed, mixing: key, previous + 1)
        let draw = random.unit() * (1 - population.unallocatedShare)
        let ring = random.logNormal(mean: population.ringMeanSeconds, coefficientOfVariation: 0.6)
        if draw < population.busyShare { return .busy }
        if draw < population.busyShare + population.personShare { return .person(ring: ring) }
        if draw < population.busyShare + population.personShare + population.machineShare { return .machine(ring: ring) }
        return .noAnswer
    }

    // MARK: - The calls

    private func play(_ step: Step) {
        switch step {
        case .ringing(let uid):
            guard let channel = channels[uid], !channel.up else { return }
            emit("Newstate", [("Channel", channel.name), ("ChannelState", "5"), ("ChannelStateDesc", "Ringing"), ("Uniqueid", uid)], call: uid)
        case .answer(let uid):
            guard var channel = channels[uid] else { return }
            channel.up = true
            channels[uid] = channel
            emit("Newstate", [("Channel", channel.name), ("ChannelState", "6"), ("ChannelStateDesc", "Up"), ("Uniqueid", uid)], call: uid)
            emit("OriginateResponse", [("ActionID", channel.actionID), ("Response", "Success"), ("Channel", channel.name),
                                       ("Reason", "4"), ("Uniqueid", uid)], only: channel.session)
            steps.push(.verdict(uid), at: at(population.amdSeconds))
        case .ringOut(let uid): reject(uid, cause: 19, reason: 3)
        case .reject(let uid, let cause, let reason): reject(uid, cause: cause, reason: reason)
        case .verdict(let uid): verdict(uid)
        case .queueTimeout(let uid):
            guard let channel = channels[uid], channel.queued, channel.agent == nil else { return }
            waiting.removeAll { $0 == uid }
            channels[uid]?.queued = false
            emit("QueueCallerLeave", [("Channel", channel.name), ("Uniqueid", uid), ("Queue", "campaign")], call: uid)
            finish(uid, .abandoned)
            steps.push(.callerHangsUp(uid), at: at(population.safeHarbourSeconds))
        case .agentConnects(let uid, let agent): connect(uid, agent: agent)
        case .callerHangsUp(let uid): callerHangsUp(uid)
        case .unpause(let name):
            guard let index = agents.firstIndex(where: { $0.name == name }) else { return }
            agents[index].paused = false
            agents[index].freeSince = now()
            emit("QueueMemberPause", [("Queue", "campaign"), ("MemberName", name), ("Interface", "PJSIP/\(name)"), ("Paused", "0")])
            serveWaitingCaller()
        }
    }

    private func verdict(_ uid: String) {
        guard let channel = channels[uid] else { return }
        let machine = if case .machine = channel.fate { true } else { false }
        emit("UserEvent", [("Channel", channel.name), ("Uniqueid", uid), ("UserEvent", "DialerAMD"),
                           ("AMDStatus", machine ? "MACHINE" : "HUMAN"), ("AMDCause", machine ? "LONGGREETING" : "HUMAN")], call: uid)
        if machine {
            finish(uid, .machine)
            steps.push(.callerHangsUp(uid), at: at(1))
            return
        }
        channels[uid]?.queued = true
        waiting.append(uid)
        emit("QueueCallerJoin", [("Channel", channel.name), ("Uniqueid", uid), ("Queue", "campaign"), ("Position", String(waiting.count))], call: uid)
        steps.push(.queueTimeout(uid), at: at(population.queueWaitSeconds))
        serveWaitingCaller()
    }

    /// Gives the longest-waiting caller to the agent free longest, if any.
    private func serveWaitingCaller() {
        guard let uid = waiting.first,
              let index = agents.indices.filter({ agents[$0].call == nil && !agents[$0].paused })
                .min(by: { agents[$0].freeSince < agents[$1].freeSince })
        else { return }
        waiting.removeFirst()
        agents[index].call = uid
        channels[uid]?.agent = agents[index].name
        emit("QueueMemberStatus", [("Queue", "campaign"), ("MemberName", agents[index].name),
                                   ("Interface", "PJSIP/\(agents[index].name)"), ("Status", "6"), ("Paused", "0")])
        steps.push(.agentConnects(uid, agent: agents[index].name), at: at(0.2))
    }

    private func connect(_ uid: String, agent: String) {
        guard let channel = channels[uid] else { return }
        channels[uid]?.queued = false
        emit("QueueMemberStatus", [("Queue", "campaign"), ("MemberName", agent), ("Interface", "PJSIP/\(agent)"), ("Status", "2"), ("Paused", "0")])
        emit("AgentConnect", [("Channel", channel.name), ("Uniqueid", uid), ("Queue", "campaign"), ("Interface", "PJSIP/\(agent)"),
                              ("MemberName", agent), ("HoldTime", "1"), ("RingTime", "0")], call: uid)
        finish(uid, .answered)
        var random = SeededRandom(seed: population.seed, mixing: FNV1a.hash(uid.utf8))
        steps.push(.callerHangsUp(uid), at: at(random.logNormal(mean: population.talkMeanSeconds, coefficientOfVariation: 0.8)))
    }

    private func callerHangsUp(_ uid: String) {
        guard let channel = channels.removeValue(forKey: uid) else { return }
        emit("Hangup", [("Channel", channel.name), ("Uniqueid", uid), ("Cause", "16"), ("Cause-txt", "Normal Clearing")], call: uid)
        guard let agent = channel.agent, let index = agents.firstIndex(where: { $0.name == agent }) else { return }
        emit("AgentComplete", [("Channel", channel.name), ("Uniqueid", uid), ("Queue", "campaign"), ("MemberName", agent),
                               ("Interface", "PJSIP/\(agent)"), ("TalkTime", "20"), ("Reason", "caller")])
        agents[index].call = nil
        agents[index].paused = true
        emit("QueueMemberPause", [("Queue", "campaign"), ("MemberName", agent), ("Interface", "PJSIP/\(agent)"),
                                  ("Paused", "1"), ("PausedReason", "wrap-up")])
        emit("QueueMemberStatus", [("Queue", "campaign"), ("MemberName", agent), ("Interface", "PJSIP/\(agent)"), ("Status", "1"), ("Paused", "1")])
        var random = SeededRandom(seed: population.seed, mixing: FNV1a.hash(uid.utf8), 2)
        steps.push(.unpause(agent), at: at(random.logNormal(mean: population.wrapMeanSeconds, coefficientOfVariation: 0.5)))
    }

    private func reject(_ uid: String, cause: Int, reason: Int) {
        guard let channel = channels.removeValue(forKey: uid) else { return }
        emit("Hangup", [("Channel", channel.name), ("Uniqueid", uid), ("Cause", String(cause))], call: uid)
        emit("OriginateResponse", [("ActionID", channel.actionID), ("Response", "Failure"), ("Channel", channel.name),
                                   ("Reason", String(reason)), ("Uniqueid", "<unknown>")], only: channel.session)
        finish(uid, cause == 17 ? .busy : cause == 1 ? .invalid : .noAnswer)
    }

    private func finish(_ uid: String, _ result: Result) {
        lock.withLock {
            if tally.records[uid]?.result == nil { tally.records[uid]?.result = result }
        }
    }
}
