import Foundation

/// The web console's routes with their access rules: every route but the sign-in page refuses an anonymous
/// request (a page redirects to `/login`, the API answers 401), a page checks the user's role, every
/// state-changing page request needs the session's CSRF token, an API route needs a bearer token with its scope.
///
/// ```swift
/// var app = try WebApplication(context: context)
/// app.page("GET", "/desk", roles: [.agent]) { request, session in
///     .html(WebPage.render(title: "Desk", body: "<p>\(WebPage.escape(session.user.name))</p>", session: session))
/// }
/// app.page("POST", "/desk/ready", roles: [.agent]) { request, session in .redirect(to: "/desk") }  // CSRF checked first
/// let server = try WebServer(options: options, handler: app.handler)
/// ```
package struct WebApplication: Sendable {
    /// The session cookie's name.
    package static let sessionCookie = "dialer_session"
    /// The form field and the header that carry the CSRF token.
    package static let csrfField = "csrf"
    package static let csrfHeader = "X-CSRF-Token"

    package let context: WebContext
    package internal(set) var router = WebRouter()

    /// The sign-in pages, `/account`, the contact page and the CRM API under `/api/v1`; with `live` (the
    /// running campaigns' events and desk), the agent desk, the wallboard and `GET /api/v1/agents`.
    package init(context: WebContext) {
        self.init(context: context, live: nil)
    }

    init(context: WebContext, live: LiveWeb?) {
        self.context = context
        addSignIn()
        addContactPage()
        addAPI()
        if let live {
            addDesk(live)
            addWallboard(live)
            addAgentsAPI(live)
            addScripts()
        }
    }

    /// The desk's and the wallboard's scripts (no session needed: they hold no data).
    private mutating func addScripts() {
        for (name, text) in WebScripts.files {
            router.add("GET", "/static/" + name) { _ in
                var response = WebResponse.text(text, type: "text/javascript; charset=utf-8")
                response.add("Cache-Control", "no-cache")
                response.add("X-Content-Type-Options", "nosniff")
                return response
            }
        }
    }

    /// Registers a page for signed-in users whose role is in `roles`. Anonymous requests are redirected to
    /// `/login`; another role gets 403; a request other than GET/HEAD without the session's CSRF token gets 403.
    package mutating func page(_ method: String, _ path: String, roles: Set<UserRole> = Set(UserRole.allCases),
                               _ handler: @escaping @Sendable (WebRequest, WebSession) throws -> WebResponse) {
        router.add(method, path) { [context] request in
            guard let session = try Self.session(of: request, context: context) else {
                return request.method == "GET" || request.method == "HEAD" ? .redirect(to: "/login")
                    : .html(WebPage.render(title: "Signed out", body: "<p><a href=\"/login\">Sign in</a> again.</p>"), status: 401)
            }
            guard roles.contains(session.user.role) else {
                return .html(WebPage.render(title: "Not allowed", body: "<p>This page is not for your role.</p>", session: session),
                             status: 403)
            }
            guard Self.isSafe(request.method) || Self.carriesCSRF(request, session: session) else {
                return Self.csrfRefusal(session)
            }
            do {
                return try handler(request, session)
            } catch is PageRefusal {
                return .html(WebPage.render(title: "Not allowed", body: "<p>This is not yours to see.</p>", session: session),
                             status: 403)
            }
        }
    }

    /// Registers an API route that needs a bearer token with `scope`; the handler gets the token's user
    /// (check what they may see with ``WebUser/maySee(campaign:)``). Throw ``APIError`` to refuse.
    package mutating func api(_ method: String, _ path: String, scope: APIScope,
                              _ handler: @escaping @Sendable (WebRequest, WebUser) throws -> WebResponse) {
        router.add(method, "/api/v1" + path) { [context] request in
            do {
                guard let (user, scopes) = try Self.bearer(of: request, context: context) else { throw APIError.unauthorized }
                guard scopes.contains(scope) else {
                    throw APIError(403, "insufficient_scope", "this token lacks the '\(scope.rawValue)' scope")
                }
                return try handler(request, user)
            } catch let error as APIError {
                return error.response
            }
        }
    }

    /// What the server runs: the routes, with JSON errors under `/api/` and a plain page elsewhere.
    package var handler: WebHandler {
        { [router] request in
            let isAPI = request.path.hasPrefix("/api/")
            do {
                switch router.match(method: request.method, path: request.path) {
                case .found(let handler, let parameters):
                    var request = request
                    request.parameters = parameters
                    return try handler(request)
                case .methodNotAllowed(let methods):
                    var response = isAPI ? APIError(405, "method_not_allowed", "this path takes " + methods.joined(separator: ", ")).response
                        : .text("Method not allowed.\n", status: 405)
                    response.add("Allow", methods.joined(separator: ", "))
                    return response
                case .notFound:
                    return isAPI ? APIError(404, "not_found", "no such route").response
                        : .html(WebPage.render(title: "Not found", body: "<p>There is no such page.</p>"), status: 404)
                }
            } catch let error as APIError {
                return error.response
            } catch {
                return isAPI ? APIError(500, "internal", "the server could not answer: \(error)").response
                    : .html(WebPage.render(title: "Error", body: "<p>The server could not answer.</p>"), status: 500)
            }
        }
    }

    // MARK: Access

    /// The live session the request's cookie names.
    static func session(of request: WebRequest, context: WebContext) throws -> WebSession? {
        guard let token = request.cookies[sessionCookie], !token.isEmpty, token.count <= 100 else { return nil }
        return try context.withStore { try $0.session(tokenHash: SecretBytes.sha256Hex(token), at: context.now) }
    }

    /// The user and scopes of the request's bearer token.
    static func bearer(of request: WebRequest, context: WebContext) throws -> (WebUser, Set<APIScope>)? {
        guard let value = request.header("authorization"), value.lowercased().hasPrefix("bearer ") else { return nil }
        let token = value.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.count <= 100 else { return nil }
        return try context.withStore { try $0.tokenOwner(tokenHash: SecretBytes.sha256Hex(token)) }
    }

    /// Whether the request carries the session's CSRF token (form field `csrf` or header `X-CSRF-Token`).
    package static func carriesCSRF(_ request: WebRequest, session: WebSession) -> Bool {
        let sent = request.header(csrfHeader) ?? request.form[csrfField] ?? ""
        return SecretBytes.constantTimeEqual(Array(sent.utf8), Array(session.csrfToken.utf8))
    }

    static func isSafe(_ method: String) -> Bool { method == "GET" || method == "HEAD" }

    static func csrfRefusal(_ session: WebSession?) -> WebResponse {
        .html(WebPage.render(title: "Refused", body: "<p>The form's security token is missing or stale. Reload the page and try again.</p>",
                             session: session), status: 403)
    }

    /// The `Set-Cookie` value of a session cookie (`Secure` under TLS).
    static func sessionCookie(_ token: String, maxAge: Int, secure: Bool) -> String {
        "\(sessionCookie)=\(token); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
