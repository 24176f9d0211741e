import Foundation
import Testing
@testable import Dialer

@Suite("web console security: sessions, CSRF, scopes, lockout, escaping")
struct WebSecurityTests {
    /// A path for a route pattern, its parameters filled in.
    static func path(_ pattern: String) -> String {
        pattern.replacingOccurrences(of: "{id}", with: "web").replacingOccurrences(of: "{campaign}", with: "web")
            .replacingOccurrences(of: "{contact}", with: "1").replacingOccurrences(of: "{external_id}", with: "x")
            .replacingOccurrences(of: "{file}", with: "report.html")
    }

    @Test("every route but the sign-in form refuses a request without a session or token")
    func everyRouteRefusesAnonymousRequests() async throws {
        let web = try WebFixture()
        // The desk's and wallboard's scripts hold no data: they are served to anyone.
        let scripts = web.application.router.routes.filter { $0.pattern.hasPrefix("/static/") }
        #expect(scripts.count == 2)
        for script in scripts {
            let response = try await web.send("GET", script.pattern)
            #expect(response.status == 200 && response.text.hasPrefix("'use strict'"), "\(script.pattern)")
        }
        let routes = web.application.router.routes.filter { $0.pattern != "/login" && !$0.pattern.hasPrefix("/static/") }
        #expect(routes.count >= 20)
        for route in routes {
            let response = try await web.send(route.method, Self.path(route.pattern), json: route.method == "GET" ? nil : "{}")
            if route.pattern.hasPrefix("/api/") {
                #expect(response.status == 401, "\(route.method) \(route.pattern)")
                #expect(response.text.contains("\"code\":\"unauthorized\""), "\(route.method) \(route.pattern)")
            } else if route.method == "GET" {
                #expect(response.status == 303, "\(route.method) \(route.pattern)")
                #expect(response.headers.contains { $0.name.lowercased() == "location" && $0.value == "/login" })
            } else {
                #expect(response.status == 401, "\(route.method) \(route.pattern)")
            }
        }
        // A token that does not exist is no better than none.
        #expect(try await web.send("GET", "/api/v1/campaigns", token: "not-a-token").status == 401)
    }

    @Test("a token without the route's scope is refused with 403 insufficient_scope")
    func wrongScopeIsRefused() async throws {
        let web = try WebFixture()
        let (status, body) = try await web.api("POST", "/campaigns/web/contacts", token: "read", json: "{\"contacts\":[]}")
        #expect(status == 403)
        #expect((body["error"] as? [String: Any])?["code"] as? String == "insufficient_scope")
        #expect(try await web.api("GET", "/campaigns", token: "read").status == 200)
    }

    @Test("the session cookie is HttpOnly and SameSite=Strict; it survives a restart; a tab without it is sent to sign in")
    func sessionCookie() async throws {
        let web = try WebFixture()
        let form = try await web.send("GET", "/login")
        let loginCookie = try #require(WebFixture.cookie(named: "dialer_login", in: form))
        let token = try #require(WebFixture.csrfValue(in: form.text))
        let answer = try await web.send("POST", "/login", cookie: loginCookie, form: "csrf=\(token)&name=lena&password=correct+horse+battery")
        #expect(answer.status == 303)
        let setCookie = try #require(WebFixture.setCookie(named: "dialer_session", in: answer))
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"))
        #expect(!setCookie.contains("Secure"), "plain HTTP: a Secure cookie would never come back")
        let cookie = try #require(WebFixture.cookie(named: "dialer_session", in: answer))
        #expect(try await web.send("GET", "/account", cookie: cookie).text.contains("lena"))
        #expect(try await web.send("GET", "/account").status == 303)
        // Another process on the same database (a restarted dialerd) knows the session.
        let restarted = WebApplication(context: try WebContext(databasePath: web.database))
        let again = try restarted.handler(WebRequest(method: "GET", path: "/account", cookies: ["dialer_session": String(cookie.dropFirst(15))]))
        #expect(again.status == 200)
    }

