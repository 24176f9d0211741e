/// Why ``SchemaMigrator`` refused to touch a database.
enum SchemaMigrationError: Error, CustomStringConvertible, Equatable {
    /// The database records a schema version newer than any migration this binary knows.
    case databaseIsNewer(databaseVersion: Int, newestKnown: Int)
    /// The migrations given do not number 1, 2, 3, … in order.
    case versionsNotConsecutive(expected: Int, found: Int)

    var description: String {
        switch self {
        case let .databaseIsNewer(databaseVersion, newestKnown):
            "the database has schema version \(databaseVersion), newer than the newest this program knows "
                + "(\(newestKnown)); use a newer dialerd with this database"
        case let .versionsNotConsecutive(expected, found):
            "migration versions must be 1, 2, 3, … in order: expected version \(expected), found \(found)"
        }
    }
}
