import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The driver's I/O thread: one Manager Interface connection at a time, kept
/// alive with pings and reopened with a doubling backoff; it sends the
/// queued originations within lines and calls per second, reads every
/// message, and hands the call events to the engine through ``inbox``.
///
/// It is ``availability`` only once logged in and the queue's members have been
/// read (`QueueStatus`), so no call is placed before the agents' real state is
/// known, after a start as after every reconnect. A call handed over while it is
/// unavailable, waiting in the queue when the link breaks, or waiting longer than
/// the longest queue delay is never sent: it comes back as `notPlaced`.
///
/// Thread confinement: the engine's thread only calls ``submit(_:)``,
/// ``stop()`` and reads ``inbox`` and ``availability``; all other state belongs
/// to the thread running ``run()``.
final class AMISession: @unchecked Sendable {
    typealias Instant = ContinuousClock.Instant

    enum Command {
        /// Originate `message` (already built and checked) for `request`.
        case place(CallRequest, AMIMessage)
        case cancel(CallID)
        /// Follow calls of a stopped process (each with its call key), as orphans to settle.
        case resume([(CallID, String)])
        /// Pause or unpause an agent's queue member (the agent desk), with the reason given.
        case pause(agent: String, paused: Bool, reason: String?)
    }

    /// Actions of the session itself, by `ActionID`.
    private enum OwnAction { case login, ping, hangup(CallID), pause(String), channels, roster, logoff }

    let inbox = CallEventInbox()
    private let configuration: AsteriskConfiguration
    private let secret: String
    private let log: AMILog
    private let wake: WakePipe

    // Shared with the engine's thread, under `lock`.
    private let lock = NSCondition()
    private var commands: [Command] = []
    private var stopping = false
    private var stopped = false
    private var sharedAvailability: TelephonyAvailability

