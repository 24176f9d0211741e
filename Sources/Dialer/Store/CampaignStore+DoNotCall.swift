import Foundation

extension CampaignStore {
    /// Puts a number on the internal opt-out list, which every campaign in this database honours.
    /// `source` says who recorded it (an agent's disposition, an SMS reply, an operator).
    func addOptOut(_ e164: String, source: String, at time: Date) throws {
        try connection.run(
            "INSERT OR IGNORE INTO dnc_internal (number, added_at, source) VALUES (?, ?, ?)", [e164, time, source])
    }

    /// Whether a number is on the internal opt-out list.
    func isOptedOut(_ e164: String) throws -> Bool {
        try connection.firstRow("SELECT 1 FROM dnc_internal WHERE number = ?", [e164]) { _ in true } ?? false
    }

    /// Every number on the internal opt-out list.
    func allOptOuts() throws -> Set<String> {
        Set(try connection.rows("SELECT number FROM dnc_internal", []) { $0.string(0) })
    }
}
