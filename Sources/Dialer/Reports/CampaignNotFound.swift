/// The database holds no campaign by that name.
public struct CampaignNotFound: Error, CustomStringConvertible, Sendable {
    public let name: String
    /// The campaigns the database does hold, by name.
    public let known: [String]

    public var description: String {
        let hint = known.isEmpty ? "the database holds no campaign yet (compile one first)"
            : "it holds: " + known.joined(separator: ", ")
        return "no campaign '\(name)' in this database; \(hint)"
    }
}
