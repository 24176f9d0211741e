import Foundation

/// Sends text messages to a generic HTTP gateway.
struct HTTPSMSGateway: MessageGateway {
    let configuration: HTTPGatewayConfiguration
    let transport: any HTTPTransport
    let clock: any Clock

    var honoursIdempotencyKey: Bool { configuration.honoursIdempotencyKey }

    nonisolated(nonsending) func deliver(_ message: OutboxMessage) async -> DeliveryResult {
        let result: Result<HTTPResponse, HTTPError>
        do {
            result = .success(try await transport.send(configuration.request(for: message)))
        } catch {
            result = .failure(error)
        }
        return DeliveryResult.classify(result, now: clock.now, isSuccess: configuration.success.accepts)
    }
}
