import Foundation
import CampaignDSL
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `dialer-bench web`'s live half: `agents` agent desks and `boards` wallboards connected at once to a
/// real web console over loopback (each its own Server-Sent Events connection, signed in with its own
/// session), while calls are put through at `connectsPerSecond`: the time from the connect event being
/// published to the agent's screen pop (the card, rendered from the database) arriving in their stream,
/// and the memory each connected desk costs.
package enum ScreenPopBenchmark {
    package struct Figures: Sendable {
        package var pops = 0
        package var expected = 0
        package var p50Seconds = 0.0
        package var p99Seconds = 0.0
        package var maxSeconds = 0.0
        /// Resident memory added per connected desk (server and this process's client side), in kilobytes.
        package var kilobytesPerDesk = 0.0
        package var boardEvents = 0
    }

    package static func run(agents: Int, boards: Int, connectsPerSecond: Double, seconds: Double,
                            folder: String) throws -> Figures {
        let (database, _) = try WebBenchmarkData.make(in: folder, contacts: max(1_000, agents), at: Date())
        let store = try CampaignStore(path: database, now: Date())
        let book = AccountBook(store: store, clock: WallClock())
        var cookies: [(agent: String?, cookie: String)] = []
        for index in 0..<(agents + boards) {
            let isDesk = index < agents
            let name = isDesk ? "agent-\(index + 1)" : "lead-\(index - agents + 1)"
            try book.addUser(name: name, role: isDesk ? .agent : .admin, agent: isDesk ? name : nil, teams: [],
                             password: "bench password", iterations: 1_000)
            guard let user = try store.user(named: name) else { continue }
            let token = try SecretBytes.token()
            try store.insertSession(tokenHash: SecretBytes.sha256Hex(token), user: user.user.id, csrfToken: try SecretBytes.token(),
                                    at: Date(), expiresAt: Date().addingTimeInterval(3_600))
            cookies.append((isDesk ? name : nil, "\(WebApplication.sessionCookie)=\(token)"))
        }
        guard let campaign = try store.storedCampaign(named: WebBenchmarkData.campaign) else { return Figures() }
        let contacts = try store.dueJobs(campaign: campaign.id, at: Date().addingTimeInterval(86_400), limit: agents).map(\.contact)
        let context = try WebContext(databasePath: database, landing: WebContext.liveLanding)
        let hub = LiveEventHub()
        let live = LiveWeb(context: context, hub: hub, desk: LiveDesk())
        defer { live.stop() }
        let server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0),
                                   handler: WebApplication(context: context, live: live).handler)
        defer { server.stop() }

        let before = residentKilobytes()
        let reader = StreamReader()
        for (agent, cookie) in cookies {
            try reader.connect(port: server.port, path: agent == nil ? "/wallboard/events" : "/desk/events", cookie: cookie)
        }
        reader.start()
        // Every stream answered before the clock starts.
        let connectDeadline = Date().addingTimeInterval(20)
        while live.connected.desks + live.connected.boards < agents + boards && Date() < connectDeadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let after = residentKilobytes()

        let sent = Mutex<[Int64: UInt64]>([:])
        let total = Int(seconds * connectsPerSecond)
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<total {
            let due = start + UInt64(Double(index) / connectsPerSecond * 1e9)
            let now = DispatchTime.now().uptimeNanoseconds
            if due > now { usleep(UInt32((due - now) / 1_000)) }
            let agent = "agent-\(index % agents + 1)"
            let call = Int64(index + 1)
            let time = Date()
            sent.withLock { $0[call] = DispatchTime.now().uptimeNanoseconds }
            hub.publish(LiveEvent(campaign: WebBenchmarkData.campaign, time: time,
                                  kind: .agentState(agent: agent, state: .onCall, since: time, reason: nil, call: call)))
            hub.publish(LiveEvent(campaign: WebBenchmarkData.campaign, time: time,
                                  kind: .callConnected(call: call, agent: agent, contact: contacts[index % contacts.count],
                                                       number: "+84910000000", answeredAt: time)))
        }
        let drainDeadline = Date().addingTimeInterval(10)
        while reader.pops.count < total && Date() < drainDeadline { Thread.sleep(forTimeInterval: 0.02) }
        reader.stop()

        let published = sent.withLock { $0 }
        let latencies = reader.pops.compactMap { call, received in
            published[call].map { Double(received &- $0) / 1e9 }
        }.sorted()
        var figures = Figures()
        figures.pops = latencies.count
        figures.expected = total
        figures.p50Seconds = percentile(latencies, 0.5)
        figures.p99Seconds = percentile(latencies, 0.99)
        figures.maxSeconds = latencies.last ?? 0
        figures.kilobytesPerDesk = Double(max(0, after - before)) / Double(max(1, agents + boards))
        figures.boardEvents = reader.boardEvents
        return figures
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    private static func residentKilobytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return Int(line.split(separator: " ").compactMap { Int($0) }.first ?? 0)
        }
        return 0
    }
}

