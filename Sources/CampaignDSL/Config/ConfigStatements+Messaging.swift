/// The messaging blocks of the daemon config: `sms { … }`, `webhook NAME "URL" { … }`, `screen-pop "URL"`.
extension ConfigStatements {
    /// The placeholders an HTTP gateway's URL and body may use.
    static let gatewayPlaceholders = ["to", "text", "sender", "key", "encoding", "segments"]
    /// The placeholders of the screen-pop URL.
    static let screenPopPlaceholders = ["agent", "hotline", "number", "direction", "answered_at", "call_id"]
    /// The settings that only an HTTP gateway takes.
    static let httpOnlyKeywords: Set<String> = [
        "method", "token", "header", "json", "form", "success", "success-field", "deduplicates", "connect-timeout", "timeout",
        "max-response",
    ]

    /// How to fix a gateway or webhook that does not say whether it deduplicates.
    static let deduplicatesHint = "add `deduplicates yes` if it ignores a second request with an Idempotency-Key it has seen, "
        + "else `deduplicates no` (a request whose answer is lost is then recorded unknown and never repeated)"

    mutating func sms(_ statement: Statement) -> SMSGatewaySettings? {
        if statement.values.contains(where: { $0.kind != .comma }) {
            error("unexpected-value", "`sms` takes no value before its block", statement.values.first ?? statement.arguments[0])
        }
        var settings = SMSGatewaySettings()
        var outbox: String?
        var http: String?
        var urlKeyword: Argument?
        var httpOnly: [Argument] = []
        var shared = SharedDeliverySettings()
        var body: (HTTPGatewaySettings.Body, Argument)?
        var headers: [HeaderSetting] = []
        var method: String?
        var statuses: ClosedRange<Int>?
        var field: FieldMatch?
        var deduplicates: Bool?
        for inner in statement.block?.statements ?? [] where !inner.isMalformed {
            guard let keyword = keyword(of: inner, known: DaemonConfigReader.smsKeywords, scope: "sms.",
                                        repeatable: ["header"]) else { continue }
            if Self.httpOnlyKeywords.contains(keyword), let argument = inner.keyword { httpOnly.append(argument) }
            switch keyword {
            case "outbox": outbox = path(inner)
            case "url":
                urlKeyword = inner.keyword
                if let value = url(inner, placeholders: .doubleBraces(Self.gatewayPlaceholders)) { http = value }
            case "method":
                if let value = single(inner, .word, "an HTTP method such as POST") {
                    if ["GET", "POST", "PUT", "PATCH"].contains(value.text) { method = value.text } else {
                        error("invalid-method", "'\(value.text)' is not an HTTP method the gateway can use", value,
                              hint: "use POST, PUT, PATCH or GET")
                    }
                }
            case "token":
                if let secret = secretReference(inner) {
                    headers.append(HeaderSetting(name: "Authorization", value: .secret(secret, prefix: "Bearer ")))
                }
            case "header": if let header = header(inner) { headers.append(header) }
            case "json":
                if let value = single(inner, .string, "the JSON body's template in quotes"),
                   checkPlaceholders(value, .doubleBraces(Self.gatewayPlaceholders)) {
                    body = (.json(value.text), value)
                }
            case "form": if let fields = form(inner), let first = inner.values.first { body = (.form(fields), first) }
            case "success":
                if let value = single(inner, .word, "a status or a range such as 200-299") { statuses = statusRange(value) }
            case "success-field": field = fieldMatch(inner)
            case "deduplicates": deduplicates = yesNo(inner)
            default: shared.read(keyword, inner, into: &self)
            }
        }
        if let outbox, http != nil, let at = statement.keyword {
            error("conflicting-gateway", "`sms` names both an outbox file and an HTTP gateway", at,
                  hint: "keep `outbox \"\(outbox)\"` for a file, or `url` for an HTTP gateway")
            return nil
        }
        if let urlKeyword, deduplicates == nil {
            error("missing-setting", "an HTTP gateway must say whether it drops a repeated Idempotency-Key", urlKeyword,
                  hint: Self.deduplicatesHint)
        }
        if let url = http, let deduplicates {
            settings.gateway = .http(HTTPGatewaySettings(
                url: url, method: method, headers: headers, body: body?.0, successStatuses: statuses,
                successField: field, deduplicates: deduplicates))
        } else if urlKeyword != nil {
            return nil
        } else {
            for argument in httpOnly {
                error("needs-url", "`\(argument.text)` is a setting of an HTTP gateway, and this `sms` block has no `url`",
                      argument, hint: "add `url \"https://…\"`, or remove it to keep the outbox file")
            }
            settings.gateway = .outbox(path: outbox)
        }
        settings.sender = shared.sender
        settings.hours = shared.hours
        settings.ratePerSecond = shared.rate
        settings.tries = shared.tries
        settings.backoffSeconds = shared.backoff
        settings.limits = shared.limits
        return settings
    }

