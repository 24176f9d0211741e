/// What really happened on the simulated network, including what the engine cannot see
/// (which answers were machines, which persons AMD hung up on).
public struct SimulationTally: Sendable, Hashable {
    /// Answers by a person (whatever AMD made of them).
    public var personsAnswered = 0
    /// Persons bridged to an agent.
    public var personsConnected = 0
    /// Persons who found no agent in time and heard the safe-harbour message.
    public var personsAbandoned = 0
    /// Persons AMD took for machines and hung up on: abandoned calls too.
    public var personsHungUpAsMachines = 0
    /// Machines that reached an agent.
    public var machinesReachingAgents = 0
    /// Machines that found no agent in time (recorded by the engine as abandoned).
    public var machinesAbandoned = 0

    /// Abandoned persons (including AMD's false positives) over persons who answered.
    public var abandonRate: Double {
        personsAnswered > 0 ? Double(personsAbandoned + personsHungUpAsMachines) / Double(personsAnswered) : 0
    }
}
