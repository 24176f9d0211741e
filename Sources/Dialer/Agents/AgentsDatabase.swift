import Foundation

/// Opens an existing database and one of its campaigns, for the `agents` commands.
enum AgentsDatabase {
    static func open(_ path: String, campaign name: String, at time: Date) throws -> (CampaignStore, CompiledCampaign) {
        let store = try open(path, at: time)
        guard let campaign = try store.compiledCampaign(named: name) else {
            throw EnvironmentError("\(path) has no campaign '\(name)' (compile it first)")
        }
        return (store, campaign)
    }

    /// The database at `path`, which must exist (these commands never create one).
    static func open(_ path: String, at time: Date) throws -> CampaignStore {
        guard FileManager.default.fileExists(atPath: path) else {
            throw EnvironmentError("no database at \(path) (name one with --db)")
        }
        return try CampaignStore(path: path, now: time)
    }
}
