import Foundation

/// Sends text messages to a generic HTTP gateway.
struct HTTPSMSGateway: MessageGateway {
    let configuration: HTTPGatewayConfiguration
    let transport: any HTTPTransport

    var honoursIdempotencyKey: Bool { configuration.honoursIdempotencyKey }

    func deliver(_ message: OutboxMessage, at now: Date) async -> DeliveryResult {
        let result: Result<HTTPResponse, HTTPError>
        do {
            result = .success(try await transport.send(configuration.request(for: message)))
        } catch {
            result = .failure(error)
        }
        return DeliveryResult.classify(result, now: now, isSuccess: configuration.success.accepts)
    }
}
