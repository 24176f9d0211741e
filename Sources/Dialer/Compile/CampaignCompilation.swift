import CampaignDSL
public import Foundation

/// Checks a campaign file and compiles it with its lists into a database: the
/// whole of "compile" (parse, check, read lists, normalise, zone, dedupe, scrub
/// against Do-Not-Call, write), as `dialerd` and the benchmarks run it.
public enum CampaignCompilation {
    /// Compiles `file` into the database at `databasePath` (created if missing).
    /// DNC indexes are cached in `cacheDirectory` and reused while their files are unchanged.
    /// A campaign with an `assign` setting has its open contacts without an agent assigned by it.
    public static func compile(file: String, databasePath: String, cacheDirectory: String?, at time: Date) throws -> CompileReport {
        let check = CampaignChecker.check(file: file, environment: DialerEnvironment())
        guard let spec = check.spec, !check.hasErrors else { throw CampaignHasErrors(check: check) }
        let store = try CampaignStore(path: databasePath, now: time)
        let doNotCall = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: cacheDirectory)
        let source = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: doNotCall)
            .compile(sourcePath: file, sourceText: source, at: time)
        if spec.dial.assignment != nil {  // agents: the campaign shares its contacts ahead of time
            _ = try CallAssignments.assignUnassigned(
                store: store, campaign: CompiledCampaign(id: campaign, spec: spec), method: nil, at: time)
        }
        return report
    }
}
