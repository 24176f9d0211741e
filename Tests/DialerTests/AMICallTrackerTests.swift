@testable import Dialer
import Foundation
import Testing

/// How the driver reads calls it placed with `ChannelId` = call key, as a PJSIP trunk reports them.
@Suite struct AMICallTrackerTests {
    static func event(_ name: String, _ fields: KeyValuePairs<String, String>) -> AMIMessage {
        AMIMessage([("Event", name)] + fields.map { ($0.key, $0.value) })
    }

    private static func tracker(amd: Bool = true, calls: ClosedRange<Int> = 1...1) -> AMICallTracker {
        var tracker = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: amd)
        for id in calls { tracker.track(CallID(id), key: "dialer-\(id)", actionID: "dialer-\(id)") }
        return tracker
    }

    private static func feed(_ tracker: inout AMICallTracker, _ messages: [AMIMessage]) -> [CallEvent.Kind] {
        messages.flatMap { tracker.handle($0) }
    }

    private static func answered(_ key: String = "dialer-1") -> AMIMessage {
        event("OriginateResponse", ["ActionID": key, "Response": "Success", "Reason": "4", "Uniqueid": key])
    }

    @Test func aMachineVerdictIsReportedAsTheAnsweringPartyThenTheHangUp() {
        var tracker = Self.tracker()
        let events = Self.feed(&tracker, [
            Self.event("Newstate", ["Uniqueid": "dialer-1", "ChannelState": "5"]),
            Self.answered(),
            Self.event("UserEvent", ["UserEvent": "DialerAMD", "Uniqueid": "dialer-1", "AMDStatus": "MACHINE", "AMDCause": "LONGGREETING-1500-1500"]),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        // The pick-up ends the ring; AMD's time runs from it to the verdict.
        #expect(events == [.ringing(1), .detecting(1), .amdVerdict(1, "machine"), .answered(1, party: .machine),
                           .hungUp(1, cause: .normalClearing)])
    }

    @Test func theVerdictCanAlsoComeFromTheAMDSTATUSVariable() {
        var tracker = Self.tracker()
        let events = Self.feed(&tracker, [
            Self.answered(),
            Self.event("VarSet", ["Uniqueid": "dialer-1", "Variable": "AMDSTATUS", "Value": ""]),
            Self.event("VarSet", ["Uniqueid": "dialer-1", "Variable": "AMDSTATUS", "Value": "MACHINE"]),
            Self.event("VarSet", ["Uniqueid": "dialer-1", "Variable": "AMDSTATUS", "Value": "HUMAN"]),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        #expect(events == [.detecting(1), .amdVerdict(1, "machine"), .answered(1, party: .machine), .hungUp(1, cause: .normalClearing)],
                "the first verdict decides; later ones change nothing")
    }

    @Test func aPersonNoAgentTookIsAnsweredThenHungUpWithoutAConnection() {
        var tracker = Self.tracker()
        let events = Self.feed(&tracker, [
            Self.answered(),
            Self.event("UserEvent", ["UserEvent": "DialerAMD", "Uniqueid": "dialer-1", "AMDStatus": "HUMAN"]),
            Self.event("QueueCallerAbandon", ["Uniqueid": "dialer-1", "Queue": "campaign"]),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        #expect(events == [.detecting(1), .amdVerdict(1, "human"), .answered(1, party: .person), .hungUp(1, cause: .normalClearing)])
    }

    @Test func theVerdictMayComeBeforeTheOriginateResponse() {
        var tracker = Self.tracker()
        let events = Self.feed(&tracker, [
            Self.event("UserEvent", ["UserEvent": "DialerAMD", "Uniqueid": "dialer-1", "AMDStatus": "NOTSURE"]),
            Self.event("AgentConnect", ["Uniqueid": "dialer-1", "Queue": "campaign", "MemberName": "an"]),
            Self.answered(),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        #expect(events == [.amdVerdict(1, "notsure"), .answered(1, party: .person), .connected(1, agent: "an"),
                           .hungUp(1, cause: .normalClearing)], "NOTSURE goes to an agent, and is kept as said")
    }

    @Test func theRecordingVariableGivesTheCallsRecordingOnce() {
        var tracker = AMICallTracker(callVariable: "DIALER_CALL", reportsAMD: false, recordingVariable: "MIXMONITOR_FILENAME")
        tracker.track(1, key: "dialer-1", actionID: "dialer-1")
        tracker.track(2, key: "dialer-2", actionID: "dialer-2")
        let file = "/var/spool/asterisk/monitor/dialer-1.wav"
        let events = Self.feed(&tracker, [
            Self.answered(),
            Self.event("VarSet", ["Uniqueid": "dialer-1", "Variable": "MIXMONITOR_FILENAME", "Value": file]),
            Self.event("VarSet", ["Uniqueid": "dialer-1", "Variable": "MIXMONITOR_FILENAME", "Value": file]),
            Self.event("VarSet", ["Uniqueid": "dialer-9", "Variable": "MIXMONITOR_FILENAME", "Value": "/other.wav"]),
            Self.event("VarSet", ["Uniqueid": "dialer-2", "Variable": "OTHER", "Value": "/x.wav"]),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        #expect(events == [.answered(1, party: .person), .recording(1, file), .hungUp(1, cause: .normalClearing)])
    }

    @Test func aHangUpBeforeTheOriginateResponseIsKeptUntilTheResponseSaysHow() {
        var tracker = Self.tracker(amd: false)
        let events = Self.feed(&tracker, [
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
            Self.answered(),
        ])
        #expect(events == [.answered(1, party: .person), .hungUp(1, cause: .normalClearing)])
    }

    @Test(arguments: [
        ("8", "34", HangupCause.noCircuitAvailable), ("8", "0", .noCircuitAvailable), ("5", "0", .userBusy),
        ("3", "0", .noAnswer), ("3", "18", .noUserResponse), ("1", "21", .callRejected), ("0", "1", .unallocatedNumber),
        ("0", "0", .temporaryFailure), ("0", "28", .invalidNumberFormat),
    ])
    func failedOriginationsEndWithTheReasonRefinedByTheCause(reason: String, cause: String, expected: HangupCause) {
        var tracker = Self.tracker()
        let events = Self.feed(&tracker, [
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": cause]),
            Self.event("OriginateResponse", ["ActionID": "dialer-1", "Response": "Failure", "Reason": reason, "Uniqueid": "<unknown>"]),
        ])
        #expect(events == [.hungUp(1, cause: expected)])
        #expect(tracker.callsInProgress == 0)
    }

    @Test func anOriginateAsteriskRefusesFailsAtOnce() {
        var tracker = Self.tracker()
        let events = tracker.handle(AMIMessage([("Response", "Error"), ("ActionID", "dialer-1"), ("Message", "Originate failed")]))
        #expect(events == [.hungUp(1, cause: .noCircuitAvailable)])
    }

    @Test func eventsOfOtherChannelsAndLateEventsAreIgnored() {
        var tracker = Self.tracker(amd: false)
        var events = Self.feed(&tracker, [
            Self.answered(),
            Self.event("Hangup", ["Uniqueid": "1795285834.24", "Linkedid": "dialer-1", "Cause": "16"]),
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
        ])
        events += Self.feed(&tracker, [
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "16"]),
            Self.event("AgentComplete", ["Uniqueid": "dialer-1", "MemberName": "an"]),
        ])
        #expect(events == [.answered(1, party: .person), .hungUp(1, cause: .normalClearing)])
    }

    /// After a reconnect no `OriginateResponse` comes: the calls Asterisk still has are
    /// followed by their channel's events; the others end, unknown unless an agent had them.
    @Test func orphansAreSettledFromAsterisksLiveChannels() {
        var tracker = Self.tracker(amd: false, calls: 1...5)
        _ = Self.feed(&tracker, [
            Self.answered("dialer-3"),
            Self.event("AgentConnect", ["Uniqueid": "dialer-3", "MemberName": "an"]),
        ])
        tracker.connectionLost()
        #expect(tracker.hasOrphans)
        let live = [
            AMIMessage([("Event", "CoreShowChannel"), ("Uniqueid", "dialer-1"), ("ChannelState", "5"), ("BridgeId", "")]),
            AMIMessage([("Event", "CoreShowChannel"), ("Uniqueid", "dialer-2"), ("ChannelState", "6"), ("BridgeId", "")]),
            AMIMessage([("Event", "CoreShowChannel"), ("Uniqueid", "dialer-5"), ("ChannelState", "6"), ("BridgeId", "b-1"),
                        ("Channel", "PJSIP/trunk-0000002a")]),
            AMIMessage([("Event", "CoreShowChannel"), ("Uniqueid", "1795.9"), ("ChannelState", "6"), ("BridgeId", "b-1"),
                        ("Channel", "PJSIP/binh-0000002b")]),
        ]
        let settled = tracker.reconcile(liveChannels: live) { $0 == "PJSIP/binh" ? "binh" : nil }
        #expect(settled == [
            .answered(2, party: .person), .hungUp(3, cause: .normalClearing), .hungUp(4, cause: .outcomeUnknown),
            .answered(5, party: .person), .connected(5, agent: "binh"),
        ])
        let later = Self.feed(&tracker, [
            Self.event("Hangup", ["Uniqueid": "dialer-1", "Cause": "17"]),
            Self.event("Hangup", ["Uniqueid": "dialer-2", "Cause": "16"]),
            Self.event("Hangup", ["Uniqueid": "dialer-5", "Cause": "16"]),
        ])
        #expect(later == [.hungUp(1, cause: .userBusy), .hungUp(2, cause: .normalClearing), .hungUp(5, cause: .normalClearing)])
        #expect(tracker.callsInProgress == 0)
    }

    @Test func theChannelToHangUpIsTheNameAsteriskGaveIt() {
        var tracker = Self.tracker()
        #expect(tracker.channel(of: 1) == "dialer-1")
        _ = tracker.handle(Self.event("Newchannel", ["Channel": "PJSIP/trunk-00000007", "Uniqueid": "dialer-1"]))
        #expect(tracker.channel(of: 1) == "PJSIP/trunk-00000007")
        #expect(tracker.channel(of: 2) == nil)
    }

    @Test func originateCarriesTheChannelIdVariablesAndRingTimeout() throws {
        let configuration = AsteriskConfiguration(
            host: "pbx", username: "dialer", secretVariable: "AMI_SECRET", channelTemplate: "PJSIP/{number}@trunk",
            callerIDName: "Renewals", defaultCallerID: "+842873001234")
        let request = CallRequest(callID: 42, number: "+84912345678", callerID: nil, ringTimeout: 25,
                                  tag: "campaign=spring job=7 attempt=42")
        let message = try AMIAction.originate(request, key: "dialer-42", actionID: "dialer-42", configuration: configuration)
        let text = String(decoding: message.encoded, as: UTF8.self)
        #expect(text == """
            Action: Originate\r
            ActionID: dialer-42\r
            Channel: PJSIP/+84912345678@trunk\r
            Context: dialer-connect\r
            Exten: s\r
            Priority: 1\r
            Timeout: 25000\r
            Async: true\r
            ChannelId: dialer-42\r
            CallerID: "Renewals" <+842873001234>\r
            Variable: DIALER_CALL=dialer-42\r
            Variable: DIALER_CAMPAIGN=spring\r
            Variable: DIALER_JOB=7\r
            Variable: DIALER_ATTEMPT=42\r
            \r

            """)
    }

    @Test(arguments: ["", "+", "0912 345", "+8491\r\nAction: Hangup", "12345678901234567890123", "+84a"])
    func aNumberThatIsNotDigitsIsRefusedWithoutRepeatingIt(number: String) {
        let configuration = AsteriskConfiguration(host: "pbx", username: "u", secretVariable: "S", channelTemplate: "PJSIP/{number}@t")
        let request = CallRequest(callID: 9, number: number, callerID: nil, ringTimeout: 20, tag: "")
        #expect {
            try AMIAction.originate(request, key: "dialer-9", actionID: "dialer-9", configuration: configuration)
        } throws: { error in
            let text = "\(error)"
            return text.contains("attempt 9") && (number.count < 3 || !text.contains(number))
        }
    }

    @Test func tagTextWithoutKeysTravelsWholeWithoutCommasOrLineBreaks() {
        let variables = AMIAction.tagVariables("job=7 renewals, wave\n2")
        #expect(variables.map(\.0) == ["DIALER_JOB", "DIALER_TAG"])
        #expect(variables.map(\.1) == ["7", "renewals  wave2"])
    }
}
