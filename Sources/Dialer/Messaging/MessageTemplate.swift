/// A message text with `{field}` placeholders, filled from a contact, a call and its survey answers.
public struct MessageTemplate: Sendable, Hashable {
    /// The text as written.
    public let text: String
    private let pieces: [Piece]

    private enum Piece: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// - Throws: ``MessagingError/unpairedBraces`` when a `{` or `}` has no partner.
    public init(_ text: String) throws(MessagingError) {
        var pieces: [Piece] = []
        var literal = ""
        var name: String?
        for character in text {
            switch (character, name) {
            case ("{", nil):
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                name = ""
            case ("}", let current?):
                pieces.append(.placeholder(current.trimmingSpaces))
                name = nil
            case ("{", _), ("}", nil):
                throw .unpairedBraces
            case (_, let current?):
                name = current + String(character)
            default:
                literal.append(character)
            }
        }
        guard name == nil else { throw .unpairedBraces }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.text = text
        self.pieces = pieces
    }

    /// The placeholder names, in order of appearance.
    public var placeholders: [String] {
        pieces.compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    /// The text with each placeholder replaced by its value; a placeholder without a value
    /// (an empty cell, a question not asked) becomes empty text.
    public func render(_ values: [String: String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .placeholder(let name): values[name] ?? ""
            }
        }.joined()
    }

    /// The text's length with every placeholder empty: the least a message can be, for `explain`.
    public var fixedLength: SMSLength { SMSLength(measuring: render([:])) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
