import Foundation

/// POSTs stored webhook documents, signed, with their idempotency key.
struct WebhookGateway: MessageGateway {
    let configuration: WebhookConfiguration
    let transport: any HTTPTransport

    var honoursIdempotencyKey: Bool { configuration.honoursIdempotencyKey }

    func deliver(_ message: OutboxMessage, at now: Date) async -> DeliveryResult {
        let body = Array(message.entry.body.utf8)
        guard let signature = WebhookSignature.value(secret: configuration.secret, body: body) else {
            return .retryable(status: nil, reason: "libcrypto could not compute the HMAC", retryAfter: nil)
        }
        let headers = configuration.headers + [
            HTTPHeader("Content-Type", "application/json; charset=utf-8"),
            HTTPHeader("Idempotency-Key", message.key),
            HTTPHeader(WebhookSignature.header, signature),
        ]
        let result: Result<HTTPResponse, HTTPError>
        do {
            result = .success(try await transport.send(
                HTTPRequest(method: "POST", url: configuration.url, headers: headers, body: body)))
        } catch {
            result = .failure(error)
        }
        return DeliveryResult.classify(result, now: now) { (200...299).contains($0.status) }
    }
}
