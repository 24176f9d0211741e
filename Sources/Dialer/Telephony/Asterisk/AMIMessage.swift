/// One Asterisk Manager Interface message: `Key: Value` fields in the order
/// they came, ended by a blank line. Keys compare without regard to case, as
/// Asterisk does; a key may repeat (`Variable:` in an action).
struct AMIMessage: Sendable, Hashable {
    /// The fields, in order.
    private(set) var fields: [(key: String, value: String)]

    init(_ fields: [(key: String, value: String)] = []) {
        self.fields = fields
    }

    /// The first value of `key`, nil when absent.
    subscript(key: String) -> String? {
        fields.first { Self.sameKey($0.key, key) }?.value
    }

    /// Whether two keys are equal, ASCII letters compared without regard to case.
    private static func sameKey(_ left: String, _ right: String) -> Bool {
        guard left.utf8.count == right.utf8.count else { return false }
        return zip(left.utf8, right.utf8).allSatisfy { a, b in
            a == b || (a | 0x20 == b | 0x20 && (0x61...0x7A).contains(a | 0x20))
        }
    }

    /// Appends a field.
    mutating func append(_ key: String, _ value: String) {
        fields.append((key, value))
    }

    /// The event's name (`Event:`), nil for a response.
    var event: String? { self["Event"] }

    /// The response status (`Response:`), nil for an event. An `OriginateResponse`
    /// event has a `Response` field too: check ``event`` first.
    var response: String? { event == nil ? self["Response"] : nil }

    /// The correlation id of a response, or of an event that answers an action.
    var actionID: String? { self["ActionID"] }

    /// The wire form: CRLF line ends and a blank line at the end.
    var encoded: [UInt8] {
        var text = ""
        for (key, value) in fields { text += key + ": " + value + "\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func == (lhs: AMIMessage, rhs: AMIMessage) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.key == $1.key && $0.value == $1.value }
    }

    func hash(into hasher: inout Hasher) {
        for (key, value) in fields {
            hasher.combine(key)
            hasher.combine(value)
        }
    }
}