/// Many event-stream connections read by one thread with `poll`: the HTTP response head, then chunked
/// transfer coding, then the events; records when each `pop` event (by its call) arrived.
private final class StreamReader: @unchecked Sendable {
    private struct Connection {
        let socket: Int32
        let isBoard: Bool
        var buffer: [UInt8] = []
        var headDone = false
        var chunkLeft = 0
        var text: [UInt8] = []
    }

    private var connections: [Connection] = []
    private let lock = NSLock()
    private var popTimes: [Int64: UInt64] = [:]
    private var boardCount = 0
    private var running = true
    private var thread: Thread?

    var pops: [Int64: UInt64] { lock.withLock { popTimes } }
    var boardEvents: Int { lock.withLock { boardCount } }

    func connect(port: Int, path: String, cookie: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw EnvironmentError("cannot connect to the web console on port \(port)")
        }
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: \(cookie)\r\nAccept: text/event-stream\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        connections.append(Connection(socket: fd, isBoard: path.hasPrefix("/wallboard")))
    }

    func start() {
        let thread = Thread { [self] in loop() }
        self.thread = thread
        thread.start()
    }

    func stop() {
        lock.withLock { running = false }
        Thread.sleep(forTimeInterval: 0.1)
        for connection in connections { close(connection.socket) }
    }

    private func loop() {
        var descriptors = connections.map { pollfd(fd: $0.socket, events: Int16(POLLIN), revents: 0) }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while lock.withLock({ running }) {
            guard poll(&descriptors, nfds_t(descriptors.count), 50) > 0 else { continue }
            for index in descriptors.indices where descriptors[index].revents & Int16(POLLIN) != 0 {
                let count = recv(descriptors[index].fd, &chunk, chunk.count, 0)
                guard count > 0 else {
                    descriptors[index].fd = -1
                    continue
                }
                let now = DispatchTime.now().uptimeNanoseconds
                connections[index].buffer += chunk[0..<count]
                decode(&connections[index], at: now)
            }
        }
    }

    /// Takes the response head, then decodes chunks into event text and each complete event.
    private func decode(_ connection: inout Connection, at now: UInt64) {
        if !connection.headDone {
            guard let end = find([13, 10, 13, 10], in: connection.buffer, from: 0) else { return }
            connection.buffer.removeFirst(end + 4)
            connection.headDone = true
        }
        while !connection.buffer.isEmpty {
            if connection.chunkLeft == 0 {
                guard let end = find([13, 10], in: connection.buffer, from: 0) else { return }
                let line = String(decoding: connection.buffer[0..<end], as: UTF8.self)
                if line.isEmpty {
                    connection.buffer.removeFirst(2)
                    continue
                }
                connection.chunkLeft = Int(line.split(separator: ";").first ?? "", radix: 16) ?? 0
                connection.buffer.removeFirst(end + 2)
                if connection.chunkLeft == 0 { return }
            }
            let take = min(connection.chunkLeft, connection.buffer.count)
            connection.text += connection.buffer[0..<take]
            connection.buffer.removeFirst(take)
            connection.chunkLeft -= take
        }
        while let end = find([10, 10], in: connection.text, from: 0) {
            let event = String(decoding: connection.text[0..<end], as: UTF8.self)
            connection.text.removeFirst(end + 2)
            record(event, board: connection.isBoard, at: now)
        }
    }

    private func record(_ event: String, board: Bool, at now: UInt64) {
        if board {
            if event.hasPrefix("event:") { lock.withLock { boardCount += 1 } }
            return
        }
        guard event.hasPrefix("event: pop"), let range = event.range(of: "\"call\":") else { return }
        let digits = event[range.upperBound...].prefix { $0.isNumber }
        guard let call = Int64(digits) else { return }
        lock.withLock { if popTimes[call] == nil { popTimes[call] = now } }
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
