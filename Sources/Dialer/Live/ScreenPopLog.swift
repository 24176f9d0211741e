import CampaignDSL
import Foundation

/// Logs each agent's screen pop (the CRM page configured as `screen-pop`) as the campaign's calls
/// are put through: a follower of the event stream, like the desk and the wallboard.
final class ScreenPopLog {
    private let hub: LiveEventHub
    private let token: UUID

    init(template: ScreenPopTemplate, spec: CampaignSpec, logger: Logger, hub: LiveEventHub) {
        self.hub = hub
        let campaign = spec.id
        let hotline = spec.callerID ?? ""
        token = hub.observe { event in
            guard event.campaign == campaign,
                  case .callConnected(let call, let agent, _, let number, let answeredAt) = event.kind else { return }
            logger.info("screen pop", [
                "campaign": campaign, "agent": agent, "call": String(call),
                "url": template.render(agent: agent, hotline: hotline, number: logger.phone(number), direction: .outbound,
                                       answeredAt: answeredAt, call: call),
            ])
        }
    }

    /// Stops logging.
    func stop() {
        hub.stopObserving(token)
    }
}
