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
    /// A longer description, for reports.
    public var description: String?
    /// The number shown to callees (E.164), if set.
    public var callerID: String?
    /// The first and last day the campaign calls, if limited.
    public var dates: DateRange?
    /// The legal profile the campaign is held to (`none` unless named).
    public var compliance: ComplianceProfile
    /// When callees may be called, in their own local time: the campaign's
    /// `callee-hours`, or its profile's; empty for no limit.
    public var calleeHours: [TimeRange]
    /// Do-not-call files; the internal opt-out list always applies as well.
    public var dnc: [DNCList]
    /// Numbers starting with any of these (E.164 prefixes) are never called.
    public var dncPrefixes: [String]
    /// The outcomes agents can choose.
    public var dispositions: [Disposition]
    /// The surveys, by the order written.
    public var surveys: [Survey]
    /// Text messages, if any.
    public var sms: SMSPlan?
    /// Scheduled reports.
    public var reports: [ReportSpec]
    /// The teams the campaign's files define (the dial plan names the one that calls).
    public var teams: [Team]
    /// The language of the campaign's reports, call sheets and summaries, as written with
    /// `language`; nil when the file names none (English). Optional so that specs stored
    /// before `language` existed still read.
    public var language: CampaignLanguage?

    public init(
        id: String,
        title: String? = nil,
        timeZone: String,
        lists: [ListSpec],
        hours: CallingHours,
        dial: DialPlan,
        retry: RetryPolicy,
        description: String? = nil,
        callerID: String? = nil,
        dates: DateRange? = nil,
        compliance: ComplianceProfile = .none,
        calleeHours: [TimeRange] = [],
        dnc: [DNCList] = [],
        dncPrefixes: [String] = [],
        dispositions: [Disposition] = [],
        surveys: [Survey] = [],
        sms: SMSPlan? = nil,
        reports: [ReportSpec] = [],
        teams: [Team] = [],
        language: CampaignLanguage? = nil
    ) {
        self.id = id
        self.title = title
        self.timeZone = timeZone
        self.lists = lists
        self.hours = hours
        self.dial = dial
        self.retry = retry
        self.description = description
        self.callerID = callerID
        self.dates = dates
        self.compliance = compliance
        self.calleeHours = calleeHours
        self.dnc = dnc
        self.dncPrefixes = dncPrefixes
        self.dispositions = dispositions
        self.surveys = surveys
        self.sms = sms
        self.reports = reports
        self.teams = teams
        self.language = language
    }

    /// The team that takes the calls, if the dial plan names one.
    public var dialingTeam: Team? { dial.team.flatMap { name in teams.first { $0.name == name } } }
}

/// The first and last day of a campaign, both included.
public struct DateRange: Sendable, Hashable, Codable {
    public var first: LocalDate
    public var last: LocalDate

    public init(first: LocalDate, last: LocalDate) {
        self.first = first
        self.last = last
    }

    public func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }
}

/// One call list (a CSV file or an Excel workbook) and how its columns map to contacts.
public struct ListSpec: Sendable, Hashable, Codable {
    /// The file's path, resolved against the campaign file's folder.
    public var path: String
    /// Header names of the phone columns, tried in this order.
    public var phoneColumns: [String]
    /// Header name of the contact's name column, if any.
    public var nameColumn: String?
    /// ISO 3166-1 alpha-2 country for numbers written without a country code.
    public var defaultCountry: String?
    /// Header of a column holding each contact's country (tried before `defaultCountry`).
    public var countryColumn: String?
    /// Header of a column holding each contact's IANA time zone.
    public var timeZoneColumn: String?
    /// Header of a column naming the agent a contact is assigned to.
    public var agentColumn: String?
    /// Header of a column holding each contact's priority (a whole number; higher is called first).
    public var priorityColumn: String?
    /// Extra columns, kept with each contact for templates and reports.
    public var fields: [ListField]
    /// The field delimiter, when not a comma.
    public var delimiter: UInt8?
    /// The text encoding, when not UTF-8.
    public var encoding: TextEncodingName?
    /// The sheet of an Excel workbook to read, when not the first.
    public var sheet: String?
    /// Only rows this filter keeps are called.
    public var filter: RowFilter?
    /// Kinds of number that cost the caller (or the callee) and are called anyway; the others are refused.
    /// Nil (older compiled campaigns) reads as none.
    public var allowedCostlyKinds: [CostlyNumberKind]?

    public init(
        path: String, phoneColumns: [String], nameColumn: String? = nil, defaultCountry: String? = nil,
        countryColumn: String? = nil, timeZoneColumn: String? = nil, agentColumn: String? = nil,
        priorityColumn: String? = nil, fields: [ListField] = [], delimiter: UInt8? = nil,
        encoding: TextEncodingName? = nil, sheet: String? = nil, filter: RowFilter? = nil,
        allowedCostlyKinds: [CostlyNumberKind]? = nil
    ) {
        self.path = path
        self.phoneColumns = phoneColumns
        self.nameColumn = nameColumn
        self.defaultCountry = defaultCountry
        self.countryColumn = countryColumn
        self.timeZoneColumn = timeZoneColumn
        self.agentColumn = agentColumn
        self.priorityColumn = priorityColumn
        self.fields = fields
        self.delimiter = delimiter
        self.encoding = encoding
        self.sheet = sheet
        self.filter = filter
        self.allowedCostlyKinds = allowedCostlyKinds
    }
}

/// Kinds of number a list refuses unless it says `allow …`: calling them costs money beyond a normal call.
public enum CostlyNumberKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Premium rate: the caller pays a surcharge to the number's owner.
    case premium
    /// Toll-free: the callee pays for the call, and such numbers are a company's lines, not a person's.
    case tollFree = "toll-free"
    /// Shared cost: the caller pays part of a surcharged call.
    case sharedCost = "shared-cost"
}
