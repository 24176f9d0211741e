/// An API request refused: its HTTP status and a stable code, sent as
/// `{"error":{"code":"…","message":"…"}}`.
package struct APIError: Error, Sendable {
    package let status: Int
    package let code: String
    package let message: String

    package init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    static let unauthorized = APIError(401, "unauthorized", "send Authorization: Bearer TOKEN (see dialerd users token create)")

    /// The error as the API's JSON response.
    var response: WebResponse {
        var response = WebResponse.json(Body(error: Detail(code: code, message: message)), status: status)
        if status == 401 { response.add("WWW-Authenticate", "Bearer realm=\"dialer\"") }
        return response
    }

    private struct Body: Encodable {
        let error: Detail
    }

    private struct Detail: Encodable {
        let code: String
        let message: String
    }
}
