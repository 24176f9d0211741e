@testable import CampaignDSL
@testable import Dialer
import Foundation

/// A web console on a free loopback port over a database with two compiled campaigns (`web`, dialed by team
/// `north`: agents a1 and a2; `other`, team `south`: agent a3), users of each role and API tokens.
final class WebFixture {
    static let password = "correct horse battery"
    /// Monday 2 March 2026, 10:00 in Ho Chi Minh City: the campaigns' hours are open.
    static let monday = Date(timeIntervalSince1970: 1_772_420_400)

    let directory = TemporaryDirectory()
    let database: String
    let context: WebContext
    /// The running campaigns' events and the agent desk, as a daemon's workers would feed them.
    let hub = LiveEventHub()
    let desk = LiveDesk()
    let live: LiveWeb
    let application: WebApplication
    let server: WebServer
    let store: CampaignStore
    let book: AccountBook
    /// API tokens by name: `all` (every scope, admin), `read` (read only, admin), `lead` (every scope, lead of north),
    /// `agent` (every scope, agent a1).
    private(set) var tokens: [String: String] = [:]
    let client: CurlHTTPClient

    /// `language`: the `web` campaign's (English without).
    init(throttle: LoginThrottle = LoginThrottle(), listRows: String = "An,0912000001\nBinh,0912000002\n",
         language: CampaignLanguage? = nil) throws {
        database = directory.file("dialer.db")
        store = try CampaignStore(path: database, now: Self.monday)
        try Self.compile(id: "web", team: "north", agents: ["a1", "a2"], rows: listRows, store: store, in: directory,
                         language: language)
        try Self.compile(id: "other", team: "south", agents: ["a3"], rows: "Chi,0912000009\n", store: store, in: directory)
        book = AccountBook(store: store, clock: VirtualClock(start: Self.monday))
        for (name, role, agent, teams) in [("root", UserRole.admin, nil, []), ("lena", .lead, nil, ["north"]),
                                           ("a1", .agent, "a1", []), ("a2", .agent, "a2", []), ("a3", .agent, "a3", [])] as [(String, UserRole, String?, [String])] {
            try book.addUser(name: name, role: role, agent: agent, teams: teams, password: Self.password, iterations: 1_000)
        }
        tokens["all"] = try book.createToken(user: "root", scopes: APIScope.allCases).token
        tokens["read"] = try book.createToken(user: "root", scopes: [.read]).token
        tokens["lead"] = try book.createToken(user: "lena", scopes: APIScope.allCases).token
        tokens["agent"] = try book.createToken(user: "a1", scopes: APIScope.allCases).token
        let desk = desk
        context = try WebContext(databasePath: database, dialingClock: VirtualClock(start: Self.monday), throttle: throttle,
                                 landing: WebContext.liveLanding, reportsFolder: directory.file("reports"),
                                 signedOut: { LiveWeb.logOutOfCalls($0, desk: desk) })
        live = LiveWeb(context: context, hub: hub, desk: desk)
        application = WebApplication(context: context, live: live)
        server = try WebServer(options: WebServerOptions(host: "127.0.0.1", port: 0), handler: application.handler)
        client = try CurlHTTPClient(options: HTTPClientOptions(connectTimeoutMilliseconds: 2_000, totalTimeoutMilliseconds: 20_000,
                                                               maxRedirects: 0))
    }

    deinit {
        live.stop()
        server.stop()
    }

    private static func compile(id: String, team: String, agents: [String], rows: String, store: CampaignStore,
                                in directory: TemporaryDirectory, language: CampaignLanguage? = nil) throws {
        let list = directory.file("\(id).csv")
        try ("Name,Phone\n" + rows).write(toFile: list, atomically: true, encoding: .utf8)
        var spec = EngineFixture.spec()
        spec.id = id
        spec.lists = [ListSpec(path: list, phoneColumns: ["Phone"], nameColumn: "Name", defaultCountry: "VN")]
        spec.dncPrefixes = ["+84988"]
        spec.teams = [Team(name: team, agents: agents.map { Agent(id: $0) })]
        spec.dial.team = team
        spec.language = language
        spec.dispositions = [Disposition(id: "sale", label: "Renewed", flags: [.success])]
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        _ = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: directory.file("\(id).campaign"), sourceText: id, at: monday)
    }

    /// Sends a request to the server.
    func send(_ method: String, _ path: String, token: String? = nil, cookie: String? = nil, headers: [(String, String)] = [],
              json: String? = nil, form: String? = nil) async throws -> HTTPResponse {
        var all = headers.map { HTTPHeader($0.0, $0.1) }
        if let token { all.append(HTTPHeader("Authorization", "Bearer " + token)) }
        if let cookie { all.append(HTTPHeader("Cookie", cookie)) }
        var body: [UInt8] = []
        if let json {
            all.append(HTTPHeader("Content-Type", "application/json"))
            body = Array(json.utf8)
        } else if let form {
            all.append(HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(form.utf8)
        }
        return try await client.send(HTTPRequest(method: method, url: server.baseURL + path, headers: all, body: body))
    }

    /// An API call with the named token; the response's JSON object.
    func api(_ method: String, _ path: String, token name: String = "all", json: String? = nil) async throws -> (status: Int, body: [String: Any]) {
        let response = try await send(method, "/api/v1" + path, token: tokens[name], json: json)
        let object = (try? JSONSerialization.jsonObject(with: Data(response.body))) as? [String: Any] ?? [:]
        return (response.status, object)
    }

    /// Signs in through the form; the session cookie (`dialer_session=…`) and the session's CSRF token.
    func signIn(_ name: String, password: String = WebFixture.password) async throws -> (cookie: String, csrf: String)? {
        let form = try await send("GET", "/login")
        guard let loginCookie = Self.cookie(named: "dialer_login", in: form), let token = Self.csrfValue(in: form.text) else { return nil }
        let answer = try await send("POST", "/login", cookie: loginCookie,
                                    form: "csrf=\(token)&name=\(PercentEncoding.formEscape(name))&password=\(PercentEncoding.formEscape(password))")
        guard answer.status == 303, let session = Self.cookie(named: "dialer_session", in: answer) else { return nil }
        let account = try await send("GET", "/account", cookie: session)
        guard let csrf = Self.csrfValue(in: account.text) else { return nil }
        return (session, csrf)
    }

    /// `NAME=VALUE` of the response's `Set-Cookie` for `name`.
    static func cookie(named name: String, in response: HTTPResponse) -> String? {
        setCookie(named: name, in: response)?.split(separator: ";").first.map(String.init)
    }

    /// The whole `Set-Cookie` value for `name`.
    static func setCookie(named name: String, in response: HTTPResponse) -> String? {
        response.headers.first { $0.name.lowercased() == "set-cookie" && $0.value.hasPrefix(name + "=") }?.value
    }

    /// The value of the first hidden `csrf` field of a page.
    static func csrfValue(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The job state, callback time and callback agent of a campaign's contact.
    func job(contact: Int64) throws -> (state: String, callbackAt: Date?, callbackAgent: String?)? {
        try store.connection.firstRow("SELECT state, callback_at, callback_agent FROM jobs WHERE contact_id = ?", [contact]) {
            ($0.string(0), $0.optionalDouble(1).map(Date.init(timeIntervalSince1970:)), $0.optionalString(2))
        }
    }
}
