import CampaignDSL
public import Foundation

/// Reads filled-in call sheets back (`dialerd agents import`): each row's disposition, survey answers,
/// callback and opt-out are checked against its campaign and, when valid, recorded as a call the agent
/// made, in one transaction per row. Bad rows are reported with their line and skipped; good rows are
/// applied. A row's key is recorded with its outcome, so importing the same sheet again changes nothing.
/// The campaign's follow-ups for each recorded outcome are enqueued with it.
public enum OutcomeImport {
    /// Imports the call sheet at `path` into the database at `databasePath`; `messaging` gives the
    /// follow-ups' default sender and webhooks.
    public static func importFile(_ path: String, databasePath: String, messaging: MessagingConfiguration,
                                  at time: Date) throws -> OutcomeImportReport {
        let store = try AgentsDatabase.open(databasePath, at: time)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path)
        } catch {
            throw EnvironmentError("\(path): \(error)")
        }
        var report = OutcomeImportReport()
        guard let columns = SheetColumns(header: reader.header) else {
            report.errors.append(ImportRowError(
                file: path, line: 1,
                message: "not a call sheet: the header needs '\(CallSheetColumns.campaign)', '\(CallSheetColumns.rowKey)' and '\(CallSheetColumns.disposition)'"))
            return report
        }
        var importer = RowImporter(store: store, columns: columns, messaging: messaging, time: time)
        while let row = reader.next() {
            switch row {
            case .rejected(let reject):
                report.errors.append(ImportRowError(file: path, line: reject.line, message: reject.reason))
            case .record(let record):
                switch try importer.apply(record.fields) {
                case .applied: report.applied += 1
                case .alreadyImported: report.alreadyImported += 1
                case .blank: report.blank += 1
                case .refused(let problems):
                    report.errors += problems.map { ImportRowError(file: path, line: record.line, message: $0) }
                }
            }
        }
        return report
    }
}

/// Where a sheet's columns are: the row's identity from the left, the outcome columns from the right
/// (a list column of the same name sits between them).
private struct SheetColumns {
    let campaign: Int
    let rowKey: Int
    let agent: Int?
    let disposition: Int
    let callback: Int?
    let callbackBy: Int?
    let optOut: Int?
    /// Answer columns by question id.
    let answers: [String: Int]

    init?(header: [String]) {
        guard let campaign = header.firstIndex(of: CallSheetColumns.campaign),
              let rowKey = header.firstIndex(of: CallSheetColumns.rowKey),
              let disposition = header.lastIndex(of: CallSheetColumns.disposition) else { return nil }
        self.campaign = campaign
        self.rowKey = rowKey
        self.disposition = disposition
        agent = header.firstIndex(of: CallSheetColumns.agent)
        callback = header.lastIndex(of: CallSheetColumns.callback)
        callbackBy = header.lastIndex(of: CallSheetColumns.callbackBy)
        optOut = header.lastIndex(of: CallSheetColumns.optOut)
        var answers: [String: Int] = [:]
        for (index, name) in header.enumerated() where index > disposition && name.hasPrefix(CallSheetColumns.answerPrefix) {
            answers[String(name.dropFirst(CallSheetColumns.answerPrefix.count))] = index
        }
        self.answers = answers
    }
}

/// What became of one row.
private enum RowResult {
    case applied
    case alreadyImported
    case blank
    case refused([String])
}

/// A row was valid on its own but the laws refused its callback; its transaction is rolled back.
private struct CallbackRefused: Error {
    let message: String
}

/// Checks and applies rows, keeping each campaign's spec and permit once read.
private struct RowImporter {
    let store: CampaignStore
    let columns: SheetColumns
    let messaging: MessagingConfiguration
    let time: Date
    private var campaigns: [String: OpenCampaign?] = [:]

    /// A campaign rows name, with what applying its rows needs.
    struct OpenCampaign {
        let campaign: CompiledCampaign
        let permit: DialPermit
        let followUps: FollowUpPlanner
    }

    init(store: CampaignStore, columns: SheetColumns, messaging: MessagingConfiguration, time: Date) {
        self.store = store
        self.columns = columns
        self.messaging = messaging
        self.time = time
    }

