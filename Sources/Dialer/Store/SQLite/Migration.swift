/// A versioned schema change. Versions start at 1 and increase by 1.
///
/// `sql` may hold several statements; ``SchemaMigrator`` runs it inside its own write
/// transaction, so it must not contain `BEGIN`/`COMMIT` itself.
struct Migration: Sendable {
    /// The schema version this migration brings the database to.
    let version: Int
    /// A short name recorded with the version, for people reading the database.
    let name: String
    /// The statements to run.
    let sql: String
}
