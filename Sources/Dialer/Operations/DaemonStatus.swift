/// What `dialerd status` shows: the lease and, per campaign, where it stands and
/// why contacts are not being dialed.
public struct DaemonStatus: Sendable, Codable {
    public var database: String
    /// The daemon clock's reading, ISO 8601.
    public var now: String
    /// The process holding the database, if any.
    public var lease: LeaseStatus?
    public var campaigns: [CampaignStatus]
}

/// Who holds the database's lease.
public struct LeaseStatus: Sendable, Codable {
    public var holder: String
    public var heartbeat: String
    public var expires: String
    /// Whether the lease is still in force (false: its holder stopped without releasing it).
    public var live: Bool
}

/// One campaign's state.
public struct CampaignStatus: Sendable, Codable {
    public var campaign: String
    public var paused: Bool
    public var timeZone: String
    public var contacts: Int
    /// Contacts whose job is final.
    public var done: Int
    /// Jobs by state (pending, dialing, completed, exhausted, …).
    public var jobs: [String: Int]
    /// Pending contacts that the laws allow to be dialed right now.
    public var dueNow: Int
    /// Whether the campaign's hours are open now.
    public var open: Bool
    /// When the next window opens (ISO 8601 in the campaign's zone), or the open window's end when open; nil when its dates are over.
    public var nextWindow: String?
    public var callsInFlight: Int
    /// Agents the campaign dials for (0 for agentless): its team, or the agents it names.
    public var agents: Int
    /// While a dialerd dials the campaign: whether its telephony can place calls
    /// (`available`, `unavailable`) and, when it cannot, the last error.
    public var telephony: String?
    public var telephonyError: String?
    /// While a dialerd dials the campaign: its agents as the telephony reports them.
    public var liveAgents: LiveAgents?
    public var attempts: Int
    public var answered: Int
    public var abandoned: Int
    /// Abandoned over answered by a person.
    public var abandonRate: Double
    /// The cap on the abandon rate (a fraction), when the campaign or its profile sets one.
    public var abandonCap: Double?
    /// Why contacts are not being dialed, counted by reason.
    public var notDialed: [String: Int]

    enum CodingKeys: String, CodingKey {
        case campaign, paused, contacts, done, jobs, open, agents, attempts, answered, abandoned
        case timeZone = "time_zone"
        case dueNow = "due_now"
        case nextWindow = "next_window"
        case callsInFlight = "calls_in_flight"
        case abandonRate = "abandon_rate"
        case abandonCap = "abandon_cap"
        case notDialed = "not_dialed"
        case telephony
        case telephonyError = "telephony_error"
        case liveAgents = "live_agents"
    }
}

/// A running campaign's agents, as its telephony reports them.
public struct LiveAgents: Sendable, Codable {
    /// Logged in and not paused: ready, or busy on a call, a preview or wrap-up.
    public var loggedIn: Int
    public var ready: Int
    public var busy: Int
    /// Paused: they take no call and their time is not logged-in time.
    public var paused: Int

    enum CodingKeys: String, CodingKey {
        case ready, busy, paused
        case loggedIn = "logged_in"
    }
}
