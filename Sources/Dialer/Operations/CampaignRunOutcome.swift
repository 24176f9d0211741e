public import Foundation

/// What one campaign did during `dialerd run` (or one stretch of `serve`).
public struct CampaignRunOutcome: Sendable {
    /// Why the campaign dialed or did not.
    public enum State: Sendable, Equatable {
        /// It dialed (until its window closed, it was done, the time ran out or a stop).
        case dialed
        /// Its hours are closed now; the next window opens then (nil: the campaign's dates are over).
        case closed(nextWindow: Date?)
        /// An operator paused it.
        case paused
        /// Every contact is final.
        case finished
        /// It could not run; the message says why.
        case failed(String)
        /// It could not dial: its telephony stayed unavailable (the last error); nothing was dialed
        /// meanwhile and no attempt was recorded for a call that was not placed.
        case telephonyUnavailable(String)
    }

    public let campaign: String
    public let state: State
    /// Calls placed in this run.
    public let placed: Int
    /// Attempts a previous process left in flight: followed to their end where the telephony still has
    /// them (Asterisk), else ended as `unknown`.
    public let reconciled: Int
    /// The campaign's totals after the run (nil when it failed before reading them).
    public let summary: CampaignSummary?
    /// Set when it failed because the database is damaged or its disk is full: no campaign can go on.
    var databaseProblem: DatabaseProblem? = nil
}