    mutating func webhook(_ statement: Statement, named existing: [String]) -> WebhookSettings? {
        let values = Array(statement.values)
        guard values.count == 2, values[0].kind == .word, values[1].kind == .string else {
            error("invalid-webhook", "`webhook` needs a name and a URL in quotes", values.first ?? statement.arguments[0],
                  hint: "e.g. `webhook crm \"https://crm.example.com/hooks/dialer\" { secret env CRM_SECRET }`")
            return nil
        }
        let name = values[0]
        if existing.contains(name.text) {
            error("duplicate-webhook", "two webhooks are called '\(name.text)'", name, hint: "give each its own name")
        }
        var url: String?
        if let reason = HTTPURLSyntax.problem(in: values[1].text) {
            error("invalid-url", "webhook '\(name.text)' cannot call '\(values[1].text)': \(reason)", values[1])
        } else {
            url = values[1].text
        }
        var secret: SecretReference?
        var events: [String]?
        var headers: [HeaderSetting] = []
        var shared = SharedDeliverySettings()
        var deduplicates: Bool?
        var written = false
        for inner in statement.block?.statements ?? [] where !inner.isMalformed {
            guard let keyword = keyword(of: inner, known: DaemonConfigReader.webhookKeywords,
                                        scope: "webhook.\(name.text).", repeatable: ["header"]) else { continue }
            switch keyword {
            case "secret":
                written = true
                secret = secretReference(inner)
            case "events": events = webhookEvents(inner)
            case "header": if let header = header(inner) { headers.append(header) }
            case "deduplicates": deduplicates = yesNo(inner)
            default: shared.read(keyword, inner, into: &self)
            }
        }
        if deduplicates == nil {
            error("missing-setting", "webhook '\(name.text)' must say whether its receiver drops a repeated Idempotency-Key",
                  name, hint: Self.deduplicatesHint)
        }
        guard let secret, let url, let deduplicates else {
            if !written {
                error("missing-setting", "webhook '\(name.text)' needs a signing `secret`", name,
                      hint: "add `secret env \(name.text.uppercased().replacingOccurrences(of: "-", with: "_"))_SECRET` in its block")
            }
            return nil
        }
        return WebhookSettings(name: name.text, url: url, secret: secret, events: events, headers: headers,
                               ratePerSecond: shared.rate, tries: shared.tries, backoffSeconds: shared.backoff,
                               deduplicates: deduplicates, limits: shared.limits)
    }

    mutating func screenPop(_ statement: Statement) -> String? {
        url(statement, placeholders: .singleBraces(Self.screenPopPlaceholders))
    }

    // MARK: Values

    /// How a template writes its placeholders.
    enum Placeholders {
        case doubleBraces([String])
        case singleBraces([String])
    }

    /// An http(s) URL in quotes whose placeholders are known.
    private mutating func url(_ statement: Statement, placeholders: Placeholders) -> String? {
        guard let value = single(statement, .string, "a URL in quotes") else { return nil }
        if let reason = HTTPURLSyntax.problem(in: value.text) {
            error("invalid-url", "'\(value.text)' cannot be called: \(reason)", value)
            return nil
        }
        return checkPlaceholders(value, placeholders) ? value.text : nil
    }

