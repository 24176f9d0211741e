/// Reads a daemon config file (the campaign language's syntax: `keyword value…`
/// lines and `{ }` blocks) into a ``DaemonConfig``, reporting every problem with
/// the same diagnostics as a campaign file.
///
/// ```
/// database  "/var/lib/dialer/dialer.db"
/// campaigns "/etc/dialer/campaigns"
/// reports   "/var/lib/dialer/reports"
/// log-level info
/// telephony asterisk {
///   host     "pbx.example.com"
///   port     5038
///   username "dialer"
///   secret   env AMI_SECRET
/// }
/// sms {
///   url   "https://sms.example.com/send"
///   token env SMS_TOKEN
/// }
/// webhook crm "https://crm.example.com/hooks/dialer" {
///   secret env CRM_SECRET
/// }
/// http {
///   listen 127.0.0.1:8080
/// }
/// ```
public enum DaemonConfigReader {
    static let topKeywords = [
        "database", "campaigns", "reports", "log-level", "log-numbers", "telephony", "sms", "webhook", "screen-pop",
        "http",
    ]
    static let httpKeywords = ["listen", "tls-certificate", "tls-key"]
    static let simulatedKeywords = ["seed", "time-scale", "start"]
    static let asteriskKeywords = [
        "host", "port", "username", "secret", "channel", "context", "extension", "priority", "caller-id-name", "caller-id",
        "queue", "amd", "amd-false-positives", "lines", "calls-per-second", "call-key-prefix", "recording-variable",
        "call-variable", "ping-interval", "reconnect-delay", "max-reconnect-delay", "connect-timeout", "max-queue-delay",
    ]
    static let smsKeywords = [
        "outbox", "url", "method", "token", "header", "json", "form", "success", "success-field", "deduplicates",
        "sender", "hours", "rate", "tries", "backoff", "connect-timeout", "timeout", "max-response",
    ]
    static let webhookKeywords = [
        "secret", "events", "header", "rate", "tries", "backoff", "deduplicates", "connect-timeout", "timeout", "max-response",
    ]

    /// Reads the config at `path` through `environment`.
    public static func read(file path: String, environment: any CampaignEnvironment = FileSystemEnvironment()) -> DaemonConfigCheck {
        var sources = SourceFiles()
        let text: String
        do {
            text = try environment.readSource(atPath: path)
        } catch {
            let diagnostic = Diagnostic(
                severity: .error, id: "unreadable-file", message: "cannot read the config file \(path)",
                range: .point(path, 0), hint: "check the path given to --config and the file's permissions")
            sources.add(SourceFile(path: path, text: ""))
            return DaemonConfigCheck(config: nil, diagnostics: [diagnostic], sources: sources)
        }
        sources.add(SourceFile(path: path, text: text))
        let (config, diagnostics) = parse(text, file: path)
        return DaemonConfigCheck(config: config, diagnostics: diagnostics, sources: sources)
    }

    /// Reads config text; `file` names it in diagnostics and anchors relative paths.
    public static func parse(_ text: String, file: String) -> (config: DaemonConfig?, diagnostics: [Diagnostic]) {
        let (tree, parseDiagnostics) = Parser.parse(text, file: file)
        let diagnostics = DiagnosticCollector()
        diagnostics.append(contentsOf: parseDiagnostics)
        var reader = ConfigStatements(source: SourceFile(path: file, text: text), diagnostics: diagnostics)
        let config = reader.read(tree.statements)
        return (diagnostics.hasErrors ? nil : config, diagnostics.sorted(files: [file]))
    }
}

/// The walk over a config's statements, keeping what was set so far.
struct ConfigStatements {
    let source: SourceFile
    let diagnostics: DiagnosticCollector
    private var seen: [String: SourceRange] = [:]

    init(source: SourceFile, diagnostics: DiagnosticCollector) {
        self.source = source
        self.diagnostics = diagnostics
    }

    var file: String { source.path }

