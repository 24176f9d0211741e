import CampaignDSL

/// A command line split into options and positional arguments.
///
/// Options are `--name value`, `--name=value` or flags `--name`; which names take
/// a value is declared, so a misspelt option is an error, never a silent positional.
public struct CommandArguments: Sendable {
    /// The words that are not options, in order.
    public private(set) var positional: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// Parses `words` given the options that take a value and the flags.
    public init(_ words: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws(UsageError) {
        var index = 0
        var onlyPositional = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositional || !word.hasPrefix("-") || word == "-" {
                positional.append(word)
                continue
            }
            if word == "--" {
                onlyPositional = true
                continue
            }
            let body = word.drop { $0 == "-" }
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
            if flagOptions.contains(name) {
                guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
                flags.insert(name)
            } else if valueOptions.contains(name) {
                if let inlineValue {
                    values[name] = inlineValue
                } else {
                    guard index < words.count else { throw UsageError("--\(name) needs a value") }
                    values[name] = words[index]
                    index += 1
                }
            } else {
                let known = valueOptions.union(flagOptions).union(["help"])
                let guess = Suggestion.nearest(to: name, in: known.sorted()).map { "; did you mean '--\($0)'?" } ?? ""
                throw UsageError("unknown option '\(word)'\(guess)")
            }
        }
    }

    /// The value given to `--name`, if any.
    public func value(_ name: String) -> String? { values[name] }

    /// Whether the flag `--name` was given.
    public func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// The command line is wrong; the message says how.
public struct UsageError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
