import CampaignDSL
import Foundation

/// A contact sent over the API: the caller's id for it and its fields by column name.
struct APIContactRow {
    let externalID: String
    let fields: [String: String]
}

/// What became of one row sent over the API.
enum APIContactVerdict: Equatable {
    /// Stored as a new contact (pending: due now).
    case added(contact: Int64)
    /// The external id was sent before: nothing changed (the request can be repeated safely).
    case alreadyAdded(contact: Int64)
    /// Refused, with a stable code and a message.
    case rejected(code: String, message: String)
}

extension CampaignCompiler {
    /// The longest external id accepted.
    static let maxExternalIDLength = 128

    /// Adds contacts sent over the API to a stored campaign, in one transaction, each row read as a row of the
    /// campaign's first list (its header, phone, name, country and zone columns, its filter): numbers normalised
    /// to E.164 with the list's default country, a zone given, Do-Not-Call lists and prefixes scrubbed, a number
    /// already in the campaign refused. Idempotent by external id. The new jobs are due at `time`, so a running
    /// worker dials them like any other.
    func addAPIContacts(_ rows: [APIContactRow], campaign: Int64, at time: Date) throws -> [APIContactVerdict] {
        guard let firstList = spec.lists.first, let header = try store.lists(campaign: campaign).first?.header else {
            return rows.map { _ in .rejected(code: "no_list", message: "the campaign has no list whose columns a contact could take") }
        }
        let normalized = header.map { CSVReader.trimmed($0).lowercased() }
        func index(_ name: String?) -> Int? { name.flatMap { normalized.firstIndex(of: CSVReader.trimmed($0).lowercased()) } }
        let phones = firstList.phoneColumns.compactMap(index)
        return try store.connection.writeTransaction {
            let list = try store.apiList(campaign: campaign, header: header)
            let columns = ListColumns(
                position: APIList.position, phones: phones, name: index(firstList.nameColumn),
                country: index(firstList.countryColumn), timeZone: index(firstList.timeZoneColumn),
                filter: firstList.filter.flatMap { rule in index(rule.column).map { (index: $0, rule: rule) } }, list: list,
                defaultPlan: PhoneNumberParser.defaultPlan(firstList.defaultCountry),
                allowedCostlyKinds: Set(firstList.allowedCostlyKinds ?? []))
            var state = CompileState(writer: try ContactWriter(connection: store.connection, campaign: campaign, at: time),
                                     doNotCall: try doNotCall.snapshot(), listNames: [APIList.path])
            var verdicts: [APIContactVerdict?] = Array(repeating: nil, count: rows.count)
            var candidates: [(row: Int, read: ReadRow)] = []
            var batchIDs: [String: Int] = [:]
            var batchNumbers: [String: String] = [:]
            for (position, row) in rows.enumerated() {
                if let verdict = try check(row, header: header, columns: columns, campaign: campaign) {
                    verdicts[position] = verdict
                    continue
                }
                if let earlier = batchIDs[row.externalID] {
                    verdicts[position] = .rejected(code: "repeated_external_id",
                                                   message: "external_id '\(row.externalID)' is also row \(earlier + 1) of this request")
                    continue
                }
                let record = CSVRecord(line: position + 1, fields: header.map { row.fields[$0] ?? "" })
                let read = read(record, columns: columns)
                guard let number = read.number else {
                    verdicts[position] = .rejected(code: "invalid_number", message: read.problem ?? "no valid phone number")
                    continue
                }
                if let other = batchNumbers[number.e164] {
                    verdicts[position] = .rejected(code: "duplicate_number", message: "the same number as external_id '\(other)'")
                    continue
                }
                if try store.contact(campaign: campaign, number: number.e164) != nil {
                    verdicts[position] = .rejected(code: "duplicate_number", message: "the campaign already has a contact with this number")
                    continue
                }
                batchIDs[row.externalID] = position
                batchNumbers[number.e164] = row.externalID
                candidates.append((position, read))
            }
            let blocked = state.doNotCall.blocksEach(digits: candidates.map { $0.read.number?.digits ?? 0 })
            var added: [(row: Int, contact: Int64)] = []
            for (candidate, isBlocked) in zip(candidates, blocked) {
                if isBlocked {
                    verdicts[candidate.row] = .rejected(code: "do_not_call", message: "the number is on a do-not-call list")
                    continue
                }
                guard let number = candidate.read.number else { continue }
                let record = candidate.read.record
                let contact = try state.writer.insert(NewContact(
                    list: list, line: record.line, name: columns.name.map { record.fields[$0] }, fields: record.fields,
                    e164: number.e164, kind: number.kind.rawValue,
                    timeZone: zone(of: number, record: record, columns: columns, state: &state), problem: nil, state: .pending))
                added.append((candidate.row, contact))
            }
            try state.writer.finish()
            for (row, contact) in added {
                try store.insertAPIContact(campaign: campaign, externalID: rows[row].externalID, contact: contact, at: time)
                verdicts[row] = .added(contact: contact)
            }
            return verdicts.map { $0 ?? .rejected(code: "internal", message: "not processed") }
        }
    }

    /// A verdict reached before the number is read: a bad external id, one already added, unknown columns,
    /// a row the list's filter leaves out, no phone number.
    private func check(_ row: APIContactRow, header: [String], columns: ListColumns, campaign: Int64) throws -> APIContactVerdict? {
        guard !row.externalID.isEmpty, row.externalID.count <= Self.maxExternalIDLength,
              row.externalID.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            return .rejected(code: "invalid_external_id",
                             message: "external_id must be 1 to \(Self.maxExternalIDLength) characters without control characters")
        }
        if let existing = try store.apiContact(campaign: campaign, externalID: row.externalID) {
            return .alreadyAdded(contact: existing.contact)
        }
        let unknown = row.fields.keys.filter { !header.contains($0) }.sorted()
        if !unknown.isEmpty {
            return .rejected(code: "unknown_column", message: "no column " + unknown.map { "'\($0)'" }.joined(separator: ", ")
                             + " in the campaign's list; its columns are " + header.joined(separator: ", "))
        }
        let fields = header.map { row.fields[$0] ?? "" }
        if let filter = columns.filter, !filter.rule.keeps(fields[filter.index]) {
            return .rejected(code: "filtered_out", message: "the campaign's list filter leaves this row out")
        }
        guard columns.phones.contains(where: { !fields[$0].isBlank }) else {
            return .rejected(code: "no_phone", message: "no phone number in " + columns.phones.map { header[$0] }.joined(separator: ", "))
        }
        return nil
    }
}
