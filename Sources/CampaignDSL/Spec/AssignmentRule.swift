/// How a preview campaign shares its contacts among its agents ahead of time
/// (`assign …` in its dial block; `dialerd agents assign --by` overrides it).
public enum AssignmentRule: Sendable, Hashable, Codable {
    /// Each contact to the agent named in `column` of its list, or in the list's own
    /// `agent column` when nil; a blank or unknown owner is shared out balanced.
    case owner(column: String?)
    /// The agents in turn, one contact each.
    case roundRobin
    /// By expected workload (contacts × the attempts each is expected to take), evened out.
    case balanced

    /// The words `assign` takes.
    public static let methods = ["owner", "round-robin", "balanced"]
}
