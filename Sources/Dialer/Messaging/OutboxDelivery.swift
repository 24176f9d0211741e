import Foundation

/// Delivers the outbox: text messages through the gateway, documents to webhooks, exactly once per key
/// as far as the far end's idempotency allows.
///
/// The rule, for each entry:
/// 1. `queued → sending` (a try counted) is committed before the request goes out.
/// 2. A confirmed success commits `sent`; a sent entry is never selected again.
/// 3. A confirmed failure that may pass (5xx, 408, 429, connection refused) goes back to `queued` after
///    exponential backoff with jitter (429: after `Retry-After` when given), until the tries run out: `failed`.
///    Other 4xx, and a 2xx that fails the success rule, are `failed` at once.
/// 4. An unknown outcome (timeout after connecting, reset) is tried again with the same key only when
///    the gateway honours idempotency keys; otherwise (or when that was the last try) it is recorded
///    `unknown` (maybe delivered) and never sent again, so nobody gets a message twice.
/// 5. On opening, entries left `sending` by a process that stopped are treated as unknown outcomes (rule 4).
///
/// Text messages are held outside the sending hours in the recipient's zone, and each route keeps to its
/// rate per second. Routes are delivered independently, one request at a time each and several routes at
/// once, so one hanging request stalls nothing but its own route. A pass never sleeps: it returns when to
/// come back.
/// Not Sendable: one task owns it (and its store connection).
public final class OutboxDelivery {
    /// What opening found left in flight by a stopped process.
    public struct Recovery: Sendable, Hashable {
        /// Queued again, to be sent with the same key.
        public var requeued = 0
        /// Recorded `unknown` (maybe delivered), because the gateway could not drop a duplicate, or that was
        /// the last try.
        public var unknown = 0
    }

    /// Makes the HTTP transport of one route (the gateway, a webhook) from its timeouts and size limit:
    /// a ``CurlHTTPClient`` of its own, so one route's slow request never waits for another's.
    public typealias TransportMaker = @Sendable (HTTPClientOptions) throws -> any HTTPTransport

    struct Route {
        let gateway: any MessageGateway
        let retry: RetryBackoff
        var limiter: CallRateLimiter
    }

    private let store: CampaignStore
    private let clock: any Clock
    private var routes: [String: Route]
    private let concurrency: Int
    private var quietHours: QuietHours
    private var random: ErasedRandom
    /// What opening found; see ``Recovery``.
    public let recovery: Recovery

    /// Opens the database at `databasePath` on a connection of its own (with `synchronous=FULL`, so each
    /// `sending` and `sent` mark survives a power loss) and recovers entries left in flight.
    /// - Throws: ``MessagingError`` for a bad configuration; store and transport errors as they come.
    public convenience init(databasePath: String, configuration: MessagingConfiguration,
                            transport: TransportMaker, clock: any Clock) throws {
        try configuration.validate()
        let store = try CampaignStore(path: databasePath, now: clock.now)
        try store.connection.execute("PRAGMA synchronous=FULL")
        try self.init(store: store, configuration: configuration, transport: transport, clock: clock,
                      random: SystemRandomNumberGenerator())
    }

    init(store: CampaignStore, configuration: MessagingConfiguration, transport: TransportMaker,
         clock: any Clock, random: any RandomNumberGenerator) throws {
        self.store = store
        self.clock = clock
        self.random = ErasedRandom(base: random)
        concurrency = max(1, configuration.concurrency)
        quietHours = QuietHours(sendingHours: configuration.sms.sendingHours)
        var routes: [String: Route] = [:]
        let sms: any MessageGateway = switch configuration.sms.kind {
        case .outboxFile(let path): try OutboxFileGateway(path: path)
        case .http(let http): HTTPSMSGateway(configuration: http, transport: try transport(configuration.sms.http))
        }
        routes[OutboxRoute.sms] = Route(gateway: sms, retry: configuration.sms.retry,
                                        limiter: CallRateLimiter(perSecond: configuration.sms.ratePerSecond))
        for webhook in configuration.webhooks {
            routes[OutboxRoute.webhook(webhook.name)] = Route(
                gateway: WebhookGateway(configuration: webhook, transport: try transport(webhook.http)),
                retry: webhook.retry, limiter: CallRateLimiter(perSecond: webhook.ratePerSecond))
        }
        self.routes = routes
        recovery = try Self.recover(store, routes: routes, at: clock.now)
    }

    /// Rule 5: entries left `sending` are unknown outcomes (their try counted, as any other): queued again
    /// with the same key when the far end drops repeats and tries remain, else recorded `unknown` (maybe
    /// delivered) and never sent again. Entries of routes no longer configured wait.
    private static func recover(_ store: CampaignStore, routes: [String: Route], at now: Date) throws -> Recovery {
        var recovery = Recovery()
        for message in try store.interruptedOutbox() {
            guard let route = routes[message.entry.route] else { continue }
            if route.gateway.honoursIdempotencyKey && message.tries < route.retry.maxTries {
                try store.requeue(message.id, nextAt: now, status: message.lastStatus,
                                  error: "interrupted while sending; sent again with the same key", at: now)
                recovery.requeued += 1
            } else if route.gateway.honoursIdempotencyKey {
                try store.markUnknown(message.id,
                                      error: "gave up after \(message.tries) tries: interrupted while sending (maybe delivered)",
                                      at: now)
                recovery.unknown += 1
            } else {
                try store.markUnknown(message.id,
                                      error: "interrupted while sending (maybe delivered); not sent again: the gateway cannot drop a duplicate",
                                      at: now)
                recovery.unknown += 1
            }
        }
        return recovery
    }

    /// One request's answer, as a route's task hands it back.
    private struct Answer: Sendable {
        let message: OutboxMessage
        let result: DeliveryResult
    }

