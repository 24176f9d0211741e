/// Each job's latest call and the agent who last took one, gathered while calls are read in
/// the order placed, for results.csv's `last_call` and `agent`.
///
/// Job ids of a campaign are dense, so the calls live in an array indexed from the lowest id;
/// a job's time and agent sit side by side (calls come in time order, jobs at random: one cache
/// line per call).
struct LastCalls {
    private struct Entry {
        var placed = -Double.infinity
        /// The number of the agent who last took a call (-1 for none).
        var agent: Int32 = -1
    }

    private let firstJob: Int64
    private var entries: [Entry]
    private var agentNames = ByteInterner()

    /// Room for the jobs of `campaign` in `store`.
    init(store: CampaignStore, campaign: Int64) throws {
        let bounds = try store.connection.firstRow(
            "SELECT MIN(id), MAX(id) FROM jobs WHERE campaign_id = ?", [campaign]) { ($0.int64(0), $0.int64(1)) }
        firstJob = bounds?.0 ?? 0
        let span = Int(max(0, (bounds?.1 ?? -1) - firstJob + 1))
        entries = Array(repeating: Entry(), count: span)
    }

    /// Reads every ended call of the campaign (for reports whose range leaves some out).
    mutating func readAll(store: CampaignStore, campaign: Int64) throws {
        let statement = try store.connection.statement(
            "SELECT job_id, placed_at, agent FROM attempts WHERE campaign_id = ? AND state = 'ended' ORDER BY id")
        defer { statement.reset() }
        try statement.bind([campaign])
        while try statement.step() {
            let row = statement.row
            row.withBytes(2) { note(job: row.int64(0), placed: row.double(1), agent: $0) }
        }
    }

    /// Notes a call of `job` placed at `time` (seconds since 1970), taken by `agent` (no bytes for none).
    mutating func note(job: Int64, placed time: Double, agent: UnsafeBufferPointer<UInt8>) {
        let index = Int(job - firstJob)
        guard entries.indices.contains(index) else { return }
        if time > entries[index].placed { entries[index].placed = time }
        if !agent.isEmpty { entries[index].agent = Int32(agentNames.intern(agent)) }
    }

    /// When the job's last call was placed, if it has one.
    func lastPlaced(job: Int64) -> Double? {
        let index = Int(job - firstJob)
        return entries.indices.contains(index) && entries[index].placed > -.infinity ? entries[index].placed : nil
    }

    /// The agent who last took a call of the job, if any.
    func lastAgent(job: Int64) -> String? {
        let index = Int(job - firstJob)
        guard entries.indices.contains(index), entries[index].agent >= 0 else { return nil }
        return agentNames.texts[Int(entries[index].agent)]
    }
}