    mutating func read(_ statements: [Statement]) -> DaemonConfig {
        var config = DaemonConfig()
        for statement in statements where !statement.isMalformed {
            guard let keyword = keyword(of: statement, known: DaemonConfigReader.topKeywords, scope: "",
                                        repeatable: ["webhook"]) else { continue }
            switch keyword {
            case "database": if let path = path(statement) { config.databasePath = path }
            case "campaigns": if let path = path(statement) { config.campaignsFolder = path }
            case "reports": if let path = path(statement) { config.reportsFolder = path }
            case "log-level":
                if let value = single(statement, .word, "a log level") {
                    if DaemonConfig.logLevels.contains(value.text) {
                        config.logLevel = value.text
                    } else {
                        error("invalid-log-level", "'\(value.text)' is not a log level", value,
                              hint: Suggestion.hint(for: value.text, in: DaemonConfig.logLevels)
                                ?? "use error, warning, info or debug")
                    }
                }
            case "log-numbers":
                if let value = single(statement, .word, "yes or no") {
                    switch value.text {
                    case "yes": config.logNumbers = true
                    case "no": config.logNumbers = false
                    default: error("invalid-switch", "log-numbers takes yes or no, not '\(value.text)'", value)
                    }
                }
            case "telephony":
                if let telephony = telephony(statement) { config.telephony = telephony }
            case "sms":
                if let sms = sms(statement) { config.sms = sms }
            case "webhook":
                if let webhook = webhook(statement, named: config.webhooks.map(\.name)) { config.webhooks.append(webhook) }
            case "screen-pop":
                config.screenPop = screenPop(statement)
            case "http":
                if let http = http(statement) { config.http = http }
            default:
                break
            }
        }
        return config
    }

    // MARK: Blocks

    private mutating func telephony(_ statement: Statement) -> TelephonySettings? {
        guard let backend = single(statement, .word, "a telephony backend (simulated or asterisk)", allowsBlock: true) else {
            return nil
        }
        let statements = statement.block?.statements ?? []
        switch backend.text {
        case "simulated":
            var settings = SimulatedTelephonySettings()
            for inner in statements where !inner.isMalformed {
                guard let keyword = keyword(of: inner, known: DaemonConfigReader.simulatedKeywords, scope: "telephony.") else {
                    continue
                }
                switch keyword {
                case "seed":
                    if let value = single(inner, .word, "a whole number") {
                        if let seed = UInt64(value.text) { settings.seed = seed } else {
                            error("invalid-number", "'\(value.text)' is not a whole number ≥ 0", value)
                        }
                    }
                case "time-scale":
                    if let value = single(inner, .word, "a number ≥ 1") {
                        if let scale = Double(value.text), scale >= 1, scale <= 1_000_000 { settings.timeScale = scale } else {
                            error("invalid-number", "time-scale must be a number from 1 to 1000000, not '\(value.text)'", value,
                                  hint: "1 runs in real time; 600 makes a wall-clock second ten simulated minutes")
                        }
                    }
                case "start":
                    settings.start = clockStart(inner)
                default:
                    break
                }
            }
            return .simulated(settings)
        case "asterisk":
            return asterisk(statement, statements)
        default:
            error("unknown-backend", "unknown telephony backend '\(backend.text)'", backend,
                  hint: Suggestion.hint(for: backend.text, in: ["simulated", "asterisk"]) ?? "use simulated or asterisk")
            return nil
        }
    }

