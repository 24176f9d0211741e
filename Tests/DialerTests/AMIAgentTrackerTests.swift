@testable import Dialer
import Foundation
import Testing

@Suite struct AMIAgentTrackerTests {
    private static func event(_ name: String, _ fields: KeyValuePairs<String, String>) -> AMIMessage {
        AMICallTrackerTests.event(name, fields)
    }

    private static func status(_ agent: String, _ status: String, paused: String = "0", queue: String = "campaign") -> AMIMessage {
        event("QueueMemberStatus", ["Queue": queue, "MemberName": agent, "Interface": "PJSIP/\(agent)", "Status": status, "Paused": paused])
    }

    @Test func membershipAndPauseBecomePresenceReportedOncePerChange() {
        var tracker = AMIAgentTracker(queue: "campaign")
        var events: [CallEvent.Kind] = []
        for message in [
            Self.event("QueueMemberAdded", ["Queue": "campaign", "MemberName": "an", "Status": "1", "Paused": "0"]),
            Self.status("an", "1"),
            Self.event("QueueMemberPause", ["Queue": "campaign", "MemberName": "an", "Paused": "1", "PausedReason": "lunch"]),
            Self.event("QueueMemberPause", ["Queue": "campaign", "MemberName": "an", "Paused": "0"]),
            Self.status("an", "5"),
            Self.status("binh", "1", queue: "other"),
            Self.event("QueueMemberRemoved", ["Queue": "campaign", "MemberName": "an"]),
        ] {
            events += tracker.handle(message)
        }
        #expect(events == [
            .agentPresence(agent: "an", .available), .agentPresence(agent: "an", .paused),
            .agentPresence(agent: "an", .available), .agentPresence(agent: "an", .loggedOut),
        ])
    }

    @Test func anAgentBusyOnACallDialerDidNotPlaceTakesNoDialerCallUntilFree() {
        var tracker = AMIAgentTracker(queue: nil)
        var events = tracker.handle(Self.status("an", "1"))
        events += tracker.handle(Self.status("an", "2"))
        events += tracker.handle(Self.status("an", "1"))
        #expect(events == [
            .agentPresence(agent: "an", .available), .agentPresence(agent: "an", .busy), .agentPresence(agent: "an", .available),
        ])
    }

    /// An agent who pauses after a call stays in wrap-up until unpaused and free.
    @Test func wrapUpLastsUntilTheMemberIsFreeAndUnpaused() {
        var tracker = AMIAgentTracker(queue: nil)
        var events = tracker.handle(Self.status("an", "1"))
        events += tracker.observe([.connected(7, agent: "an")])
        events += tracker.handle(Self.status("an", "2"))
        events += tracker.observe([.hungUp(7, cause: .normalClearing)])
        #expect(events == [.agentPresence(agent: "an", .available)])
        events = tracker.handle(Self.event("QueueMemberPause", ["Queue": "campaign", "MemberName": "an", "Paused": "1"]))
        events += tracker.handle(Self.status("an", "1", paused: "1"))
        #expect(events.isEmpty)
        events = tracker.handle(Self.event("QueueMemberPause", ["Queue": "campaign", "MemberName": "an", "Paused": "0"]))
        #expect(events == [.agentReady(agent: "an")])
    }

    @Test func anAgentWhoLeavesDuringWrapUpIsReadiedThenLoggedOut() {
        var tracker = AMIAgentTracker(queue: nil)
        _ = tracker.observe([.connected(7, agent: "an")])
        _ = tracker.handle(Self.status("an", "2"))
        _ = tracker.observe([.hungUp(7, cause: .normalClearing)])
        let events = tracker.handle(Self.event("QueueMemberRemoved", ["Queue": "campaign", "MemberName": "an"]))
        #expect(events == [.agentReady(agent: "an"), .agentPresence(agent: "an", .loggedOut)])
    }

    @Test func aFreshListingLogsOutMembersItNoLongerHas() {
        var tracker = AMIAgentTracker(queue: "campaign")
        _ = tracker.roster([
            Self.event("QueueMember", ["Queue": "campaign", "Name": "an", "Location": "PJSIP/an", "Status": "1", "Paused": "0"]),
            Self.event("QueueMember", ["Queue": "campaign", "Name": "binh", "Location": "PJSIP/binh", "Status": "1", "Paused": "1"]),
        ])
        let events = tracker.roster([
            Self.event("QueueParams", ["Queue": "campaign"]),
            Self.event("QueueMember", ["Queue": "campaign", "Name": "binh", "Location": "PJSIP/binh", "Status": "1", "Paused": "0"]),
        ])
        #expect(events == [.agentPresence(agent: "binh", .available), .agentPresence(agent: "an", .loggedOut)])
    }
}
