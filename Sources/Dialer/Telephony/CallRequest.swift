public import Foundation

/// Identifies one call across the engine, the store and the driver: the attempt's row id.
public typealias CallID = Int64

/// What the engine asks a driver to dial.
public struct CallRequest: Sendable, Hashable {
    /// The attempt this call belongs to; every event of the call carries it.
    public let callID: CallID
    /// The number to dial, in E.164.
    public let number: String
    /// The number shown to the called party, in E.164, if the campaign sets one.
    public let callerID: String?
    /// How long the call may ring before the driver gives up with "no answer".
    public let ringTimeout: TimeInterval
    /// Opaque text the driver attaches to the call (channel variables, logs).
    public let tag: String

    public init(callID: CallID, number: String, callerID: String?, ringTimeout: TimeInterval, tag: String) {
        self.callID = callID
        self.number = number
        self.callerID = callerID
        self.ringTimeout = ringTimeout
        self.tag = tag
    }
}
