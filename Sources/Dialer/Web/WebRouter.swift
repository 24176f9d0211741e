/// What a route runs: the request (with its path parameters) in, the response out.
package typealias WebHandler = @Sendable (WebRequest) throws -> WebResponse

/// Routes by method and path pattern; `{name}` matches one path segment and is handed to the
/// handler in ``WebRequest/parameters``.
///
/// ```swift
/// router.add("GET", "/api/v1/campaigns/{id}") { request in … request.parameters["id"] … }
/// ```
package struct WebRouter: Sendable {
    /// One registered route.
    package struct Route: Sendable {
        package let method: String
        package let pattern: String
        let segments: [Segment]
        let handler: WebHandler
    }

    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    /// What a path and method came to.
    enum Match {
        case found(WebHandler, [String: String])
        /// The path is known, but not with this method: the methods it has.
        case methodNotAllowed([String])
        case notFound
    }

    package private(set) var routes: [Route] = []

    package init() {}

    /// Registers `handler` for `method` on `pattern` (e.g. `/api/v1/campaigns/{id}/contacts`).
    package mutating func add(_ method: String, _ pattern: String, _ handler: @escaping WebHandler) {
        let segments = Self.split(pattern).map { part -> Segment in
            part.hasPrefix("{") && part.hasSuffix("}") ? .parameter(String(part.dropFirst().dropLast())) : .literal(String(part))
        }
        routes.append(Route(method: method.uppercased(), pattern: pattern, segments: segments, handler: handler))
    }

    /// The route for `method` and `path`, preferring literal segments over parameters.
    func match(method: String, path: String) -> Match {
        let parts = Self.split(path)
        var best: (route: Route, parameters: [String: String], literals: Int)?
        var allowed: [String] = []
        for route in routes where route.segments.count == parts.count {
            var parameters: [String: String] = [:]
            var literals = 0
            var matches = true
            for (segment, part) in zip(route.segments, parts) {
                switch segment {
                case .literal(let text):
                    if text != part { matches = false } else { literals += 1 }
                case .parameter(let name):
                    if part.isEmpty { matches = false } else { parameters[name] = String(part) }
                }
                if !matches { break }
            }
            guard matches else { continue }
            if route.method != method && !(method == "HEAD" && route.method == "GET") {
                allowed.append(route.method)
                continue
            }
            if let current = best, current.literals >= literals { continue }
            best = (route, parameters, literals)
        }
        if let best { return .found(best.route.handler, best.parameters) }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(Array(Set(allowed)).sorted())
    }

    /// Runs the matching route's handler; 404 for an unknown path, 405 (with `Allow`) for a known path
    /// asked with another method, in plain text.
    package func handle(_ request: WebRequest) throws -> WebResponse {
        switch match(method: request.method, path: request.path) {
        case .found(let handler, let parameters):
            var request = request
            request.parameters = parameters
            return try handler(request)
        case .methodNotAllowed(let methods):
            var response = WebResponse.text("Method not allowed.\n", status: 405)
            response.add("Allow", methods.joined(separator: ", "))
            return response
        case .notFound:
            return .text("Not found.\n", status: 404)
        }
    }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