    /// Reports the first unknown or unclosed placeholder of a template; true when there is none.
    private func checkPlaceholders(_ value: Argument, _ placeholders: Placeholders) -> Bool {
        let (open, close, known) = switch placeholders {
        case .doubleBraces(let names): ("{{", "}}", names)
        case .singleBraces(let names): ("{", "}", names)
        }
        var rest = Substring(value.text)
        while let start = rest.range(of: open) {
            guard let end = rest[start.upperBound...].range(of: close) else {
                error("unclosed-placeholder", "a placeholder opened with \(open) is not closed with \(close)", value)
                return false
            }
            let name = String(rest[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespaces)
            guard known.contains(name) else {
                error("unknown-placeholder", "unknown placeholder \(open)\(name)\(close)", value,
                      hint: Suggestion.hint(for: name, in: known) ?? "known: " + known.map { open + $0 + close }.joined(separator: " "))
                return false
            }
            rest = rest[end.upperBound...]
        }
        return true
    }

    /// `header "Name" "value"` or `header "Name" env VARIABLE`.
    private mutating func header(_ statement: Statement) -> HeaderSetting? {
        let values = Array(statement.values)
        guard let name = values.first, name.kind == .string || name.kind == .word, values.count >= 2 else {
            error("invalid-header", "`header` needs a name and a value", values.first ?? statement.arguments[0],
                  hint: "e.g. `header \"X-Api-Key\" env SMS_API_KEY` or `header \"X-Api-Version\" \"2\"`")
            return nil
        }
        let tokenCharacters = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        guard !name.text.isEmpty, name.text.allSatisfy(tokenCharacters.contains) else {
            error("invalid-header", "'\(name.text)' is not a header name", name, hint: "letters, digits and - only")
            return nil
        }
        if values.count == 3, values[1].kind == .word, values[1].text == "env" {
            guard values[2].kind == .word, isVariableName(values[2].text) else {
                error("invalid-secret", "`env` needs an environment variable's name", values[2])
                return nil
            }
            return HeaderSetting(name: name.text, value: .secret(SecretReference(variable: values[2].text), prefix: ""))
        }
        guard values.count == 2, values[1].kind == .string else {
            error("invalid-header", "a header's value is a text in quotes or `env VARIABLE`", values[1])
            return nil
        }
        guard !values[1].text.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            error("invalid-header", "a header's value cannot hold a line break", values[1])
            return nil
        }
        return HeaderSetting(name: name.text, value: .text(values[1].text))
    }

    /// `form to "{{to}}", text "{{text}}"`.
    private mutating func form(_ statement: Statement) -> [FormFieldSetting]? {
        var fields: [FormFieldSetting] = []
        var pending: Argument?
        for value in statement.values {
            switch (value.kind, pending) {
            case (.comma, nil): continue
            case (.word, nil):
                pending = value
            case (.string, let name?):
                guard checkPlaceholders(value, .doubleBraces(Self.gatewayPlaceholders)) else { return nil }
                fields.append(FormFieldSetting(name: name.text, value: value.text))
                pending = nil
            default:
                error("invalid-form", "`form` takes fields written NAME \"template\", separated by commas", value,
                      hint: "e.g. `form to \"{{to}}\", text \"{{text}}\"`")
                return nil
            }
        }
        guard pending == nil, !fields.isEmpty else {
            error("invalid-form", "`form` takes fields written NAME \"template\", separated by commas",
                  pending ?? statement.arguments[0], hint: "e.g. `form to \"{{to}}\", text \"{{text}}\"`")
            return nil
        }
        return fields
    }

    /// `200` or `200-299`, statuses from 100 to 599.
    private func statusRange(_ value: Argument) -> ClosedRange<Int>? {
        let parts = value.text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let bounds: (Int?, Int?) = parts.count == 1 ? (parts[0], parts[0]) : parts.count == 2 ? (parts[0], parts[1]) : (nil, nil)
        guard let low = bounds.0, let high = bounds.1, 100 <= low, low <= high, high <= 599 else {
            error("invalid-status", "'\(value.text)' is not an HTTP status or a range of them", value, hint: "e.g. 200-299")
            return nil
        }
        return low...high
    }

    /// `success-field status "ok"`: a top-level field of the JSON answer and its value.
    private mutating func fieldMatch(_ statement: Statement) -> FieldMatch? {
        let values = Array(statement.values)
        guard values.count == 2, values.allSatisfy({ $0.kind == .word || $0.kind == .string }) else {
            error("invalid-value", "`success-field` needs a field's name and its value", values.first ?? statement.arguments[0],
                  hint: "e.g. `success-field status \"ok\"`")
            return nil
        }
        return FieldMatch(field: values[0].text, value: values[1].text)
    }

    /// `events attempt, final`.
    private mutating func webhookEvents(_ statement: Statement) -> [String]? {
        var events: [String] = []
        for value in statement.values where value.kind != .comma {
            guard value.kind == .word, ["attempt", "final"].contains(value.text) else {
                error("unknown-event", "unknown webhook event '\(value.text)'", value,
                      hint: Suggestion.hint(for: value.text, in: ["attempt", "final"]) ?? "the events are attempt and final")
                return nil
            }
            if !events.contains(value.text) { events.append(value.text) }
        }
        guard !events.isEmpty else {
            error("missing-value", "`events` needs attempt, final or both", statement.arguments[0])
            return nil
        }
        return events
    }

    mutating func yesNo(_ statement: Statement) -> Bool? {
        guard let value = single(statement, .word, "yes or no") else { return nil }
        switch value.text {
        case "yes": return true
        case "no": return false
        default:
            error("invalid-switch", "`\(statement.arguments[0].text)` takes yes or no, not '\(value.text)'", value)
            return nil
        }
    }