    /// Sends what is due now, up to `limit` entries: each route (the gateway, each webhook) one request at a
    /// time, in due order, and up to `concurrency` routes at once, so a hanging request holds up only its
    /// own route. It runs on the caller's actor (the owner may keep it on the main actor), which alone
    /// touches the store; each transfer runs on its HTTP client's own queue.
    nonisolated(nonsending) public func deliverDue(limit: Int = 100) async throws -> DeliveryPass {
        var pass = DeliveryPass()
        let names = routes.keys.sorted()
        var limitedUntil: Date?
        let due = try store.dueOutbox(routes: names, at: clock.now, limit: limit)
        var waiting: [String: ArraySlice<OutboxMessage>] = [:]
        var ready: [String] = []
        for message in due where routes[message.entry.route] != nil {
            if waiting[message.entry.route] == nil { ready.append(message.entry.route) }
            waiting[message.entry.route, default: []].append(message)
        }
        try await withThrowingTaskGroup(of: Answer.self) { group in
            var inFlight = 0
            while true {
                while inFlight < concurrency, !ready.isEmpty {
                    let name = ready.removeFirst()
                    let now = clock.now
                    guard let message = try nextToSend(on: name, from: &waiting, at: now, pass: &pass,
                                                       limitedUntil: &limitedUntil),
                          let gateway = routes[name]?.gateway else { continue }
                    group.addTask { Answer(message: message, result: await gateway.deliver(message, at: now)) }
                    inFlight += 1
                }
                guard let answer = try await group.next() else { break }
                inFlight -= 1
                let name = answer.message.entry.route
                if let route = routes[name] { try record(answer.result, for: answer.message, on: route, pass: &pass) }
                if waiting[name]?.isEmpty == false { ready.append(name) }
            }
        }
        let next = try store.nextOutboxTime(routes: names)
        pass.nextWake = switch (next, limitedUntil) {
        case let (next?, limited?): max(next, limited)
        case let (next, nil): due.count == limit ? clock.now : next
        case (nil, let limited): limited
        }
        return pass
    }

    /// Takes `route`'s next entry that may go now and marks it sending; expired entries fail and text
    /// messages outside the sending hours are held on the way. At the route's rate limit the rest of its
    /// entries wait for the next pass. Nil when nothing of the route goes now.
    private func nextToSend(on name: String, from waiting: inout [String: ArraySlice<OutboxMessage>], at now: Date,
                            pass: inout DeliveryPass, limitedUntil: inout Date?) throws -> OutboxMessage? {
        while let message = waiting[name]?.popFirst() {
            guard var route = routes[name] else { return nil }
            if let expiry = message.entry.expiresAt, expiry <= now {
                try store.markFailed(message.id, status: nil, error: "expired before it could be sent", at: now)
                pass.failed += 1
                continue
            }
            if message.entry.channel == .sms {
                let opens = quietHours.earliestSend(atOrAfter: now, zone: message.entry.timeZone)
                if opens > now {
                    try store.hold(message.id, until: opens, at: now)
                    pass.held += 1
                    continue
                }
            }
            guard route.limiter.allowance(at: now) > 0 else {
                if let next = route.limiter.nextAllowance(after: now) { limitedUntil = min(limitedUntil ?? next, next) }
                waiting[name] = []
                return nil
            }
            route.limiter.recordPlacement(at: now)
            routes[name] = route
            try store.markSending(message.id, at: now)
            return message
        }
        return nil
    }

    private func record(_ result: DeliveryResult, for message: OutboxMessage, on route: Route,
                        pass: inout DeliveryPass) throws {
        let now = clock.now
        let tries = message.tries + 1
        switch result {
        case .delivered(let status):
            try store.markSent(message.id, status: status, at: now)
            pass.sent += 1
        case .retryable(let status, let reason, let retryAfter):
            try retryOrFail(message, tries: tries, route: route, status: status, reason: reason, wait: retryAfter,
                            pass: &pass)
        case .unknown(let reason) where route.gateway.honoursIdempotencyKey:
            guard tries < route.retry.maxTries else {
                try store.markUnknown(message.id, error: "gave up after \(tries) tries: \(reason) (maybe delivered)", at: now)
                pass.unknown += 1
                return
            }
            try retryOrFail(message, tries: tries, route: route, status: nil, reason: reason + " (outcome unknown)",
                            wait: nil, pass: &pass)
        case .unknown(let reason):
            try store.markUnknown(message.id,
                                  error: reason + " (maybe delivered; not sent again: the gateway cannot drop a duplicate)",
                                  at: now)
            pass.unknown += 1
        case .rejected(let status, let reason):
            try store.markFailed(message.id, status: status, error: reason, at: now)
            pass.failed += 1
        }
    }

    private func retryOrFail(_ message: OutboxMessage, tries: Int, route: Route, status: Int?, reason: String,
                             wait: TimeInterval?, pass: inout DeliveryPass) throws {
        let now = clock.now
        guard tries < route.retry.maxTries else {
            try store.markFailed(message.id, status: status, error: "gave up after \(tries) tries: \(reason)", at: now)
            pass.failed += 1
            return
        }
        let delay = wait ?? route.retry.delay(afterTries: tries, using: &random)
        try store.requeue(message.id, nextAt: now.addingTimeInterval(delay), status: status, error: reason, at: now)
        pass.retried += 1
    }
}

@available(*, unavailable)
extension OutboxDelivery: Sendable {}

/// A generator of any type behind one concrete type, so generic jitter code can take it `inout`.
private struct ErasedRandom: RandomNumberGenerator {
    var base: any RandomNumberGenerator

    mutating func next() -> UInt64 { base.next() }
}
