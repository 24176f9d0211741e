@testable import CampaignDSL
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

    @Test func aHeartbeatThatCannotBeWrittenIsNotReportedAsATakeover() throws {
        let clock = VirtualClock(start: start)
        let config = DaemonConfig(databasePath: directory.file("session.db"), campaignsFolder: directory.path)
        let session = try DaemonSession(options: DaemonOptions(config: config), logger: .silent, leaseClock: clock)
        defer { session.close() }
        // The renewal fails for another reason than another holder (here: writes refused).
        try session.store.connection.execute("PRAGMA query_only = 1")
        clock.advance(by: DaemonLease.heartbeatInterval)
        let stop = StopSignal()
        session.heartbeat(stop: stop)
        #expect(stop.isRaised, "the daemon drains")
        #expect(!session.leaseLost, "nobody took the lease over")
        let error = #expect(throws: (any Error).self) { try session.throwIfEndedEarly() }
        #expect(!(error is LeaseLost))
        #expect(error.map { "\($0)".contains("taken over") } == false)
    }

    @Test func aKilledHolderOnThisMachineIsNotLiveThoughItsLeaseHasNotExpired() throws {
        let record = LeaseRecord(holder: "here:999999", host: DaemonLease.hostName(), pid: 999_999, token: "dead",
                                 heartbeatAt: start, expiresAt: start.addingTimeInterval(DaemonLease.timeToLive))
        #expect(!DaemonLease.isLive(record, at: start, processAlive: { _ in false }))
        #expect(DaemonLease.isLive(record, at: start, processAlive: { _ in true }))
        let elsewhere = LeaseRecord(holder: "other:12", host: "other-machine", pid: 12, token: "theirs",
                                    heartbeatAt: start, expiresAt: start.addingTimeInterval(DaemonLease.timeToLive))
        #expect(DaemonLease.isLive(elsewhere, at: start, processAlive: { _ in false }), "another machine's pid says nothing")
    }

    /// The host name the lease records for this process.
    private func hostOfThisMachine() throws -> String {
        let clock = VirtualClock(start: start)
        let probe = try DaemonLease(store: try CampaignStore(path: directory.file("probe.db"), now: start),
                                    databasePath: "probe.db", clock: clock)
        return String(probe.holder.prefix { $0 != ":" })
    }
}