    @Test("under TLS the session cookie is also Secure")
    func secureCookieUnderTLS() throws {
        let web = try WebFixture()
        let form = try web.application.handler(WebRequest(method: "GET", path: "/login", isSecure: true))
        let set = form.headers.first { $0.name == "Set-Cookie" }?.value ?? ""
        #expect(set.contains("; Secure"))
        let token = String(set.dropFirst("dialer_login=".count).prefix { $0 != ";" })
        let answer = try web.application.handler(WebRequest(
            method: "POST", path: "/login", headers: ["content-type": "application/x-www-form-urlencoded"],
            cookies: ["dialer_login": token], body: Array("csrf=\(token)&name=root&password=correct+horse+battery".utf8),
            clientAddress: "192.0.2.1", isSecure: true))
        #expect(answer.status == 303)
        let session = answer.headers.first { $0.name == "Set-Cookie" && $0.value.hasPrefix("dialer_session=") }?.value ?? ""
        #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && session.hasSuffix("; Secure"))
    }

    @Test("a state-changing request without the session's CSRF token is refused; with it, it goes through")
    func csrfIsRequired() async throws {
        let web = try WebFixture()
        let signed = try #require(try await web.signIn("a1"))
        #expect(try await web.send("POST", "/logout", cookie: signed.cookie, form: "").status == 403)
        #expect(try await web.send("POST", "/logout", cookie: signed.cookie, form: "csrf=wrong").status == 403)
        #expect(try await web.send("GET", "/account", cookie: signed.cookie).status == 200, "the refused sign-out changed nothing")
        #expect(try await web.send("POST", "/logout", cookie: signed.cookie, headers: [("X-CSRF-Token", signed.csrf)], form: "").status == 303)
        #expect(try await web.send("GET", "/account", cookie: signed.cookie).status == 303, "signed out: the session is gone")
        // The sign-in form has its own token.
        #expect(try await web.send("POST", "/login", form: "name=a1&password=correct+horse+battery").status == 403)
    }

    @Test("five failed sign-ins lock the user out, even with the right password next")
    func failedSignInsLockOut() async throws {
        let web = try WebFixture(throttle: LoginThrottle(maxFailuresPerUser: 5, maxFailuresPerAddress: 50, window: 900))
        for _ in 0..<5 { #expect(try await web.signIn("a2", password: "wrong password!") == nil) }
        let form = try await web.send("GET", "/login")
        let answer = try await web.send("POST", "/login", cookie: WebFixture.cookie(named: "dialer_login", in: form),
                                        form: "csrf=\(WebFixture.csrfValue(in: form.text) ?? "")&name=a2&password=correct+horse+battery")
        #expect(answer.status == 429)
        #expect(answer.text.contains("Too many failed sign-ins"))
        #expect(try await web.signIn("a1") != nil, "another user is not locked out")
    }

    @Test("a hostile name added over the API is shown as text; an agent cannot open another agent's contact")
    func hostileNameIsEscapedAndContactsArePrivate() async throws {
        let web = try WebFixture()
        let added = try await web.api("POST", "/campaigns/web/contacts", json: """
            {"contacts":[{"external_id":"x1","fields":{"Name":"<script>alert(1)</script>","Phone":"0912000100"}}]}
            """)
        let contact = try #require(((added.body["rows"] as? [[String: Any]])?.first?["contact_id"] as? NSNumber)?.int64Value)
        #expect(try await web.api("POST", "/campaigns/web/click-to-call", json: "{\"agent\":\"a1\",\"external_id\":\"x1\"}").status == 202)
        let admin = try #require(try await web.signIn("root"))
        let page = try await web.send("GET", "/campaigns/web/contacts/\(contact)", cookie: admin.cookie)
        #expect(page.status == 200)
        #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.text.contains("<script>alert"))
        let own = try #require(try await web.signIn("a1"))
        #expect(try await web.send("GET", "/campaigns/web/contacts/\(contact)", cookie: own.cookie).status == 200)
        let other = try #require(try await web.signIn("a2"))
        #expect(try await web.send("GET", "/campaigns/web/contacts/\(contact)", cookie: other.cookie).status == 403)
        let lead = try #require(try await web.signIn("lena"))
        #expect(try await web.send("GET", "/campaigns/web/contacts/\(contact)", cookie: lead.cookie).status == 200)
    }
}
