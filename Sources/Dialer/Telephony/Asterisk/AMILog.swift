/// Where the Asterisk driver writes what it does: connects, drops and refusals by
/// level, and at `debug` every action it sends and every message it receives, one
/// line each, with the secret hidden and phone numbers masked as elsewhere.
public struct AMILog: Sendable {
    /// Writes one line at a level.
    let write: @Sendable (LogLevel, String) -> Void
    /// Whether every message exchanged with the manager is written (at `debug`).
    let traces: Bool
    /// Whether phone numbers are written in full.
    let showsNumbers: Bool

    /// A log writing through `write`; `traces` writes each message, `showsNumbers` leaves numbers unmasked.
    public init(traces: Bool = false, showsNumbers: Bool = false,
                write: @escaping @Sendable (LogLevel, String) -> Void) {
        self.write = write
        self.traces = traces
        self.showsNumbers = showsNumbers
    }

    /// The log of a daemon's logger, each line with `campaign`; messages are traced when it logs `debug`.
    public init(logger: Logger, campaign: String) {
        self.init(traces: logger.level >= .debug, showsNumbers: logger.showsNumbers) { level, line in
            logger.log(level, line, ["campaign": campaign, "driver": "asterisk"])
        }
    }

    /// Fields whose digits are identifiers or times, never phone numbers.
    private static let identifierFields: Set<String> = [
        "actionid", "uniqueid", "linkedid", "destuniqueid", "destlinkedid", "channelid", "otherchannelid",
        "bridgeuniqueid", "timestamp", "priority", "destpriority", "channelstate", "destchannelstate", "cause",
        "reason", "status", "paused", "penalty", "callstaken", "lastcall", "lastpause", "logintime", "incall",
        "holdtime", "talktime", "ringtime", "position", "count", "seconds", "duration", "bridgenumchannels",
        "eventlist", "listitems", "queuecalls", "calls", "completed", "abandoned", "servicelevel", "weight",
        "privilege", "language", "accountcode", "amicode", "items",
    ]

    /// One message as a single log line: `Key: Value; Key: Value`, the secret replaced
    /// by `****`, every run of seven or more digits in other fields masked (`+8490****567`).
    func line(_ message: AMIMessage) -> String {
        message.fields.map { field in
            let key = field.key.lowercased()
            if key == "secret" || key == "key" { return field.key + ": ****" }
            if showsNumbers || Self.identifierFields.contains(key) { return field.key + ": " + field.value }
            return field.key + ": " + Self.maskingNumbers(in: field.value)
        }.joined(separator: "; ")
    }

    /// `text` with each run of seven or more digits (with a `+` before it, if any) masked.
    static func maskingNumbers(in text: String) -> String {
        var result = ""
        var run = ""
        func flush() {
            let digits = run.filter(\.isNumber).count
            result += digits >= 7 ? PhoneMask.mask(run) : run
            run = ""
        }
        for character in text {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else if character == "+" && run.isEmpty {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
