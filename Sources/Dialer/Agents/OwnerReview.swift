public import CampaignDSL
import Foundation

/// A contact whose list names an owner who is not one of the campaign's agents.
public struct UnknownOwner: Sendable, Hashable {
    /// The name in the owner column.
    public let owner: String
    /// The list and the contact's line in it (the header is line 1).
    public let listPath: String
    public let line: Int
}

/// Finds the contacts a preview campaign would give to their owner when the owner is not
/// on the team: `assign owner` then shares them out among the others, which `check` and
/// `explain` say instead of letting it happen silently.
public enum OwnerReview {
    /// Whether the campaign gives contacts to the agent its lists name (preview with
    /// assigned agents or `assign`, by owner).
    static func goesByOwner(_ spec: CampaignSpec) -> Bool {
        spec.dial.mode == .preview && (spec.dial.assignedAgents || spec.dial.assignment != nil)
            && CallAssignments.defaultMethod(of: spec) == .owner
    }

    /// Reads the campaign's lists (through the compile, into a throw-away in-memory database)
    /// and returns its contacts whose owner is not on the team; none when it does not go by owner.
    public static func unknownOwners(_ spec: CampaignSpec) throws -> [UnknownOwner] {
        guard goesByOwner(spec) else { return [] }
        let store = try CampaignStore(path: ":memory:", now: Date(timeIntervalSince1970: 0))
        let doNotCall = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, _) = try CampaignCompiler(spec: spec, store: store, doNotCall: doNotCall)
            .compile(sourcePath: spec.id, sourceText: "", at: Date(timeIntervalSince1970: 0))
        return try unknownOwners(spec, store: store, campaign: campaign)
    }

    /// The open contacts of a compiled campaign whose owner is not on the team, in list order.
    static func unknownOwners(_ spec: CampaignSpec, store: CampaignStore, campaign: Int64) throws -> [UnknownOwner] {
        guard goesByOwner(spec) else { return [] }
        let agents = Set(CampaignRunner.agentIDs(of: spec))
        return try store.openContacts(campaign: campaign).compactMap { contact -> UnknownOwner? in
            guard let column = CallAssignments.ownerColumn(of: spec, listPosition: contact.listPosition),
                  let owner = contact.field(column)?.trimmingCharacters(in: .whitespaces), !owner.isEmpty,
                  !agents.contains(owner), let list = spec.lists[safe: contact.listPosition] else { return nil }
            return UnknownOwner(owner: owner, listPath: list.path, line: contact.line)
        }.sorted { ($0.listPath, $0.line) < ($1.listPath, $1.line) }
    }

    /// `check`'s warnings: one per owner, at the first line naming it, with the lines that do.
    /// The lists' texts are added to `sources` so the lines can be shown.
    public static func diagnostics(_ owners: [UnknownOwner], spec: CampaignSpec, sources: inout SourceFiles) -> [Diagnostic] {
        let byOwner = Dictionary(grouping: owners, by: \.owner)
        let team = spec.dial.team.map { "team \($0)" } ?? "the campaign's agents"
        let agents = CampaignRunner.agentIDs(of: spec)
        let inListOrder = byOwner.keys.sorted { byOwner[$0]?.first?.line ?? 0 < byOwner[$1]?.first?.line ?? 0 }
        return inListOrder.compactMap { owner -> Diagnostic? in
            guard let rows = byOwner[owner], let first = rows.first else { return nil }
            if sources[first.listPath] == nil, let text = try? String(contentsOfFile: first.listPath, encoding: .utf8) {
                sources.add(SourceFile(path: first.listPath, text: text))
            }
            let offset = sources[first.listPath].map { lineStart(first.line, in: $0.text) } ?? 0
            let lines = rows.prefix(10).map { String($0.line) }.joined(separator: ", ") + (rows.count > 10 ? ", …" : "")
            let who = rows.count == 1 ? "1 contact names" : "\(rows.count) contacts name"
            let fate = rows.count == 1 ? "it is given to another agent" : "they are given to other agents"
            return Diagnostic(
                severity: .warning, id: "owner-not-on-team",
                message: "\(who) the owner '\(owner)', who is not in \(team); \(fate)",
                range: .point(first.listPath, offset),
                notes: [(rows.count == 1 ? "line " : "lines ") + lines],
                hint: Suggestion.hint(for: owner, in: agents) ?? "the agents are " + agents.joined(separator: ", "))
        }
    }

    /// The offset of line `line` (1-based) in `text`.
    private static func lineStart(_ line: Int, in text: String) -> Int {
        guard line > 1 else { return 0 }
        var seen = 1
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == line { return offset + 1 }
        }
        return 0
    }
}
