import Foundation

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
    /// Persons who answered, and abandoned persons, by hour (hours since 1970).
    public var personsAnsweredByHour: [Int: Int] = [:]
    public var personsAbandonedByHour: [Int: Int] = [:]

    /// Abandoned persons (including AMD's false positives) over persons who answered.
    public var abandonRate: Double {
        personsAnswered > 0 ? Double(personsAbandoned + personsHungUpAsMachines) / Double(personsAnswered) : 0
    }

    /// The highest abandon rate of any clock hour with at least `minimumAnswers` persons answering.
    public func worstHourAbandonRate(minimumAnswers: Int = 1) -> Double {
        personsAnsweredByHour.filter { $0.value >= minimumAnswers }.map { hour, answered in
            Double(personsAbandonedByHour[hour, default: 0]) / Double(answered)
        }.max() ?? 0
    }

    mutating func countAnswer(at time: Date) {
        personsAnswered += 1
        personsAnsweredByHour[Self.hour(of: time), default: 0] += 1
    }

    mutating func countAbandon(at time: Date, hungUpAsMachine: Bool) {
        if hungUpAsMachine { personsHungUpAsMachines += 1 } else { personsAbandoned += 1 }
        personsAbandonedByHour[Self.hour(of: time), default: 0] += 1
    }

    private static func hour(of time: Date) -> Int {
        Int((time.timeIntervalSince1970 / 3600).rounded(.down))
    }
}
