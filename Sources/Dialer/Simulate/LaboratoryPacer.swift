import Foundation

/// A pacer only a simulation can run, in place of the campaign's own: it is handed what a real
/// dialer cannot know. `dialer-bench pacing --strategy ceiling` measures the model pacer against it.
package enum LaboratoryPacer: Sendable, Hashable {
    /// ``CeilingPacer`` with the scenario's true distributions and a fixed threshold on the chance
    /// that an answered call finds no agent; `lawful`, it keeps law 4 as the model pacer does
    /// (``AbandonCapGuard``: slower, then progressive, near the cap).
    case ceiling(threshold: Double, lawful: Bool)
}
