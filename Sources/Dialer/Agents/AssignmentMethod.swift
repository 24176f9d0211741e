/// How a preview list's contacts are shared among agents.
public enum AssignmentMethod: String, Sendable, Hashable, CaseIterable {
    /// Each contact to the agent named in its list's agent column (`agent column "Owner"`);
    /// a contact whose owner is blank or not an agent of the campaign is shared out balanced.
    case owner
    /// In turn, one contact each.
    case roundRobin = "round-robin"
    /// By expected workload: contacts × the attempts each is expected to take, evened out.
    case balanced
}
