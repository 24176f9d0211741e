package import Foundation
import CampaignDSL

/// A database for `dialer-bench web`: one campaign (`bench`, a list of `contacts` Vietnamese mobile numbers)
/// with an ended call for each of its first thousand contacts, and an admin with a token of every scope.
package enum WebBenchmarkData {
    package static let campaign = "bench"

    /// Writes the list and the database in `folder`; returns the database's path and the API token.
    package static func make(in folder: String, contacts: Int, at time: Date) throws -> (database: String, token: String) {
        var csv = "Name,Phone\n"
        for index in 0..<contacts { csv += "Contact \(index),+8491\(String(format: "%07d", index))\n" }
        try csv.write(toFile: folder + "/bench.csv", atomically: true, encoding: .utf8)
        let database = folder + "/bench.db"
        let store = try CampaignStore(path: database, now: time)
        var spec = CampaignSpec(id: campaign, timeZone: "Asia/Ho_Chi_Minh",
                                lists: [ListSpec(path: folder + "/bench.csv", phoneColumns: ["Phone"], nameColumn: "Name",
                                                 defaultCountry: "VN")],
                                hours: CallingHours(weekly: [:]), dial: DialPlan(mode: .progressive, agents: 10),
                                retry: RetryPolicy(rules: [:]))
        spec.dncPrefixes = ["+84988"]
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (id, _) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: folder + "/bench.campaign", sourceText: campaign, at: time)
        // Calls for the first thousand contacts, so a page of results has rows to read.
        try store.connection.writeTransaction {
            for due in try store.dueJobs(campaign: id, at: time, limit: min(contacts, 1_000)) {
                _ = try store.insertManualAttempt(campaign: id, job: due.job, number: due.number, agent: "a1", at: time)
            }
        }
        let book = AccountBook(store: store, clock: WallClock())
        try book.addUser(name: "bench", role: .admin, agent: nil, teams: [], password: "bench password", iterations: 1_000)
        return (database, try book.createToken(user: "bench", scopes: APIScope.allCases).token)
    }
}
