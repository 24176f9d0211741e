/// A checked campaign: everything the dialer needs to compile and run it.
///
/// A pure value with no I/O. Paths are resolved against the campaign file's
/// folder; times and zones are validated. `CampaignSpec` is what `check`
/// produces and what the `Dialer` module consumes.
public struct CampaignSpec: Sendable, Hashable, Codable {
    /// The campaign's identifier, as written after `campaign`.
    public var id: String
    /// A human title, if given.
    public var title: String?
    /// The campaign's IANA time zone; calling hours are read in it.
    public var timeZone: String
    /// The call lists, in the order written.
    public var lists: [ListSpec]
    /// When calls may be placed, in the campaign's zone.
    public var hours: CallingHours
    /// How calls are placed.
    public var dial: DialPlan
    /// What happens after each kind of unsuccessful call.
    public var retry: RetryPolicy

    public init(
        id: String,
        title: String? = nil,
        timeZone: String,
        lists: [ListSpec],
        hours: CallingHours,
        dial: DialPlan,
        retry: RetryPolicy
    ) {
        self.id = id
        self.title = title
        self.timeZone = timeZone
        self.lists = lists
        self.hours = hours
        self.dial = dial
        self.retry = retry
    }
}

/// One CSV call list and how its columns map to contacts.
public struct ListSpec: Sendable, Hashable, Codable {
    /// The CSV file's path, resolved against the campaign file's folder.
    public var path: String
    /// Header names of the phone columns, tried in this order.
    public var phoneColumns: [String]
    /// Header name of the contact's name column, if any.
    public var nameColumn: String?
    /// ISO 3166-1 alpha-2 country for numbers written without a country code.
    public var defaultCountry: String?

    public init(path: String, phoneColumns: [String], nameColumn: String? = nil, defaultCountry: String? = nil) {
        self.path = path
        self.phoneColumns = phoneColumns
        self.nameColumn = nameColumn
        self.defaultCountry = defaultCountry
    }
}
