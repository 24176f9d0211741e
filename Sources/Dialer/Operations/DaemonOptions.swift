public import CampaignDSL
public import Foundation

/// How `dialerd run` or `dialerd serve` was asked to work.
public struct DaemonOptions: Sendable {
    /// The config (file or defaults), with command-line overrides applied.
    public var config: DaemonConfig
    /// `run --for`: dial at most this long (in the daemon's clock) before exiting.
    public var duration: TimeInterval?

    public init(config: DaemonConfig, duration: TimeInterval? = nil) {
        self.config = config
        self.duration = duration
    }
}

/// What `dialerd run` did: the campaign files installed and each campaign's run.
public struct DaemonRunReport: Sendable {
    /// Each campaign file and what installing it did.
    public let installs: [(path: String, outcome: InstallOutcome)]
    /// Each campaign of the folder, by name.
    public let campaigns: [CampaignRunOutcome]
}
