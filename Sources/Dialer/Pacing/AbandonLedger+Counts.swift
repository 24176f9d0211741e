extension AbandonLedger.Counts {
    /// A false-positive share as the estimate uses it: within 0–0.5 (a detector wrong more often
    /// than not is not one).
    static func usableShare(_ share: Double) -> Double {
        min(max(share, 0), 0.5)
    }

    /// Persons AMD probably hung up on, when it takes `share` of persons for machines: the persons
    /// it let through (connected or abandoned) are the rest.
    func estimatedFalsePositives(share: Double) -> Double {
        let share = Self.usableShare(share)
        return Double(connected + abandoned) * share / (1 - share)
    }

    /// Abandoned and answered persons, with AMD's estimated false positives (and a standard
    /// deviation more) on both sides. A call that found no agent may have been a machine (AMD off
    /// or wrong): abandoned calls count as persons in the share that agents found persons rather
    /// than machines. The engine's ledger steers by this; reports count the Ofcom rate with it.
    func totals(falsePositiveShare share: Double) -> (abandoned: Double, answered: Double) {
        let reached = connected + machinesAtAgents
        let personShare = reached > 0 ? Double(connected) / Double(reached) : 1
        let estimate = estimatedFalsePositives(share: share)
        // The true number of false positives varies around the estimate: allow a standard deviation.
        let falsePositives = estimate + estimate.squareRoot()
        let abandoned = Double(self.abandoned) * personShare + falsePositives
        return (abandoned, Double(connected) + abandoned)
    }
}