    private mutating func asterisk(_ statement: Statement, _ statements: [Statement]) -> TelephonySettings? {
        var text: [String: String] = [:]
        var numbers: [String: Double] = [:]
        var amd: Bool?
        var secret: SecretReference?
        var written = Set<String>()
        for inner in statements where !inner.isMalformed {
            guard let keyword = keyword(of: inner, known: DaemonConfigReader.asteriskKeywords, scope: "telephony.") else {
                continue
            }
            written.insert(keyword)
            switch keyword {
            case "secret":
                secret = secretReference(inner)
            case "amd":
                if let value = single(inner, .word, "yes or no") {
                    switch value.text {
                    case "yes": amd = true
                    case "no": amd = false
                    default: error("invalid-switch", "amd takes yes or no, not '\(value.text)'", value)
                    }
                }
            case "port", "priority", "lines":
                let range: ClosedRange<Double> = keyword == "port" ? 1...65_535 : keyword == "lines" ? 1...10_000 : 1...1_000
                if let value = single(inner, .word, "a whole number") {
                    if let number = Int(value.text), range.contains(Double(number)) { numbers[keyword] = Double(number) } else {
                        error("invalid-number", "`\(keyword)` must be a whole number from \(Int(range.lowerBound)) to "
                              + "\(Int(range.upperBound)), not '\(value.text)'", value)
                    }
                }
            case "ping-interval", "reconnect-delay", "max-reconnect-delay", "connect-timeout", "max-queue-delay":
                if let value = single(inner, .word, "a duration such as 20s or 2m") {
                    switch ValueSyntax.duration(value.text) {
                    case .success(let seconds) where seconds > 0: numbers[keyword] = Double(seconds)
                    case .success: error("invalid-duration", "`\(keyword)` must be longer than 0 seconds", value)
                    case .failure(let problem): error(problem.id, problem.message, value, hint: problem.hint)
                    }
                }
            case "calls-per-second":
                if let value = single(inner, .word, "a number") {
                    if let number = Double(value.text), number > 0, number <= 1_000 { numbers[keyword] = number } else {
                        error("invalid-number", "calls-per-second must be a number above 0, not '\(value.text)'", value)
                    }
                }
            case "amd-false-positives":
                if let value = single(inner, .word, "a percentage") {
                    switch ValueSyntax.percent(value.text) {
                    case .success(let percent): numbers[keyword] = percent
                    case .failure(let problem): error(problem.id, problem.message, value, hint: problem.hint)
                    }
                }
            case "extension":
                if let value = inner.values.first, value.kind == .word, inner.values.count == 1 {
                    text[keyword] = value.text
                } else if let value = single(inner, .string, "an extension") {
                    text[keyword] = value.text
                }
            case "caller-id":
                if let value = single(inner, .word, "a number in E.164, e.g. +842873001234") {
                    if value.text.hasPrefix("+"), value.text.dropFirst().allSatisfy(\.isASCII), value.text.dropFirst().allSatisfy(\.isNumber) {
                        text[keyword] = value.text
                    } else {
                        error("invalid-caller-id", "'\(value.text)' is not a number in E.164", value, hint: "write + and the digits")
                    }
                }
            default:
                if let value = single(inner, .string, "a value in quotes") {
                    if keyword == "channel" && !value.text.contains("{number}") && !value.text.contains("{digits}") {
                        error("invalid-channel", "the channel has no {number} or {digits} placeholder", value,
                              hint: "e.g. \"PJSIP/{number}@trunk\" ({number} is +E.164, {digits} the same without the +)")
                    } else {
                        text[keyword] = value.text
                    }
                }
            }
        }
        // A value written wrongly was reported where it is; only missing ones are reported here.
        let missing = ["host", "username", "secret", "channel"].filter { !written.contains($0) }.map { "`\($0)`" }
        guard let host = text["host"], let username = text["username"], let secret, let channel = text["channel"] else {
            if !missing.isEmpty {
                error("missing-setting", "telephony asterisk needs \(missing.joined(separator: ", "))", statement.arguments[0],
                      hint: "add them inside `telephony asterisk { … }`")
            }
            return nil
        }
        return .asterisk(AsteriskSettings(
            host: host, port: numbers["port"].map { Int($0) } ?? 5038, username: username, secret: secret, channel: channel,
            context: text["context"], extension_: text["extension"], priority: numbers["priority"].map { Int($0) },
            callerIDName: text["caller-id-name"], callerID: text["caller-id"], queue: text["queue"], amd: amd,
            amdFalsePositivePercent: numbers["amd-false-positives"], lines: numbers["lines"].map { Int($0) },
            callsPerSecond: numbers["calls-per-second"], callKeyPrefix: text["call-key-prefix"],
            recordingVariable: text["recording-variable"], callVariable: text["call-variable"],
            pingInterval: numbers["ping-interval"], reconnectDelay: numbers["reconnect-delay"],
            maxReconnectDelay: numbers["max-reconnect-delay"], connectTimeout: numbers["connect-timeout"],
            maxQueueDelay: numbers["max-queue-delay"]))
    }

    // MARK: Values

    /// `env NAME`: a secret is never written in the config itself.
    mutating func secretReference(_ statement: Statement) -> SecretReference? {
        let values = Array(statement.values)
        let name = statement.arguments[0].text
        if values.count == 2, values[0].kind == .word, values[0].text == "env", values[1].kind == .word,
           isVariableName(values[1].text) {
            return SecretReference(variable: values[1].text)
        }
        if let literal = values.first, literal.kind == .string || (literal.kind == .word && literal.text != "env") {
            error("secret-in-config", "secrets are not written in the config file", literal,
                  hint: "keep it in an environment variable and write `\(name) env VARIABLE_NAME`")
        } else {
            error("invalid-secret", "`\(name)` needs `env` and an environment variable's name",
                  values.last ?? statement.arguments[0], hint: "e.g. `\(name) env DIALER_\(name.uppercased())`")
        }
        return nil
    }

