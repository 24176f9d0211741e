/// Why a Do-Not-Call file cannot be loaded at all (single bad lines are rejects, not errors).
struct DNCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    enum Problem: Sendable, Hashable {
        /// The file could not be opened or read; the system's reason.
        case cannotRead(String)
        /// The CSV file has no column of that name; the columns it has.
        case missingColumn(String, available: [String])
        /// The default region is not a known ISO 3166-1 alpha-2 code.
        case unknownDefaultRegion(String)
        /// The CSV file cannot be read (empty, bad header…): the CSV reader's explanation.
        case csv(String)
    }

    /// The DNC file concerned.
    let path: String
    /// What is wrong.
    let problem: Problem

    var description: String {
        switch problem {
        case .cannotRead(let reason):
            "Cannot read the Do-Not-Call file \(path): \(reason)."
        case .missingColumn(let column, let available):
            "The Do-Not-Call file \(path) has no column “\(column)”; its columns are: \(available.joined(separator: ", "))."
        case .unknownDefaultRegion(let region):
            "The default country “\(region)” for the Do-Not-Call file \(path) is not a known ISO 3166-1 country code."
        case .csv(let explanation):
            explanation
        }
    }
}
