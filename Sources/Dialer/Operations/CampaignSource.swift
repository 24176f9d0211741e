public import CampaignDSL
import Foundation

/// One campaign file of the campaigns folder, checked: its spec or its
/// diagnostics, and a fingerprint of everything it read (the file and its includes).
public struct CampaignSource: Sendable {
    /// The campaign file.
    public let path: String
    /// What checking it found.
    public let check: CheckResult
    /// The texts read, in path order, as one text (what the fingerprint covers).
    let combinedText: String

    /// The `*.campaign` files directly in `folder`, sorted, each checked and named by its
    /// canonical path (so the lists it names are too).
    public static func scan(folder: String) throws -> [CampaignSource] {
        let folder = CanonicalPath.of(folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw EnvironmentError("cannot read the campaigns folder \(folder): \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".campaign") }.sorted().map { name in
            load(path: (folder as NSString).appendingPathComponent(name))
        }
    }

    /// Checks the campaign file at `path`.
    public static func load(path: String) -> CampaignSource {
        let check = CampaignChecker.check(file: path, environment: DialerEnvironment())
        var combined = check.sources.paths.compactMap { file in
            check.sources[file].map { "\u{1}\($0.path)\u{2}\($0.text)" }
        }.joined()
        if let spec = check.spec {
            for data in spec.lists.map(\.path) + spec.dnc.map(\.path) { combined += "\u{1}" + stamp(of: data) }
        }
        return CampaignSource(path: path, check: check, combinedText: combined)
    }

    /// A data file's path, size and modification time: a changed list or DNC file changes the fingerprint.
    private static func stamp(of path: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path)\u{2}\(size)\u{2}\(modified)"
    }

    /// The fingerprint stored with the compiled campaign.
    var sourceHash: String { SourceHash.fnv1a64(combinedText) }
}
