import CampaignDSL
package import Foundation
import Synchronization

/// What every page and API handler reaches: the database (through a pool of connections), the clocks,
/// the sign-in throttle, and where each user lands after signing in.
package final class WebContext: Sendable {
    /// Connections for the handlers (read and write through ``CampaignStore`` methods only).
    let stores: StorePool
    /// Sign-in failures and lockouts.
    package let throttle: LoginThrottle
    /// How long a browser session lasts (seconds).
    package let sessionLifetime: Double
    /// Where a signed-in user is sent: the lead engineer's pages fill this in (agents → `/desk`, leads → `/wallboard`).
    package let landing: @Sendable (WebUser) -> String
    /// Where Do-Not-Call files are cached (beside the database).
    let cacheDirectory: String
    /// Where the daemon writes each campaign's reports (`REPORTS/CAMPAIGN/`), served to leads; nil serves none.
    let reportsFolder: String?
    /// Told when a user signs out (an agent is then logged out of calls: nobody is left ready at an empty desk).
    let signedOut: @Sendable (WebUser) -> Void
    private let wallClock: SendableClock
    private let dialingClock: SendableClock
    private let specs = Mutex<[Int64: (hash: String, spec: CampaignSpec)]>([:])

    /// Without the live pages (no running campaigns to follow), every user lands on `/account`.
    package static let defaultLanding: @Sendable (WebUser) -> String = { _ in "/account" }
    /// With them: agents on their desk, leads and admins on the wallboard.
    package static let liveLanding: @Sendable (WebUser) -> String = { $0.role == .agent ? "/desk" : "/wallboard" }

    /// - Parameters:
    ///   - dialingClock: the daemon's clock (scaled on the simulated network): when added contacts and
    ///     click-to-call callbacks fall due.
    ///   - wallClock: real time, for sessions and lockouts.
    package init(databasePath: String, dialingClock: any Clock = WallClock(), wallClock: any Clock = WallClock(),
                 throttle: LoginThrottle = LoginThrottle(), sessionLifetime: Double = 12 * 3_600,
                 landing: @escaping @Sendable (WebUser) -> String = WebContext.defaultLanding,
                 reportsFolder: String? = nil, signedOut: @escaping @Sendable (WebUser) -> Void = { _ in }) throws {
        self.reportsFolder = reportsFolder
        self.signedOut = signedOut
        stores = try StorePool(path: databasePath)
        let folder = (databasePath as NSString).deletingLastPathComponent
        cacheDirectory = (folder.isEmpty ? "." : folder) + "/.dnc-cache"
        self.dialingClock = SendableClock(clock: dialingClock)
        self.wallClock = SendableClock(clock: wallClock)
        self.throttle = throttle
        self.sessionLifetime = sessionLifetime
        self.landing = landing
    }

    /// Real time now.
    package var now: Date { wallClock.clock.now }
    /// The daemon's time now.
    package var dialingNow: Date { dialingClock.clock.now }

    /// Runs `body` with a database connection of its own.
    func withStore<T>(_ body: (CampaignStore) throws -> T) throws -> T {
        try stores.with(body)
    }

    /// The campaign's spec, decoded once per compiled version.
    func spec(of stored: StoredCampaign) throws -> CampaignSpec {
        if let cached = specs.withLock({ $0[stored.id] }), cached.hash == stored.sourceHash { return cached.spec }
        let spec = try JSONDecoder().decode(CampaignSpec.self, from: Data(stored.specJSON.utf8))
        specs.withLock { $0[stored.id] = (stored.sourceHash, spec) }
        return spec
    }
}

/// A clock read from the server's threads. `WallClock` and `ScaledClock` compute `now` from the system
/// time and keep no mutable state, so reading them from any thread is safe; tests pass a clock they
/// only read while the server runs.
private struct SendableClock: @unchecked Sendable {
    let clock: any Clock
}
