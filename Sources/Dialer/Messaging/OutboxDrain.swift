import Foundation

/// Delivers a store's outbox in virtual time, for the simulator: a clock of its own starts at the first
/// queued entry and jumps to each wake-up the delivery asks for (quiet hours, backoff, `Retry-After`,
/// rate limits), until nothing is queued. Every follow-up is already in the outbox when it runs, so it
/// sends what a delivery running beside the campaign would have sent, at the same virtual times.
enum OutboxDrain {
    /// Delivers every queued entry of `store` through `configuration`'s gateway and webhooks; `seed`
    /// seeds the retries' jitter, so a simulation repeats exactly. Blocks the calling thread until done
    /// (see ``BlockingBridge``).
    static func run(store: CampaignStore, configuration: MessagingConfiguration, transport: @escaping OutboxDelivery.TransportMaker,
                    seed: UInt64) throws {
        try configuration.validate()
        let owned = HandedOver(value: store)
        try BlockingBridge.run {
            try await drain(store: owned.value, configuration: configuration, transport: transport, seed: seed)
        }
    }

    private static func drain(store: CampaignStore, configuration: MessagingConfiguration,
                              transport: OutboxDelivery.TransportMaker, seed: UInt64) async throws {
        let routes = [OutboxRoute.sms] + configuration.webhooks.map { OutboxRoute.webhook($0.name) }
        guard let first = try store.nextOutboxTime(routes: routes) else { return }
        let clock = VirtualClock(start: first)
        let delivery = try OutboxDelivery(store: store, configuration: configuration, transport: transport, clock: clock,
                                          random: SeededRandom(seed: seed))
        while let wake = try await delivery.deliverDue().nextWake {
            clock.advance(to: wake)
        }
    }
}
