import Foundation

/// `GET`/`POST /login`, `POST /logout`, `/` (to the user's landing page) and `/account`.
///
/// The sign-in form carries its own CSRF token (a cookie scoped to `/login` and the same value in the form),
/// so another site cannot sign a browser in under its own account either.
extension WebApplication {
    static let loginCookie = "dialer_login"

    mutating func addSignIn() {
        router.add("GET", "/login") { [context] request in
            if let session = try Self.session(of: request, context: context) {
                return .redirect(to: context.landing(session.user))
            }
            return try Self.loginForm(request: request, message: nil, status: 200)
        }
        router.add("POST", "/login") { [context] request in try Self.signIn(request, context: context) }
        page("POST", "/logout") { [context] request, session in
            if let token = request.cookies[Self.sessionCookie] {
                try context.withStore { try $0.deleteSession(tokenHash: SecretBytes.sha256Hex(token)) }
            }
            context.signedOut(session.user)
            var response = WebResponse.redirect(to: "/login")
            response.add("Set-Cookie", Self.sessionCookie("", maxAge: 0, secure: request.isSecure))
            return response
        }
        page("GET", "/") { [context] _, session in .redirect(to: context.landing(session.user)) }
        page("GET", "/account") { _, session in
            let user = session.user
            var rows = [["name", user.name], ["role", user.role.rawValue]]
            if let agent = user.agent { rows.append(["agent", agent]) }
            if !user.teams.isEmpty { rows.append(["teams", user.teams.joined(separator: ", ")]) }
            return .html(WebPage.render(title: "Account", body: WebPage.table(["", ""], rows), session: session))
        }
    }

    /// The sign-in form with a fresh form token (set as a cookie too).
    private static func loginForm(request: WebRequest, message: String?, status: Int, name: String = "") throws -> WebResponse {
        let token = try SecretBytes.token()
        let error = message.map { "<p class=\"error\" role=\"alert\">\(WebPage.escape($0))</p>" } ?? ""
        let body = """
            \(error)<form class="card" method="post" action="/login">
            <input type="hidden" name="\(csrfField)" value="\(token)">
            <label for="name">Name</label><input type="text" id="name" name="name" value="\(WebPage.escape(name))" autocomplete="username" required autofocus>
            <label for="password">Password</label><input type="password" id="password" name="password" autocomplete="current-password" required>
            <button type="submit" id="sign-in">Sign in</button></form>
            """
        var response = WebResponse.html(WebPage.render(title: "Sign in", body: body), status: status)
        response.add("Set-Cookie", "\(loginCookie)=\(token); Path=/login; Max-Age=3600; HttpOnly; SameSite=Strict"
                     + (request.isSecure ? "; Secure" : ""))
        return response
    }

    private static func signIn(_ request: WebRequest, context: WebContext) throws -> WebResponse {
        let form = request.form
        let sent = form[csrfField] ?? ""
        guard let cookie = request.cookies[loginCookie], !cookie.isEmpty,
              SecretBytes.constantTimeEqual(Array(sent.utf8), Array(cookie.utf8)) else {
            return try loginForm(request: request, message: "The form expired. Please sign in again.", status: 403)
        }
        let name = form["name"] ?? ""
        let password = form["password"] ?? ""
        let now = context.now
        if let until = context.throttle.lockedUntil(user: name, address: request.clientAddress, at: now) {
            let minutes = Int((until.timeIntervalSince(now) / 60).rounded(.up))
            var response = try loginForm(request: request, message: "Too many failed sign-ins. Try again in \(minutes) minutes.",
                                         status: 429, name: name)
            response.add("Retry-After", String(Int(until.timeIntervalSince(now).rounded(.up))))
            return response
        }
        let stored = try context.withStore { try $0.user(named: name) }
        // An unknown name costs the same key derivation as a wrong password.
        let matches = PasswordHash.verify(password, against: stored?.passwordHash ?? dummyHash)
        guard let stored, matches else {
            context.throttle.fail(user: name, address: request.clientAddress, at: now)
            return try loginForm(request: request, message: "The name or the password is wrong.", status: 401, name: name)
        }
        context.throttle.succeed(user: name)
        let token = try SecretBytes.token()
        let csrf = try SecretBytes.token()
        let expires = now.addingTimeInterval(context.sessionLifetime)
        try context.withStore {
            try $0.insertSession(tokenHash: SecretBytes.sha256Hex(token), user: stored.user.id, csrfToken: csrf, at: now, expiresAt: expires)
        }
        var response = WebResponse.redirect(to: context.landing(stored.user))
        response.add("Set-Cookie", sessionCookie(token, maxAge: Int(context.sessionLifetime), secure: request.isSecure))
        response.add("Set-Cookie", "\(loginCookie)=; Path=/login; Max-Age=0; HttpOnly; SameSite=Strict" + (request.isSecure ? "; Secure" : ""))
        return response
    }

    /// A hash no password matches, checked for unknown names.
    private static let dummyHash = (try? PasswordHash.make(String(decoding: (try? SecretBytes.random(24)) ?? [0], as: UTF8.self))) ?? ""
}