    mutating func apply(_ fields: [String]) throws -> RowResult {
        func cell(_ index: Int?) -> String {
            index.flatMap { fields[safe: $0] }?.trimmingCharacters(in: .whitespaces) ?? ""
        }
        let outcomeCells = [columns.disposition, columns.callback, columns.callbackBy, columns.optOut].map(cell)
            + columns.answers.values.map(cell)
        guard outcomeCells.contains(where: { !$0.isEmpty }) else { return .blank }
        let name = cell(columns.campaign)
        let key = cell(columns.rowKey)
        guard let open = try campaign(named: name) else {
            return .refused(["no campaign '\(name)' in this database"])
        }
        let campaign = open.campaign
        let keyParts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard keyParts.count == 3, keyParts[0] == name, let contactID = Int64(keyParts[1]), Int(keyParts[2]) != nil else {
            return .refused(["row_key '\(key)' is not a key this campaign's sheets carry"])
        }
        if try store.outcomeExists(rowKey: key) { return .alreadyImported }
        guard let contact = try store.openContact(campaign: campaign.id, contact: contactID) else {
            return .refused(["contact \(contactID) is not in \(name)"])
        }
        guard contact.state == .pending else {
            return .refused(["contact \(contactID) can no longer take an outcome: its job is \(contact.state.rawValue)"])
        }
        let agents = CampaignRunner.agentIDs(of: campaign.spec)
        let sheetAgent = cell(columns.agent).isEmpty ? nil : cell(columns.agent)
        var problems: [String] = []
        if let sheetAgent, !agents.contains(sheetAgent) {
            problems.append("agent '\(sheetAgent)' is not an agent of \(name)")
        }
        var outcome = AgentOutcome(disposition: cell(columns.disposition).isEmpty ? nil : cell(columns.disposition))
        for (question, index) in columns.answers.sorted(by: { $0.value < $1.value }) where !cell(index).isEmpty {
            outcome.answers[question] = cell(index)
        }
        let zone = CalleeZones.primary(contact.zone ?? campaign.spec.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
        var callbackAgent: String? = sheetAgent
        let by = cell(columns.callbackBy)
        if by.lowercased() == "anyone" {
            callbackAgent = nil
        } else if agents.contains(by) {
            callbackAgent = by
        } else if !by.isEmpty && by.lowercased() != "me" {
            problems.append("callback_by '\(by)' is not me, anyone or an agent of \(name)")
        }
        let callbackText = cell(columns.callback)
        if !callbackText.isEmpty {
            if let at = LocalTimeText.parse(callbackText, zone: zone) {
                if at <= time {
                    problems.append("callback \(callbackText) (\(zone.identifier)) is not in the future")
                }
                outcome.callback = CallbackRequest(at: at, agent: callbackAgent)
            } else {
                problems.append("callback '\(callbackText)' is not a time like 2026-03-10 18:00")
            }
        }
        switch cell(columns.optOut).lowercased() {
        case "", "no", "n": break
        case "yes", "y", "x", "1", "true": outcome.optOut = true
        default: problems.append("opt_out '\(cell(columns.optOut))' is not yes or no")
        }
        if outcome.disposition == nil, outcome.answers.isEmpty, outcome.callback == nil, !outcome.optOut, problems.isEmpty {
            problems.append("fill in a disposition")
        }
        problems += OutcomeValidator(spec: campaign.spec).problems(outcome)
        guard problems.isEmpty else { return .refused(problems) }
        do {
            try record(outcome, contact: contact, agent: sheetAgent, key: key, in: open, zone: zone)
        } catch let refused as CallbackRefused {
            return .refused([refused.message])
        }
        return .applied
    }

    /// Records the row as a call the agent made and its outcome, in one transaction; a callback the laws
    /// would move undoes it all.
    private func record(_ outcome: AgentOutcome, contact: ImportContact, agent: String?, key: String,
                        in open: OpenCampaign, zone: TimeZone) throws {
        let campaign = open.campaign
        let scheduler = CallbackScheduler(permit: open.permit)
        try store.connection.writeTransaction {
            let call = try store.insertManualAttempt(campaign: campaign.id, job: contact.job, number: contact.number,
                                                     agent: agent, at: time)
            if let callback = outcome.callback {
                switch scheduler.slot(for: callback.at, zone: zone.identifier, history: try store.history(job: contact.job)) {
                case .at(_, nil):
                    break
                case .at(let next, let reason?):
                    throw CallbackRefused(message: "callback \(LocalTimeText.format(callback.at, zone: zone)) (\(zone.identifier)) is not allowed (\(reason.rawValue)); the next allowed time is \(LocalTimeText.format(next, zone: zone))")
                case .never(let reason):
                    throw CallbackRefused(message: "callback \(LocalTimeText.format(callback.at, zone: zone)) (\(zone.identifier)) is not allowed (\(reason.rawValue)) and no later time is")
                }
            }
            // A person was reached, as after an answered call; the disposition's flags decide from there.
            try store.finishJob(contact.job, state: .completed, at: time)
            let recorder = OutcomeRecorder(store: store, spec: campaign.spec, scheduler: scheduler, followUps: open.followUps)
            try recorder.record(outcome, call: call, source: .import, rowKey: key, at: time)
        }
    }

    private mutating func campaign(named name: String) throws -> OpenCampaign? {
        if let cached = campaigns[name] { return cached }
        let found = try store.compiledCampaign(named: name).map { campaign in
            OpenCampaign(campaign: campaign, permit: try DialPermit.timeLaws(of: campaign.spec, store: store),
                         followUps: try FollowUpPlanner(campaign: campaign.id, spec: campaign.spec, configuration: messaging))
        }
        campaigns[name] = found
        return found
    }
}
