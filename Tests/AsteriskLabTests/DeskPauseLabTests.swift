import Dialer
import Foundation
import Testing

/// The agent desk's pause on a real Asterisk: the driver pauses and unpauses the agent's queue member
/// (`QueuePause` with the reason), Asterisk shows it in `queue show`, and its events bring the
/// presence back to the engine, as a phone's own pause would.
@Suite(.serialized, .enabled(if: Lab.isAvailable, "no Asterisk found: see Tests/AsteriskLab/README.md"))
struct DeskPauseLabTests {
    /// The presence events the driver reports for `agent` until `deadline`.
    static func presences(of agent: String, from driver: AsteriskDriver, until deadline: Date,
                          stopAt wanted: AgentPresence) -> [AgentPresence] {
        var seen: [AgentPresence] = []
        while Date() < deadline, seen.last != wanted {
            for event in driver.events(until: min(deadline, Date().addingTimeInterval(0.2))) {
                if case .agentPresence(agent, let presence) = event.kind { seen.append(presence) }
            }
        }
        return seen
    }

    @Test func theDesksPauseAndReadyPauseAndUnpauseTheQueueMember() throws {
        let lab = try Lab(agents: ["ana", "bao"])
        defer { lab.stop() }
        let configuration = AsteriskConfiguration(
            host: lab.settings["AMI_HOST"] ?? "127.0.0.1", port: UInt16(lab.amiPort) ?? 0,
            username: lab.settings["AMI_USER"] ?? "dialer", secretVariable: "AMI_SECRET",
            channelTemplate: lab.settings["TRUNK_TEMPLATE"] ?? "", queue: "campaign")
        let driver = try AsteriskDriver(configuration: configuration, secret: lab.secret, clock: WallClock(), log: AMILog { _, _ in })
        defer { driver.shutdown() }
        let ready = Date().addingTimeInterval(30)
        var joined: [AgentPresence] = []
        while driver.availability != .available || joined.last != .available, Date() < ready {
            for event in driver.events(until: Date().addingTimeInterval(0.2)) {
                if case .agentPresence("ana", let presence) = event.kind { joined.append(presence) }
            }
        }
        #expect(driver.availability == .available)
        #expect(joined.last == .available, "the queue reports ana as a member")

        try driver.deskPresence(.paused, of: "ana", reason: "lunch")
        let paused = Self.presences(of: "ana", from: driver, until: Date().addingTimeInterval(10), stopAt: .paused)
        #expect(paused.last == .paused, "Asterisk reports the member paused: \(paused)")
        let shown = lab.cli("pbx", "queue show campaign")
        #expect(shown.contains("paused:lunch") || shown.contains("paused: lunch"), "queue show: \(shown)")

        try driver.deskPresence(.available, of: "ana", reason: nil)
        let back = Self.presences(of: "ana", from: driver, until: Date().addingTimeInterval(10), stopAt: .available)
        #expect(back.last == .available, "Asterisk reports the member available again: \(back)")
        #expect(!lab.cli("pbx", "queue show campaign").contains("paused:lunch"))
    }
}
