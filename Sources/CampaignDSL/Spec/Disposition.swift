/// An outcome an agent can choose at the end of a call.
public struct Disposition: Sendable, Hashable, Codable {
    /// What the choice means to the dialer.
    public enum Flag: String, Sendable, Hashable, Codable, CaseIterable {
        /// The call reached its goal (counted as a success in reports).
        case success
        /// The contact asked to be called back; the agent picks the time.
        case callback
        /// The contact asked never to be called again: the number joins the internal opt-out list.
        case doNotCall = "do-not-call"
        /// The contact is not called again in this campaign.
        case final
    }

    public var id: String
    /// The text agents see.
    public var label: String?
    public var flags: Set<Flag>

    public init(id: String, label: String? = nil, flags: Set<Flag> = []) {
        self.id = id
        self.label = label
        self.flags = flags
    }
}
