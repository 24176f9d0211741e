public import CampaignDSL
public import Foundation

/// What `dialerd simulate` was asked to do.
public struct SimulationRequest: Sendable {
    /// The campaign file.
    public var campaignPath: String
    /// Where results.csv, summary.json (and rejects.csv) are written; created if missing.
    public var outputDirectory: String
    /// The database to create; nil for `simulation.db` in the output folder (replaced each run).
    public var databasePath: String?
    /// The first day to call, in the campaign's zone; nil for today.
    public var start: LocalDate?
    /// The simulated population.
    public var parameters: SimulationParameters
    /// How much virtual time to dial for, from the first calling window; nil to run until every job is final.
    public var duration: TimeInterval?
    /// Where text messages and webhooks go; nil for `outbox.jsonl` in the output folder and no webhooks.
    public var messaging: MessagingConfiguration?
    /// A laboratory pacer in place of the campaign's (the pacing benchmark's ceiling); nil for the campaign's own.
    package var laboratoryPacer: LaboratoryPacer?

    public init(campaignPath: String, outputDirectory: String, databasePath: String? = nil,
                start: LocalDate? = nil, parameters: SimulationParameters = SimulationParameters(),
                duration: TimeInterval? = nil, messaging: MessagingConfiguration? = nil) {
        self.campaignPath = campaignPath
        self.outputDirectory = outputDirectory
        self.databasePath = databasePath
        self.start = start
        self.parameters = parameters
        self.duration = duration
        self.messaging = messaging
    }
}

/// What a simulation produced.
public struct SimulationResult: Sendable {
    public let summary: CampaignSummary
    public let compile: CompileReport
    /// The files written, in the order written.
    public let files: [String]
    public let databasePath: String
    /// What really happened on the simulated network, including what the engine could not see.
    public let network: SimulationTally
}
