/// Why a call ended, as an ITU-T Q.850 cause code (the code Asterisk and SIP gateways report).
public struct HangupCause: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The Q.850 cause value.
    public let code: Int

    public init(code: Int) { self.code = code }

    public static let unallocatedNumber = HangupCause(code: 1)
    public static let normalClearing = HangupCause(code: 16)
    public static let userBusy = HangupCause(code: 17)
    public static let noUserResponse = HangupCause(code: 18)
    public static let noAnswer = HangupCause(code: 19)
    public static let callRejected = HangupCause(code: 21)
    public static let invalidNumberFormat = HangupCause(code: 28)
    public static let noCircuitAvailable = HangupCause(code: 34)
    public static let temporaryFailure = HangupCause(code: 41)
    /// Not a Q.850 value: the driver lost sight of the call (its link to the
    /// backend broke, and the backend no longer knew the call when it came back),
    /// so how the call ended is unknown. The engine records the outcome `unknown`,
    /// which counts against the limits like a no-answer, and never re-dials blindly.
    public static let outcomeUnknown = HangupCause(code: -1)

    public var description: String {
        switch code {
        case 1: "unallocated number"
        case 16: "normal clearing"
        case 17: "user busy"
        case 18: "no user response"
        case 19: "no answer"
        case 21: "call rejected"
        case 28: "invalid number format"
        case 34: "no circuit available"
        case 41: "temporary failure"
        case -1: "outcome unknown"
        default: "cause \(code)"
        }
    }
}
