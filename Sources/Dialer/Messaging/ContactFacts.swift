/// What follow-ups know of a contact: its number, zone and list fields.
public struct ContactFacts: Sendable, Hashable {
    public var id: Int64
    /// The E.164 number messages go to.
    public var number: String
    /// The contact's IANA zone, if known (else the campaign's is used).
    public var timeZone: String?
    public var name: String?
    /// Values by list header and by field name (`field plan column "Plan"` gives both "Plan" and "plan").
    public var fields: [String: String]

    public init(id: Int64, number: String, timeZone: String? = nil, name: String? = nil, fields: [String: String] = [:]) {
        self.id = id
        self.number = number
        self.timeZone = timeZone
        self.name = name
        self.fields = fields
    }
}
