@testable import Dialer
import Foundation
import Testing

@Suite struct OperationsLeaseTests {
    let directory = TemporaryDirectory()
    let start = Date(timeIntervalSince1970: 1_772_000_000)

    private func store() throws -> CampaignStore { try CampaignStore(path: directory.file("lease.db"), now: start) }

    @Test func aSecondProcessIsRefusedWhileTheLeaseIsLive() throws {
        let clock = VirtualClock(start: start)
        let first = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock)
        clock.advance(by: DaemonLease.timeToLive - 1)
        // Same pid in this test, so the holder looks alive: only the expiry decides.
        let error = #expect(throws: LeaseHeld.self) {
            try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in true })
        }
        #expect(error?.holder == first.holder)
        #expect(error?.description.contains("another dialerd") == true)
    }

    @Test func anExpiredLeaseIsTakenOverAndItsOldHolderLearnsItLostIt() throws {
        let clock = VirtualClock(start: start)
        let first = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock)
        clock.advance(by: DaemonLease.timeToLive + 1)
        let second = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in true })
        #expect(second.token != first.token)
        #expect(throws: LeaseLost.self) { try first.beat(at: clock.now) }
        try second.beat(at: clock.now)
    }

    @Test func heartbeatsKeepTheLeaseLive() throws {
        let clock = VirtualClock(start: start)
        let holder = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock)
        for _ in 0..<10 {
            clock.advance(by: DaemonLease.heartbeatInterval)
            try holder.beatIfDue()
        }
        #expect(throws: LeaseHeld.self) {
            try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in true })
        }
    }

    @Test func aLeaseOfAProcessThatNoLongerExistsHereIsTakenAtOnce() throws {
        let clock = VirtualClock(start: start)
        let stale = try store()
        try stale.writeLease(holder: "elsewhere", host: try hostOfThisMachine(), pid: 999_999, token: "dead",
                             at: start, expiresAt: start.addingTimeInterval(DaemonLease.timeToLive))
        let taken = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in false })
        #expect(try stale.lease()?.token == taken.token)
    }

    @Test func aLiveLeaseOnAnotherMachineWaitsForItsExpiry() throws {
        let clock = VirtualClock(start: start)
        try store().writeLease(holder: "other:12", host: "other-machine", pid: 12, token: "theirs",
                               at: start, expiresAt: start.addingTimeInterval(DaemonLease.timeToLive))
        #expect(throws: LeaseHeld.self) {
            try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in false })
        }
    }

    @Test func releasingLetsTheNextProcessIn() throws {
        let clock = VirtualClock(start: start)
        try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock).release()
        _ = try DaemonLease(store: try store(), databasePath: "lease.db", clock: clock, processAlive: { _ in true })
    }

    /// The host name the lease records for this process.
    private func hostOfThisMachine() throws -> String {
        let clock = VirtualClock(start: start)
        let probe = try DaemonLease(store: try CampaignStore(path: directory.file("probe.db"), now: start),
                                    databasePath: "probe.db", clock: clock)
        return String(probe.holder.prefix { $0 != ":" })
    }
}
