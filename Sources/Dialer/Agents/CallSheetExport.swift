public import Foundation

/// Writes agents' call sheets (`dialerd agents export`): for each agent a CSV to fill in and import,
/// and a printable HTML page, both in calling order. Open contacts not yet assigned are assigned first
/// (by the list's owner column when it has one, else balanced).
public enum CallSheetExport {
    /// Writes `CAMPAIGN-AGENT.csv` and `CAMPAIGN-AGENT.html` into `outputDirectory` for `agent`, or for
    /// every agent of the campaign; returns the files written, in order.
    public static func export(campaign name: String, agent: String?, outputDirectory: String, databasePath: String,
                              at time: Date) throws -> [String] {
        let (store, campaign) = try AgentsDatabase.open(databasePath, campaign: name, at: time)
        let agents = CampaignRunner.agentIDs(of: campaign.spec)
        if let agent, !agents.contains(agent) {
            throw EnvironmentError("'\(agent)' is not an agent of \(name) (its agents: \(agents.joined(separator: ", ")))")
        }
        _ = try CallAssignments.assignUnassigned(store: store, campaign: campaign, method: nil, at: time)
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw EnvironmentError("cannot create the output folder \(outputDirectory): \(error.localizedDescription)")
        }
        let builder = try CallSheetBuilder(store: store, campaign: campaign)
        let folder = URL(fileURLWithPath: outputDirectory)
        var written: [String] = []
        for agent in agent.map({ [$0] }) ?? agents {
            let sheet = try builder.sheet(for: agent, at: time)
            let base = "\(fileSafe(name))-\(fileSafe(agent))"
            let csv = folder.appendingPathComponent(base + ".csv").path
            try CallSheetCSV.write(sheet, to: csv)
            let html = folder.appendingPathComponent(base + ".html").path
            do {
                try Data(CallSheetHTML.render(sheet).utf8).write(to: URL(fileURLWithPath: html))
            } catch {
                throw EnvironmentError("cannot write \(html): \(error.localizedDescription)")
            }
            written += [csv, html]
        }
        return written
    }

    /// A name made safe as part of a file name: letters, digits, `-` and `_` kept, the rest `_`.
    private static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    }
}
