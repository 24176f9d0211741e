/// Why a CSV file cannot be read at all. Row-level problems are not errors: they come back as ``CSVReject``.
struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the file.
    enum Problem: Sendable, Hashable {
        /// The file could not be opened (missing, a directory, no permission…); the system's reason.
        case cannotOpen(String)
        /// Reading failed part-way; the system's reason.
        case cannotRead(String)
        /// Writing failed (rejects file); the system's reason.
        case cannotWrite(String)
        /// The file holds no header line.
        case empty
        /// The header line cannot be used; why.
        case unusableHeader(String)
    }

    /// The file concerned.
    let path: String
    /// What is wrong.
    let problem: Problem

    var description: String {
        switch problem {
        case .cannotOpen(let reason): "Cannot open the CSV file \(path): \(reason)."
        case .cannotRead(let reason): "Cannot read the CSV file \(path): \(reason)."
        case .cannotWrite(let reason): "Cannot write the file \(path): \(reason)."
        case .empty: "The CSV file \(path) is empty: it needs a header line naming its columns."
        case .unusableHeader(let reason): "The header line of the CSV file \(path) cannot be used: \(reason)."
        }
    }
}
