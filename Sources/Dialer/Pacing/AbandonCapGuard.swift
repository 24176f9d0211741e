import Foundation

/// Law 4 as a pacer keeps it: the campaign's abandon rate in its compliance window must not reach
/// the cap, at any moment, so near it predictive dialing slows down and then falls back to one call
/// per free agent.
///
/// The window's room under the cap is the abandoned calls it can still take. A pacer keeps in hand
/// one more abandoned call and those the calls already ringing may bring (their expected number and
/// two standard deviations): a margin that grows with the team, which has more calls in the air,
/// so a small team is not held back by a margin a large one needs, nor a large one let past the cap.
/// As the room beyond that margin shrinks below ``brakeRoom`` abandoned calls the allowed chance is
/// braked towards zero, so the fallback rarely trips. Until a window has about 1 ÷ cap answers
/// (33 under 3 %) a single abandoned call would take it past the cap, so it dials progressively.
struct AbandonCapGuard {
    /// The abandon-rate cap, as a fraction.
    let cap: Double

    /// The room beyond the margin, in abandoned calls, below which the pacer brakes.
    static let brakeRoom = 3.0

    /// Whether the window's rate could reach the cap if dialing went on, with `ringingAbandons` the
    /// abandoned calls the calls ringing are expected to bring.
    func isNearTheCap(_ snapshot: PacingSnapshot, ringingAbandons: Double) -> Bool {
        (snapshot.abandonedInWindow + margin(ringingAbandons)) / (snapshot.answeredInWindow + 1) >= cap
    }

    /// A multiplier of the allowed chance, from 1 down to 0 as the room beyond the margin shrinks below ``brakeRoom``.
    func brake(_ snapshot: PacingSnapshot, ringingAbandons: Double) -> Double {
        let room = cap * (snapshot.answeredInWindow + 1) - snapshot.abandonedInWindow - margin(ringingAbandons)
        return min(1, max(0, room / Self.brakeRoom))
    }

    /// One more abandoned call, and those the calls ringing may bring: their expected number and two standard deviations.
    private func margin(_ ringingAbandons: Double) -> Double {
        1 + ringingAbandons + 2 * ringingAbandons.squareRoot()
    }
}