    /// `start 2026-03-02 08:00 Asia/Ho_Chi_Minh`.
    private mutating func clockStart(_ statement: Statement) -> ClockStart? {
        let values = Array(statement.values)
        guard values.count == 3, values.allSatisfy({ $0.kind == .word }) else {
            error("invalid-start", "`start` needs a date, a time and a zone", values.first ?? statement.arguments[0],
                  hint: "e.g. `start 2026-03-02 08:00 Asia/Ho_Chi_Minh`")
            return nil
        }
        var date: LocalDate?
        var time: TimeOfDay?
        switch ValueSyntax.date(values[0].text) {
        case .success(let value): date = value
        case .failure(let problem): error(problem.id, problem.message, values[0], hint: problem.hint)
        }
        switch ValueSyntax.timeOfDay(values[1].text) {
        case .success(let value): time = value
        case .failure(let problem): error(problem.id, problem.message, values[1], hint: problem.hint)
        }
        guard TimeZones.isValid(values[2].text) else {
            error("unknown-time-zone", "unknown time zone '\(values[2].text)'", values[2], hint: TimeZones.hint(for: values[2].text))
            return nil
        }
        guard let date, let time else { return nil }
        return ClockStart(date: date, time: time, timeZone: values[2].text)
    }

    /// A path in quotes, resolved against the config's folder.
    mutating func path(_ statement: Statement) -> String? {
        guard let value = single(statement, .string, "a path in quotes") else { return nil }
        guard !value.text.isEmpty else {
            error("empty-path", "the path is empty", value)
            return nil
        }
        return PathResolver.normalize(PathResolver.resolve(value.text, relativeTo: file))
    }

    /// The statement's one value, of `kind`; reports a missing, wrong or extra value, and a block where none belongs.
    mutating func single(_ statement: Statement, _ kind: Argument.Kind, _ what: String,
                                 allowsBlock: Bool = false) -> Argument? {
        let name = statement.arguments[0].text
        if !allowsBlock, let block = statement.block {
            diagnostics.error("unexpected-block", "`\(name)` takes no block", at: SourceRange(file: file, start: block.open, end: block.open + 1))
        }
        let values = Array(statement.values)
        guard let value = values.first else {
            diagnostics.error("missing-value", "`\(name)` needs \(what)", at: .point(file, statement.arguments[0].end))
            return nil
        }
        if values.count > 1 {
            error("unexpected-value", "`\(name)` takes one value", values[1])
        }
        guard value.kind == kind else {
            let hint = kind == .string ? "put it in double quotes" : nil
            error("invalid-value", "`\(name)` needs \(what)", value, hint: hint)
            return nil
        }
        return value
    }

    /// The statement's keyword when it is known in this block and not set twice (unless `repeatable`);
    /// reports otherwise.
    mutating func keyword(of statement: Statement, known: [String], scope: String, repeatable: Set<String> = []) -> String? {
        guard let keyword = statement.keyword else {
            error("expected-keyword", "expected a setting's name", statement.arguments.first, at: statement.start)
            return nil
        }
        guard known.contains(keyword.text) else {
            error("unknown-setting", "unknown setting '\(keyword.text)'", keyword,
                  hint: Suggestion.hint(for: keyword.text, in: known) ?? "the settings here are " + known.joined(separator: ", "))
            return nil
        }
        let range = SourceRange(file: file, start: keyword.start, end: keyword.end)
        if repeatable.contains(keyword.text) { return keyword.text }
        if let first = seen[scope + keyword.text] {
            let line = source.location(of: first.start).line
            diagnostics.error("duplicate-setting", "`\(keyword.text)` is set twice", at: range,
                              notes: ["first set on line \(line)"], hint: "keep one")
            return nil
        }
        seen[scope + keyword.text] = range
        return keyword.text
    }

    func isVariableName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    func error(_ id: String, _ message: String, _ argument: Argument?, at offset: Int = 0, hint: String? = nil) {
        let range = argument.map { SourceRange(file: file, start: $0.start, end: $0.end) } ?? .point(file, offset)
        diagnostics.error(id, message, at: range, hint: hint)
    }
}