    /// A whole number in `range`.
    mutating func wholeNumber(_ statement: Statement, in range: ClosedRange<Int>) -> Int? {
        guard let value = single(statement, .word, "a whole number") else { return nil }
        guard let number = Int(value.text), range.contains(number) else {
            error("invalid-number", "`\(statement.arguments[0].text)` must be a whole number from \(range.lowerBound) to "
                  + "\(range.upperBound), not '\(value.text)'", value)
            return nil
        }
        return number
    }
}

/// The delivery settings text messages and webhooks share: `sender`, `hours` (SMS only, by the keyword
/// lists), `rate`, `tries`, `backoff`, and the HTTP limits `connect-timeout`, `timeout`, `max-response`.
struct SharedDeliverySettings {
    var sender: String?
    var hours: TimeRange?
    var rate: Int?
    var tries: Int?
    var backoff: ClosedRange<Int>?
    var limits = HTTPLimitSettings()

    mutating func read(_ keyword: String, _ statement: Statement, into reader: inout ConfigStatements) {
        switch keyword {
        case "sender":
            if let value = reader.single(statement, .string, "the sender's name in quotes") { sender = value.text }
        case "hours":
            if let value = reader.single(statement, .word, "a time range such as 08:00-21:00") {
                switch ValueSyntax.timeRange(value.text) {
                case .success(let range): hours = range
                case .failure(let problem): reader.error(problem.id, problem.message, value, hint: problem.hint)
                }
            }
        case "rate": rate = reader.wholeNumber(statement, in: 1...10_000)
        case "tries": tries = reader.wholeNumber(statement, in: 1...100)
        case "backoff": backoff = Self.backoff(statement, &reader)
        case "connect-timeout": limits.connectSeconds = Self.seconds(statement, in: 1...300, &reader)
        case "timeout": limits.totalSeconds = Self.seconds(statement, in: 1...3_600, &reader)
        case "max-response": limits.maxResponseBytes = Self.size(statement, &reader)
        default: break
        }
    }

    /// A duration such as `5s` or `2m`, in whole seconds within `range`.
    private static func seconds(_ statement: Statement, in range: ClosedRange<Int>, _ reader: inout ConfigStatements) -> Int? {
        guard let value = reader.single(statement, .word, "a duration such as 15s") else { return nil }
        switch ValueSyntax.duration(value.text) {
        case .success(let seconds) where range.contains(seconds):
            return seconds
        case .success:
            reader.error("invalid-duration", "`\(statement.arguments[0].text)` must be from \(range.lowerBound)s to "
                         + "\(range.upperBound)s, not \(value.text)", value)
        case .failure(let problem):
            reader.error(problem.id, problem.message, value, hint: problem.hint)
        }
        return nil
    }

    /// `64KB`, `1MB`: a size in bytes (1 KB = 1,024 bytes), from 1 KB to 64 MB.
    private static func size(_ statement: Statement, _ reader: inout ConfigStatements) -> Int? {
        guard let value = reader.single(statement, .word, "a size such as 64KB or 1MB") else { return nil }
        let units = [("MB", 1 << 20), ("KB", 1 << 10)]
        if let (unit, bytes) = units.first(where: { value.text.hasSuffix($0.0) }),
           let number = Int(value.text.dropLast(unit.count)), value.text.first?.isNumber == true,
           (1...(64 << 20)).contains(number * bytes), number <= 64 << 10 {
            return number * bytes
        }
        reader.error("invalid-size", "'\(value.text)' is not a size from 1KB to 64MB", value, hint: "e.g. 64KB or 1MB")
        return nil
    }

    /// `backoff 30s to 1h`: the first wait and the longest.
    private static func backoff(_ statement: Statement, _ reader: inout ConfigStatements) -> ClosedRange<Int>? {
        let values = Array(statement.values)
        let hint = "e.g. `backoff 30s to 1h`: the first wait after a failure, and the longest"
        guard values.count == 3, values.allSatisfy({ $0.kind == .word }), values[1].text == "to" else {
            reader.error("invalid-backoff", "`backoff` needs two durations: FIRST to LONGEST", values.first ?? statement.arguments[0],
                         hint: hint)
            return nil
        }
        var seconds: [Int] = []
        for value in [values[0], values[2]] {
            switch ValueSyntax.duration(value.text) {
            case .success(let duration): seconds.append(duration)
            case .failure(let problem): reader.error(problem.id, problem.message, value, hint: problem.hint)
            }
        }
        guard seconds.count == 2 else { return nil }
        guard seconds[0] <= seconds[1] else {
            reader.error("invalid-backoff", "the first wait is longer than the longest", values[0], hint: hint)
            return nil
        }
        return seconds[0]...seconds[1]
    }
}
