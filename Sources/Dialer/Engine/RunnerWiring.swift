import CampaignDSL
import Foundation

/// Everything a campaign's runner is made of. ``CampaignRunner/assemble(_:)`` is the one place that
/// wires a runner from it, for `simulate` and for the daemon's workers alike.
struct RunnerWiring {
    let campaign: Int64
    let spec: CampaignSpec
    let timeZone: TimeZone
    let store: CampaignStore
    let doNotCall: DoNotCallRegistry
    let driver: any TelephonyDriver
    let clock: any Clock
    /// Where outcomes come from beyond the network's events (the simulator's desk).
    var agentDesk: (any AgentDesk)?
    /// The follow-ups each call end and outcome enqueue.
    var followUps: FollowUpPlanner?
    /// A pacer in place of the one the campaign's dial block names (a simulation's laboratory pacer).
    var pacer: (any Pacer)?
    /// Once true, no new call is placed and the run drains.
    var stopRequested: () -> Bool = { false }
    /// How long an unavailable backend is waited for before the run gives up (`run`); nil waits.
    var unavailableGiveUp: TimeInterval?
    /// Whether the live state is stored for `dialerd status` (a daemon's worker).
    var publishesLiveState = false
    /// The event hub and agent desk of a daemon's worker; none in a simulation.
    var live: (hub: LiveEventHub, desk: LiveDesk?)?
}

extension CampaignRunner {
    /// The runner `wiring` describes.
    static func assemble(_ wiring: RunnerWiring) -> CampaignRunner {
        let runner = CampaignRunner(
            campaign: wiring.campaign, spec: wiring.spec, timeZone: wiring.timeZone, store: wiring.store,
            doNotCall: wiring.doNotCall, driver: wiring.driver, clock: wiring.clock)
        runner.agentDesk = wiring.agentDesk
        runner.followUps = wiring.followUps
        if let pacer = wiring.pacer { runner.pacer = pacer }
        runner.stopRequested = wiring.stopRequested
        runner.unavailableGiveUp = wiring.unavailableGiveUp
        runner.publishesLiveState = wiring.publishesLiveState
        runner.live = wiring.live.map { RunnerLive(hub: $0.hub, desk: $0.desk) }
        return runner
    }
}
