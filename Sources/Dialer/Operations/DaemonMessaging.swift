public import CampaignDSL
import Foundation

/// Text messages, webhooks and the screen pop from a daemon config: secrets are read from the
/// environment at start-up, so a missing variable stops the command with every one named.
public enum DaemonMessaging {
    /// The configuration the config describes. An `sms` block without a file or URL writes to
    /// `defaultOutbox`, or to `outbox.jsonl` beside the database when that is nil. Secrets come from
    /// `environment`, the process's own when nil. Without `readingSecrets` (`agents import`, which only
    /// plans follow-ups for the daemon to send) no variable is read and secrets stay empty.
    /// - Throws: ``EnvironmentError`` naming every unset variable, or a setting the delivery refuses.
    public static func configuration(_ config: DaemonConfig, defaultOutbox: String? = nil,
                                     environment: [String: String]? = nil,
                                     readingSecrets: Bool = true) throws -> MessagingConfiguration {
        let environment = readingSecrets ? environment ?? ProcessInfo.processInfo.environment : [:]
        var missing: [String] = []
        func headers(_ settings: [HeaderSetting]) -> [HTTPHeader] {
            settings.map { header in
                switch header.value {
                case .text(let text):
                    return HTTPHeader(header.name, text)
                case .secret(let secret, let prefix):
                    guard let value = environment[secret.variable], !value.isEmpty else {
                        missing.append(secret.variable)
                        return HTTPHeader(header.name, "")
                    }
                    return HTTPHeader(header.name, prefix + value)
                }
            }
        }
        let sms = config.sms
        var gateway = GatewayConfiguration(kind: .outboxFile(path: ""))
        switch sms.gateway {
        case .outbox(let path):
            let folder = (config.databasePath as NSString).deletingLastPathComponent
            gateway.kind = .outboxFile(path: path ?? defaultOutbox ?? (folder.isEmpty ? "outbox.jsonl" : folder + "/outbox.jsonl"))
        case .http(let http):
            var configuration = HTTPGatewayConfiguration(url: http.url, method: http.method ?? "POST",
                                                         headers: headers(http.headers),
                                                         honoursIdempotencyKey: http.deduplicates)
            switch http.body {
            case .json(let template)?: configuration.body = .json(template)
            case .form(let fields)?: configuration.body = .form(fields.map { .init($0.name, $0.value) })
            case nil: break
            }
            if let statuses = http.successStatuses { configuration.success.statuses = statuses }
            if let field = http.successField { configuration.success.jsonField = (field.field, field.value) }
            gateway.kind = .http(configuration)
        }
        if let hours = sms.hours { gateway.sendingHours = hours }
        if let rate = sms.ratePerSecond { gateway.ratePerSecond = rate }
        gateway.retry = retry(tries: sms.tries, backoff: sms.backoffSeconds)
        gateway.defaultSender = sms.sender
        gateway.http = options(sms.limits)
        let webhooks = config.webhooks.map { webhook in
            var secret = ""
            if let value = environment[webhook.secret.variable], !value.isEmpty { secret = value } else {
                missing.append(webhook.secret.variable)
            }
            return WebhookConfiguration(
                name: webhook.name, url: webhook.url, secret: secret,
                events: Set((webhook.events ?? ["attempt", "final"]).compactMap(WebhookConfiguration.Event.init(rawValue:))),
                headers: headers(webhook.headers), ratePerSecond: webhook.ratePerSecond,
                retry: retry(tries: webhook.tries, backoff: webhook.backoffSeconds),
                honoursIdempotencyKey: webhook.deduplicates, http: options(webhook.limits))
        }
        guard readingSecrets else {
            return MessagingConfiguration(sms: gateway, webhooks: webhooks, screenPop: config.screenPop)
        }
        guard missing.isEmpty else {
            throw EnvironmentError("the messaging settings name environment variables that are not set: "
                                   + missing.joined(separator: ", "))
        }
        let configuration = MessagingConfiguration(sms: gateway, webhooks: webhooks, screenPop: config.screenPop)
        do {
            try configuration.validate()
        } catch {
            throw EnvironmentError("the messaging settings cannot be used: \(error)")
        }
        return configuration
    }

    /// The client options of one route: the config's limits, the client's defaults for the rest.
    private static func options(_ limits: HTTPLimitSettings) -> HTTPClientOptions {
        var options = HTTPClientOptions()
        if let seconds = limits.connectSeconds { options.connectTimeoutMilliseconds = seconds * 1_000 }
        if let seconds = limits.totalSeconds { options.totalTimeoutMilliseconds = seconds * 1_000 }
        if let bytes = limits.maxResponseBytes { options.maxResponseBytes = bytes }
        return options
    }

    private static func retry(tries: Int?, backoff: ClosedRange<Int>?) -> RetryBackoff {
        var retry = RetryBackoff()
        if let tries { retry.maxTries = tries }
        if let backoff {
            retry.baseSeconds = TimeInterval(backoff.lowerBound)
            retry.capSeconds = TimeInterval(backoff.upperBound)
        }
        return retry
    }
}
