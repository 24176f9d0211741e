public import CampaignDSL
import Foundation

/// What installing a campaign file into the store did.
public enum InstallOutcome: Sendable {
    /// First compile.
    case compiled(CompileReport)
    /// The file changed: merged into the stored campaign.
    case merged(MergeReport)
    /// The file is as compiled.
    case unchanged
    /// The file has errors; the stored version (if any) goes on being dialed.
    case hasErrors(CheckResult)
    /// A list or DNC file could not be read.
    case failed(String)
}

/// Compiles new campaign files into the store and merges changed ones.
struct CampaignInstaller {
    let store: CampaignStore
    let cacheDirectory: String?
    let logger: Logger

    /// Installs `source`: compile when new, merge when changed, nothing when unchanged.
    /// - Throws: ``DatabaseProblem`` when the database is damaged or its disk is full (the
    ///   compile or merge was rolled back): the daemon cannot go on, unlike with a bad list.
    func install(_ source: CampaignSource, at time: Date) throws -> (campaign: String?, outcome: InstallOutcome) {
        guard let spec = source.check.spec, !source.check.hasErrors else {
            logger.error("campaign file has errors; not installed", ["file": source.path,
                         "errors": String(source.check.diagnostics.count { $0.severity == .error })])
            return (nil, .hasErrors(source.check))
        }
        do {
            let stored = try store.storedCampaigns().first { $0.name == spec.id }
            if let stored, stored.sourceHash == source.sourceHash { return (spec.id, .unchanged) }
            // The same file under another spelling (a database from before paths were stored canonically) is the same campaign.
            if let stored, CanonicalPath.of(stored.sourcePath) != CanonicalPath.of(source.path),
               FileManager.default.fileExists(atPath: stored.sourcePath) {
                let message = "campaign '\(spec.id)' is already compiled from \(stored.sourcePath); campaign names must be unique"
                logger.error("campaign not installed", ["file": source.path, "error": message])
                return (spec.id, .failed(message))
            }
            let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: cacheDirectory)
            let compiler = CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            if let stored {
                let report = try compiler.merge(into: stored.id, sourcePath: source.path, sourceText: source.combinedText,
                                                cacheDirectory: cacheDirectory, at: time)
                logger.info("campaign merged", [
                    "campaign": spec.id, "added": String(report.added), "cancelled": String(report.cancelled),
                    "restored": String(report.restored), "blocked": String(report.blocked), "kept": String(report.kept)])
                return (spec.id, .merged(report))
            }
            let (_, report) = try compiler.compile(sourcePath: source.path, sourceText: source.combinedText, at: time)
            logger.info("campaign compiled", [
                "campaign": spec.id, "contacts": String(report.contacts), "dialable": String(report.dialable),
                "invalid": String(report.invalid), "dnc": String(report.doNotCall)])
            for line in report.ignoredDNCLines {
                logger.warning("do-not-call line ignored", [
                    "file": line.list, "line": String(line.line), "reason": line.reason])
            }
            return (spec.id, .compiled(report))
        } catch {
            let error = DatabaseProblem.classify(error, path: store.path, writing: "the campaign \(spec.id)")
            logger.error("campaign not installed", ["campaign": spec.id, "error": "\(error)"])
            if error is DatabaseProblem { throw error }
            return (spec.id, .failed("\(error)"))
        }
    }
}
