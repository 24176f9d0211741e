import Foundation

/// Delivers the outbox on a thread of its own while the daemon runs: text messages through the gateway
/// and results to the webhooks, on the daemon's clock (quiet hours and backoff in the campaigns' time),
/// with its own database connection. It looks again when the delivery asks (a retry, an opening) and at
/// least every second, for what the campaign workers queued meanwhile.
///
/// `finish()` ends it after one last pass (`run`: what is due now goes before the process exits);
/// a raised stop ends it after the request in flight (`serve`'s drain).
final class OutboxWorker: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let finishing = StopSignal()

    /// Starts the worker's thread, on the clock of `telephony` (the campaigns' clock).
    init(databasePath: String, configuration: MessagingConfiguration, telephony: DaemonTelephony, logger: Logger,
         stop: StopSignal) {
        let thread = Thread { [self] in
            do {
                try self.work(databasePath: databasePath, configuration: configuration, clock: telephony.clock,
                              logger: logger, stop: stop)
            } catch {
                logger.error("outbox delivery stopped by an error", ["error": "\(error)"])
            }
            self.done.signal()
        }
        thread.name = "outbox"
        thread.start()
    }

    /// Asks for one last pass and waits for it.
    func finish() {
        finishing.raise()
        done.wait()
        done.signal()
    }

    private func work(databasePath: String, configuration: MessagingConfiguration, clock: any Clock, logger: Logger,
                      stop: StopSignal) throws {
        let delivery = HandedOver(value: try OutboxDelivery(
            databasePath: databasePath, configuration: configuration, transport: { try CurlHTTPClient(options: $0) }, clock: clock))
        let recovery = delivery.value.recovery
        if recovery.requeued + recovery.unknown > 0 {
            logger.warning("outbox entries left sending by a stopped dialer",
                           ["requeued": String(recovery.requeued), "unknown": String(recovery.unknown)])
        }
        while !stop.isRaised {
            let last = finishing.isRaised
            let pass = try BlockingBridge.run { try await delivery.value.deliverDue() }
            if pass.sent + pass.retried + pass.failed + pass.unknown > 0 {
                logger.info("outbox delivered", ["sent": String(pass.sent), "retried": String(pass.retried),
                                                 "failed": String(pass.failed), "unknown": String(pass.unknown)])
            }
            if last { return }
            if let wake = pass.nextWake, wake <= clock.now { continue }
            let deadline = Date().addingTimeInterval(1)
            while Date() < deadline && !stop.isRaised && !finishing.isRaised {
                if let wake = pass.nextWake, wake <= clock.now { break }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }
}
