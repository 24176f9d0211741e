/// A campaign's jobs held in arrays, read in one scan: which contact each job dials, and each
/// contact's status, attempts and last outcome. Reports look jobs up here instead of joining
/// per row (millions of B-tree lookups).
///
/// Ids of one campaign's jobs and contacts are dense, so arrays are indexed from the lowest id.
struct JobTable {
    private let firstJob: Int64
    private let firstContact: Int64
    /// By job: its contact id (0 for none).
    private var contactOfJob: [Int64]
    /// By contact: its job's id, state, attempts and last outcome (indexes into `texts`).
    private var jobOfContact: [Int64]
    private var state: [Int32]
    private var attempts: [Int32]
    private var lastOutcome: [Int32]
    private var texts: [String] = [""]
    private var textIndex: [String: Int32] = ["": 0]

    init(store: CampaignStore, campaign: Int64) throws {
        let db = store.connection
        let jobs = try db.firstRow("SELECT MIN(id), MAX(id), MIN(contact_id), MAX(contact_id) FROM jobs WHERE campaign_id = ?",
                                   [campaign]) { ($0.int64(0), $0.int64(1), $0.int64(2), $0.int64(3)) }
        firstJob = jobs?.0 ?? 0
        firstContact = jobs?.2 ?? 0
        let jobSpan = Int(max(0, (jobs?.1 ?? -1) - firstJob + 1))
        let contactSpan = Int(max(0, (jobs?.3 ?? -1) - firstContact + 1))
        contactOfJob = Array(repeating: 0, count: jobSpan)
        jobOfContact = Array(repeating: 0, count: contactSpan)
        state = Array(repeating: 0, count: contactSpan)
        attempts = Array(repeating: 0, count: contactSpan)
        lastOutcome = Array(repeating: 0, count: contactSpan)
        let statement = try db.statement(
            "SELECT id, contact_id, state, attempts, last_outcome FROM jobs WHERE campaign_id = ?")
        defer { statement.reset() }
        try statement.bind([campaign])
        while try statement.step() {
            let row = statement.row
            let job = row.int64(0)
            let contact = row.int64(1)
            contactOfJob[Int(job - firstJob)] = contact
            let index = Int(contact - firstContact)
            jobOfContact[index] = job
            state[index] = intern(row.string(2))
            attempts[index] = Int32(clamping: row.int64(3))
            lastOutcome[index] = intern(row.string(4))
        }
    }

    private mutating func intern(_ text: String) -> Int32 {
        if let known = textIndex[text] { return known }
        let new = Int32(texts.count)
        texts.append(text)
        textIndex[text] = new
        return new
    }

    /// The contact a job dials.
    func contact(ofJob job: Int64) -> Int64 {
        let index = Int(job - firstJob)
        return contactOfJob.indices.contains(index) ? contactOfJob[index] : 0
    }

    /// A contact's job: its id, state, attempts and last outcome; nil for a contact without one.
    func job(ofContact contact: Int64) -> (id: Int64, state: String, attempts: Int, lastOutcome: String)? {
        let index = Int(contact - firstContact)
        guard jobOfContact.indices.contains(index), jobOfContact[index] != 0 else { return nil }
        return (jobOfContact[index], texts[Int(state[index])], Int(attempts[index]), texts[Int(lastOutcome[index])])
    }
}
