import CampaignDSL

/// Any JSON value: what the API reads from a request body whose shape is checked row by row, and writes
/// where the keys come from the data (a list's columns).
package enum JSONValue: Sendable, Equatable, Codable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// A string, or nil for any other value.
    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// An object's members, or nil for any other value.
    package var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value as compact JSON, object keys sorted: written byte by byte (no `JSONEncoder`), for the
    /// API's pages, which are read thousands of times a second.
    func append(to out: inout [UInt8]) {
        switch self {
        case .string(let value): JSONString.append(value, to: &out)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { out.append(contentsOf: String(Int64(value)).utf8) }
            else if value.isFinite { out.append(contentsOf: "\(value)".utf8) }
            else { out.append(contentsOf: "null".utf8) }
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.append(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONString.append(key, to: &out)
                out.append(UInt8(ascii: ":"))
                members[key]?.append(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// `.string` or `.null`.
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// `.number` or `.null`.
    static func optional(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
}
