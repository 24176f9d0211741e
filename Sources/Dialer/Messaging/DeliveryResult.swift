import Foundation

/// What one delivery request came to, as far as the outbox cares.
enum DeliveryResult: Equatable {
    /// The gateway confirmed it.
    case delivered(status: Int?)
    /// The gateway surely did not take it, and may later (5xx, 429, 408, connection refused).
    case retryable(status: Int?, reason: String, retryAfter: TimeInterval?)
    /// The request may or may not have arrived (timeout after connecting, reset, unreadable answer).
    case unknown(reason: String)
    /// The gateway refused it for good (other 4xx, or a 2xx that does not meet the success rule).
    case rejected(status: Int?, reason: String)

    /// Classifies an HTTP exchange. `isSuccess` says whether a response counts as delivered, or nil when
    /// it cannot tell (the body it reads was cut short at the size limit): an unknown outcome.
    static func classify(_ result: Result<HTTPResponse, HTTPError>, now: Date,
                         isSuccess: (HTTPResponse) -> Bool?) -> DeliveryResult {
        switch result {
        case .success(let response):
            switch isSuccess(response) {
            case true?:
                return .delivered(status: response.status)
            case nil:
                return .unknown(reason: "HTTP \(response.status), but the answer passed the size limit before the success rule could read it")
            case false?:
                return classifyRefusal(response, now: now)
            }
        case .failure(let error):
            switch error.kind {
            case .notConnected: return .retryable(status: nil, reason: error.description, retryAfter: nil)
            case .invalidRequest: return .rejected(status: nil, reason: error.description)
            case .timedOut, .transferFailed: return .unknown(reason: error.description)
            }
        }
    }

    /// A response that does not confirm the delivery: retryable or rejected by its status.
    private static func classifyRefusal(_ response: HTTPResponse, now: Date) -> DeliveryResult {
        let status = response.status
        switch status {
        case 429:
            return .retryable(status: status, reason: "HTTP 429 (too many requests)",
                              retryAfter: RetryAfter.seconds(response.headers.value(of: "Retry-After"), now: now))
        case 408, 500...599:
            return .retryable(status: status, reason: "HTTP \(status)", retryAfter: nil)
        case 200...299:
            return .rejected(status: status, reason: "HTTP \(status), but the response does not meet the success rule")
        default:
            return .rejected(status: status, reason: "HTTP \(status)")
        }
    }
}
