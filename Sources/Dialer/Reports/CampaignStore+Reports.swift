import CampaignDSL
import Foundation

extension CampaignStore {
    /// The spec a campaign was compiled from, as stored with it.
    func compiledSpec(campaign: Int64) throws -> CampaignSpec {
        guard let json = try connection.firstRow("SELECT spec_json FROM campaigns WHERE id = ?", [campaign], { $0.string(0) })
        else { throw EnvironmentError("campaign \(campaign) is not in this database") }
        do {
            return try JSONDecoder().decode(CampaignSpec.self, from: Data(json.utf8))
        } catch {
            throw EnvironmentError("campaign \(campaign)'s stored spec cannot be read by this dialerd; compile it again")
        }
    }

    /// The names of the campaigns in this database, sorted.
    func campaignNames() throws -> [String] {
        try connection.rows("SELECT name FROM campaigns ORDER BY name", []) { $0.string(0) }
    }
}
