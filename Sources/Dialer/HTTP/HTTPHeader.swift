/// One HTTP header field. Names compare without regard to case.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether the field could be sent as is: a token name, and no line break or NUL in the value
    /// (a value with a line break would smuggle in another header).
    var isWellFormed: Bool {
        let tokenSymbols = Set("!#$%&'*+-.^_`|~".unicodeScalars)
        let nameOK = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || tokenSymbols.contains(scalar))
        }
        return nameOK && !value.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }
}

extension Array where Element == HTTPHeader {
    /// The value of the first field called `name` (any case), if present.
    public func value(of name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
