public import Foundation
import CampaignDSL

/// The URL an agent's browser opens when a call is answered (a CRM page for the customer), from a
/// template such as `https://crm.example/pop?agent={agent}&number={number}&call={call_id}`.
///
/// Placeholders: `{agent}`, `{hotline}` (the caller id), `{number}` (the customer's E.164 number),
/// `{direction}` (`outbound` or `inbound`), `{answered_at}` (ISO 8601, UTC), `{call_id}`. Every value is
/// percent-encoded, so none can change the URL's structure.
public struct ScreenPopTemplate: Sendable, Hashable {
    /// Which way a call went.
    public enum Direction: String, Sendable, Hashable {
        case outbound, inbound
    }

    /// The placeholders a template may use.
    public static let placeholders = ["agent", "hotline", "number", "direction", "answered_at", "call_id"]

    private let template: MessageTemplate

    /// - Throws: ``MessagingError`` when the template is not an http(s) URL, its braces do not pair up,
    ///   or it names an unknown placeholder.
    public init(_ text: String) throws(MessagingError) {
        if let reason = HTTPURLSyntax.problem(in: text) { throw .invalidURL(setting: "screen-pop", reason: reason) }
        template = try MessageTemplate(text)
        for name in template.placeholders where !Self.placeholders.contains(name) {
            throw .unknownPlaceholder(name, known: Self.placeholders)
        }
    }

    /// The URL for one answered call.
    public func render(agent: String, hotline: String, number: String, direction: Direction, answeredAt: Date,
                       call: Int64) -> String {
        let values = [
            "agent": agent, "hotline": hotline, "number": number, "direction": direction.rawValue,
            "answered_at": answeredAt.formatted(.iso8601), "call_id": String(call),
        ]
        return template.render(values.mapValues(PercentEncoding.escape))
    }
}