    // The I/O thread's own.
    private var socket: AMISocket?
    private var decoder = AMIDecoder()
    private var loggedIn = false
    private var loginDeadline = ContinuousClock.now
    private var retryAt = ContinuousClock.now
    private var backoff: Duration
    private var nextActionID = 1
    private var ownActions: [String: OwnAction] = [:]
    private var liveChannels: [AMIMessage] = []
    private var rosterListing: [AMIMessage] = []
    /// Whether the queue's members have been read since the login.
    private var rosterRead = false
    /// Whether the channels are being listed to settle the calls of a broken connection.
    private var reconciling = false
    /// When the connection last broke, for calls found ended after it.
    private var lostAt: Instant?
    private var lastReceived = ContinuousClock.now
    private var pingSent = false
    private var calls: AMICallTracker
    private var agents: AMIAgentTracker
    private var queue: OriginationQueue
    /// The `Originate` of each call waiting in ``queue``.
    private var pendingMessages: [CallID: AMIMessage] = [:]
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)

    init(configuration: AsteriskConfiguration, secret: String, log: AMILog) throws {
        self.configuration = configuration
        self.secret = secret
        self.log = log
        sharedAvailability = .unavailable(
            reason: "connecting to the Asterisk manager at \(configuration.host):\(configuration.port)")
        wake = try WakePipe()
        backoff = .seconds(configuration.reconnectDelay)
        calls = AMICallTracker(callVariable: configuration.callVariable, reportsAMD: configuration.reportsAMD,
                               recordingVariable: configuration.recordingVariable)
        agents = AMIAgentTracker(queue: configuration.queue)
        queue = OriginationQueue(
            lines: configuration.lines, callsPerSecond: configuration.callsPerSecond,
            maxDelay: .seconds(configuration.maxQueueDelay))
    }

    /// Whether calls can be placed now, and if not the last error.
    var availability: TelephonyAvailability {
        lock.lock()
        defer { lock.unlock() }
        return sharedAvailability
    }

    private static let settling = "settling the calls a stopped dialerd left in progress"

    private func setAvailability(_ value: TelephonyAvailability) {
        lock.lock()
        // Calls of a stopped process are still to be settled: not available before they are.
        if value == .available, commands.contains(where: { if case .resume = $0 { true } else { false } }) {
            lock.unlock()
            return
        }
        let changed = sharedAvailability != value
        sharedAvailability = value
        lock.unlock()
        if changed, value == .available { log.write(.info, "Asterisk is ready: logged in, the queue's members read") }
    }

    /// Hands a command to the I/O thread.
    func submit(_ command: Command) {
        lock.lock()
        commands.append(command)
        if case .resume = command { sharedAvailability = .unavailable(reason: Self.settling) }
        lock.unlock()
        wake.signal()
    }

    /// Asks the I/O thread to log off and end, and waits at most `timeout` for it.
    func stop(waitingAtMost timeout: TimeInterval) {
        lock.lock()
        stopping = true
        lock.unlock()
        wake.signal()
        lock.lock()
        let limit = Date(timeIntervalSinceNow: timeout)
        while !stopped && lock.wait(until: limit) {}
        lock.unlock()
    }

    /// The I/O loop; returns after ``stop(waitingAtMost:)``.
    func run() {
        while true {
            lock.lock()
            let pending = commands
            commands.removeAll()
            let ending = stopping
            lock.unlock()
            if ending { break }
            let now = ContinuousClock.now
            if socket == nil && now >= retryAt { open(at: now) }
            for command in pending { apply(command, at: now) }
            tend(at: now)
            waitForInput(until: nextDeadline(after: now))
        }
        if loggedIn { send(AMIAction.logoff(actionID: own(.logoff)), at: .now) }
        socket = nil
        lock.lock()
        stopped = true
        lock.broadcast()
        lock.unlock()
    }

    // MARK: - Connection

    private func open(at now: Instant) {
        do {
            socket = try AMISocket.connect(host: configuration.host, port: configuration.port,
                                           timeout: configuration.connectTimeout)
        } catch {
            scheduleRetry(at: now, reason: "cannot connect to the Asterisk manager at \(configuration.host):\(configuration.port) (\(error))")
            return
        }
        decoder = AMIDecoder()
        rosterRead = false
        reconciling = false
        lastReceived = now
        pingSent = false
        loginDeadline = now + .seconds(configuration.connectTimeout)
        send(AMIAction.login(username: configuration.username, secret: secret, actionID: own(.login)), at: now)
    }

    /// Closes the connection; the calls it carried become orphans to reconcile after the next login.
    private func drop(at now: Instant, reason: String) {
        let wasLoggedIn = loggedIn
        socket = nil
        loggedIn = false
        ownActions.removeAll()
        liveChannels.removeAll()
        rosterListing.removeAll()
        calls.connectionLost()
        if wasLoggedIn { lostAt = now }
        scheduleRetry(at: now, reason: wasLoggedIn ? "lost the Asterisk manager connection: \(reason)" : reason)
    }

    /// Nothing can be dialed until the next login: the calls waiting for a line are given back unplaced.
    private func scheduleRetry(at now: Instant, reason: String) {
        log.write(.error, "\(reason); retrying in \(Self.seconds(backoff)) s")
        setAvailability(.unavailable(reason: reason))
        withdrawQueuedCalls(at: now, reason: "the Asterisk manager could not be reached: \(reason)")
        retryAt = now + backoff
        backoff = min(backoff * 2, .seconds(configuration.maxReconnectDelay))
    }

    /// Gives back every call still waiting in the driver's queue: none was sent to Asterisk.
    private func withdrawQueuedCalls(at now: Instant, reason: String) {
        let waiting = queue.removeAll()
        guard !waiting.isEmpty else { return }
        for request in waiting { pendingMessages[request.callID] = nil }
        log.write(.warning, "\(waiting.count) calls waiting for a line were not dialed: \(reason)")
        inbox.push(waiting.map { .notPlaced($0.callID, reason: reason) }, at: now)
    }

    private func send(_ message: AMIMessage, at now: Instant) {
        guard let socket else { return }
        if log.traces { log.write(.debug, "ami sent: " + log.line(message)) }
        do {
            try socket.write(message.encoded, timeout: configuration.connectTimeout)
        } catch {
            drop(at: now, reason: error.description)
        }
    }

    /// A fresh `ActionID` for one of the session's own actions (`#` never occurs in a call key).
    private func own(_ action: OwnAction) -> String {
        let id = "ami#\(nextActionID)"
        nextActionID += 1
        ownActions[id] = action
        return id
    }

    // MARK: - Work

    private func apply(_ command: Command, at now: Instant) {
        switch command {
        case .place(let request, let message):
            if case .unavailable(let reason) = availability {
                inbox.push([.notPlaced(request.callID, reason: reason)], at: now)
                return
            }
            queue.enqueue(request, at: now)
            pendingMessages[request.callID] = message
        case .resume(let orphans):
            for (call, key) in orphans { calls.adopt(orphan: call, key: key) }
            guard loggedIn, !reconciling else { return }
            // Logged in already: settle them now, and dial nothing until they are.
            reconciling = true
            setAvailability(.unavailable(reason: Self.settling))
            send(AMIAction.coreShowChannels(actionID: own(.channels)), at: now)
        case .pause(let agent, let paused, let reason):
            guard loggedIn else { return }
            guard let interface = agents.interface(of: agent) else {
                log.write(.warning, "cannot pause agent \(agent): no queue member of that name is known")
                return
            }
            send(AMIAction.queuePause(interface: interface, queue: configuration.queue, paused: paused, reason: reason,
                                      actionID: own(.pause(agent))), at: now)
        case .cancel(let call):
            if queue.remove(call) != nil {
                pendingMessages[call] = nil
                inbox.push([.hungUp(call, cause: .normalClearing)], at: now)
            } else if let channel = calls.channel(of: call), loggedIn {
                send(AMIAction.hangup(channel: channel, actionID: own(.hangup(call))), at: now)
            }
        }
    }

    /// Gives up calls that waited too long, originates the calls whose slot
    /// has come, and keeps the connection alive.
    private func tend(at now: Instant) {
        let overdue = calls.endOverdueFailures(at: now)
        if !overdue.isEmpty {
            var events = overdue
            events += agents.observe(events)
            inbox.push(events, at: now)
        }
        for request in queue.expired(at: now) {
            pendingMessages[request.callID] = nil
            let reason = "it waited more than \(Int(configuration.maxQueueDelay)) s for a line"
            log.write(.warning, "attempt \(request.callID) was not dialed: \(reason)")
            inbox.push([.notPlaced(request.callID, reason: reason)], at: now)
        }
        while loggedIn, let request = queue.next(at: now, callsInProgress: calls.callsInProgress) {
            guard let message = pendingMessages.removeValue(forKey: request.callID), let key = message["ChannelId"],
                  let actionID = message.actionID
            else { continue }
            calls.track(request.callID, key: key, actionID: actionID)
            send(message, at: now)
        }
        guard socket != nil else { return }
        let silence = now - lastReceived
        let ping = Duration.seconds(configuration.pingInterval)
        if !loggedIn && now >= loginDeadline {
            drop(at: now, reason: "no answer to the login within \(Int(configuration.connectTimeout)) s")
        } else if loggedIn && silence >= ping * 2 {
            drop(at: now, reason: "no answer to a ping within \(Int(configuration.pingInterval)) s")
        } else if loggedIn && silence >= ping && !pingSent {
            pingSent = true
            send(AMIAction.ping(actionID: own(.ping)), at: now)
        }
    }

    private func nextDeadline(after now: Instant) -> Instant {
        var deadline = now + .seconds(60)
        if socket == nil { deadline = min(deadline, retryAt) }
        if let slot = queue.nextDeadline(callsInProgress: calls.callsInProgress) { deadline = min(deadline, slot) }
        if let failure = calls.nextFailureDeadline { deadline = min(deadline, failure) }
        if socket != nil {
            let ping = Duration.seconds(configuration.pingInterval)
            deadline = min(deadline, loggedIn ? lastReceived + (pingSent ? ping * 2 : ping) : loginDeadline)
        }
        return deadline
    }

    private func waitForInput(until deadline: Instant) {
        var entries = [pollfd(fd: wake.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let socket { entries.append(pollfd(fd: socket.descriptor, events: Int16(POLLIN), revents: 0)) }
        let wait = max(.zero, ContinuousClock.now.duration(to: deadline))
        let milliseconds = Int32(min(60_000, wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000))
        _ = poll(&entries, nfds_t(entries.count), max(0, milliseconds) + (wait > .zero ? 1 : 0))
        if entries[0].revents != 0 { wake.drain() }
        if entries.count > 1 && entries[1].revents != 0 { readAvailable() }
    }

    private func readAvailable() {
        guard let socket else { return }
        let now = ContinuousClock.now
        let count: Int?
        do {
            count = try socket.read(into: &readBuffer)
        } catch {
            drop(at: now, reason: error.description)
            return
        }
        guard let count else { return }
        guard count > 0 else {
            drop(at: now, reason: "Asterisk closed the connection")
            return
        }
        lastReceived = now
        pingSent = false
        for output in decoder.feed(readBuffer[..<count]) {
            switch output {
            case .banner(let banner): log.write(.info, "connected to \(configuration.host):\(configuration.port): \(banner)")
            case .malformed(let reason): log.write(.warning, "Asterisk manager: \(reason)")
            case .message(let message):
                if log.traces { log.write(.debug, "ami received: " + log.line(message)) }
                dispatch(message, at: now)
            }
            if self.socket == nil { return }
        }
    }

    // MARK: - Messages

    private func dispatch(_ message: AMIMessage, at now: Instant) {
        if let id = message.actionID, let action = ownActions[id] {
            handle(message, answering: action, id: id, at: now)
            return
        }
        var events = calls.handle(message, at: now)
        events += agents.observe(events)
        events += agents.handle(message)
        inbox.push(events, at: now)
    }

    private func handle(_ message: AMIMessage, answering action: OwnAction, id: String, at now: Instant) {
        let failed = message.response?.lowercased() == "error"
        switch action {
        case .login:
            ownActions[id] = nil
            guard !failed else {
                drop(at: now, reason: "Asterisk refused the login of manager user '\(configuration.username)': "
                     + (message["Message"] ?? "no reason given"))
                return
            }
            loggedIn = true
            backoff = .seconds(configuration.reconnectDelay)
            setAvailability(.unavailable(reason: "logged in; reading the queue's members"))
            send(AMIAction.queueStatus(queue: configuration.queue, actionID: own(.roster)), at: now)
            if calls.hasOrphans {
                reconciling = true
                send(AMIAction.coreShowChannels(actionID: own(.channels)), at: now)
            }
        case .ping, .logoff:
            ownActions[id] = nil
        case .hangup(let call):
            ownActions[id] = nil
            if failed { log.write(.warning, "Asterisk could not hang up attempt \(call)") }
        case .pause(let agent):
            ownActions[id] = nil
            if failed {
                log.write(.warning, "Asterisk could not pause or unpause agent \(agent): " + (message["Message"] ?? "no reason given"))
            }
        case .channels:
            if message.event?.lowercased() == "coreshowchannel" {
                liveChannels.append(message)
            } else if failed || message.event?.lowercased() == "coreshowchannelscomplete" {
                if failed {
                    log.write(.error, "Asterisk refused CoreShowChannels; calls in progress before the reconnect end as unknown")
                }
                ownActions[id] = nil
                let members = agents
                var events = calls.reconcile(liveChannels: liveChannels) { members.agent(onInterface: $0) }
                events += agents.observe(events)
                // A call found ended ended while the link was down: not later than when it broke.
                inbox.push(events, at: lostAt ?? now)
                liveChannels.removeAll()
                reconciling = false
                becomeAvailableWhenSettled()
            }
        case .roster:
            if message.event?.lowercased() == "queuestatuscomplete" || failed {
                if failed {
                    log.write(.error, "Asterisk refused QueueStatus: \(message["Message"] ?? "no reason given"); no agent is known yet")
                }
                ownActions[id] = nil
                inbox.push(agents.roster(rosterListing), at: now)
                rosterListing.removeAll()
                rosterRead = true
                becomeAvailableWhenSettled()
            } else if message.event != nil {
                rosterListing.append(message)
            }
        }
    }

    /// Available once logged in, the queue's members read and the calls of a broken connection settled.
    private func becomeAvailableWhenSettled() {
        guard loggedIn, rosterRead, !reconciling else { return }
        setAvailability(.available)
    }

    private static func seconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        return String(format: "%g", value)
    }
}
