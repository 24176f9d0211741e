import Foundation

/// What a running campaign's worker sees now: whether its telephony can dial and
/// what its agents are doing. Written by the runner when it changes, read by `status`.
struct LiveState: Equatable {
    /// `available`, or `unavailable` with ``telephonyError``.
    var telephony: TelephonyAvailability
    /// Logged in and not paused: ready, or busy (on a call, reserved for one, previewing, wrapping up).
    var agentsLoggedIn: Int
    var agentsReady: Int
    var agentsPaused: Int
}

extension CampaignStore {
    /// Stores the campaign's live state, replacing the last one.
    func writeLiveState(_ state: LiveState, campaign: Int64, at time: Date) throws {
        let error: String? = if case .unavailable(let reason) = state.telephony { reason } else { nil }
        try connection.run(
            """
            INSERT OR REPLACE INTO live_state (campaign_id, telephony, telephony_error, agents_logged_in, agents_ready,
                agents_paused, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [campaign, error == nil ? "available" : "unavailable", error, state.agentsLoggedIn, state.agentsReady,
             state.agentsPaused, time])
    }

    /// The campaign's live state as its worker last wrote it; nil when no worker runs it.
    func liveState(campaign: Int64) throws -> LiveState? {
        try connection.firstRow(
            """
            SELECT telephony_error, agents_logged_in, agents_ready, agents_paused
            FROM live_state WHERE campaign_id = ?
            """, [campaign]) { row in
            LiveState(telephony: row.optionalString(0).map { .unavailable(reason: $0) } ?? .available,
                      agentsLoggedIn: row.int(1), agentsReady: row.int(2), agentsPaused: row.int(3))
        }
    }

    /// Forgets the campaign's live state: its worker stopped.
    func clearLiveState(campaign: Int64) throws {
        try connection.run("DELETE FROM live_state WHERE campaign_id = ?", [campaign])
    }
}
