/// The legal limits a campaign is held to, named after the rules they come from.
///
/// A profile sets defaults (ring time, callee hours, abandon cap) and limits;
/// a campaign that goes beyond its profile's limits does not check.
public struct ComplianceProfile: Sendable, Hashable, Codable {
    /// `us-tsr`, `uk-ofcom`, `vn-decree-91`, `none`, or the name of a house profile
    /// (`profile NAME { based-on … }`).
    public var name: String
    /// The highest abandon rate allowed, in percent of calls answered by a person.
    public var maxAbandonPercent: Double?
    /// The period the abandon rate is measured over, in days (30 for the TSR, 1 for Ofcom).
    public var abandonWindowDays: Int?
    /// Whether answering-machine detection's false positives count as abandoned calls.
    public var countsMachineFalsePositives: Bool
    /// Seconds within which an answered call must reach an agent, or it is abandoned.
    public var connectSeconds: Int?
    /// The shortest ring time allowed, in seconds.
    public var minRingSeconds: Int?
    /// When callees may be called, in their own local time.
    public var calleeHours: [TimeRange]
    /// How long a number may not be called again after an abandoned call, in seconds.
    public var lockoutAfterAbandonSeconds: Int?
    /// The most calls to one number in any 24 hours.
    public var maxCallsPer24Hours: Int?
    /// Whether the campaign must scrub against a copy of the national do-not-call register.
    public var requiresNationalDNC: Bool
    /// The rule texts, for messages and reports.
    public var rule: String

    public init(
        name: String, maxAbandonPercent: Double? = nil, abandonWindowDays: Int? = nil,
        countsMachineFalsePositives: Bool = false, connectSeconds: Int? = nil, minRingSeconds: Int? = nil,
        calleeHours: [TimeRange] = [], lockoutAfterAbandonSeconds: Int? = nil, maxCallsPer24Hours: Int? = nil,
        requiresNationalDNC: Bool = false, rule: String = ""
    ) {
        self.name = name
        self.maxAbandonPercent = maxAbandonPercent
        self.abandonWindowDays = abandonWindowDays
        self.countsMachineFalsePositives = countsMachineFalsePositives
        self.connectSeconds = connectSeconds
        self.minRingSeconds = minRingSeconds
        self.calleeHours = calleeHours
        self.lockoutAfterAbandonSeconds = lockoutAfterAbandonSeconds
        self.maxCallsPer24Hours = maxCallsPer24Hours
        self.requiresNationalDNC = requiresNationalDNC
        self.rule = rule
    }

    private static func hours(_ start: Int, _ end: Int) -> [TimeRange] {
        [TimeRange(start: TimeOfDay(hour: start, minute: 0), end: TimeOfDay(hour: end, minute: 0))]
    }

    /// US telemarketing: FTC TSR 16 CFR 310.4 and FCC 47 CFR 64.1200.
    public static let usTSR = ComplianceProfile(
        name: "us-tsr", maxAbandonPercent: 3, abandonWindowDays: 30, connectSeconds: 2, minRingSeconds: 15,
        calleeHours: hours(8, 21), requiresNationalDNC: false, rule: "FTC TSR 16 CFR 310.4")

    /// UK: Ofcom's persistent-misuse policy.
    public static let ukOfcom = ComplianceProfile(
        name: "uk-ofcom", maxAbandonPercent: 3, abandonWindowDays: 1, countsMachineFalsePositives: true,
        connectSeconds: 2, minRingSeconds: 15, lockoutAfterAbandonSeconds: 72 * 3_600,
        rule: "Ofcom persistent-misuse policy")

    /// Vietnam: Decree 91/2020/ND-CP on spam calls and messages.
    public static let vnDecree91 = ComplianceProfile(
        name: "vn-decree-91", calleeHours: hours(8, 17), maxCallsPer24Hours: 1, requiresNationalDNC: true,
        rule: "Decree 91/2020/ND-CP")

    /// No legal profile: only the campaign's own settings apply.
    public static let none = ComplianceProfile(name: "none")

    /// Every built-in profile, by name.
    public static let builtIn: [String: ComplianceProfile] = [
        usTSR.name: usTSR, ukOfcom.name: ukOfcom, vnDecree91.name: vnDecree91, none.name: none,
    ]
}
