import CampaignDSL
import Foundation

/// A list could not be compiled at all.
public struct CompileError: Error, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }
}

/// Turns a checked campaign and its call lists into contacts and jobs in the store:
/// each row's numbers normalised to E.164, given a time zone, deduplicated.
struct CampaignCompiler {
    let spec: CampaignSpec
    let store: CampaignStore
    let doNotCall: DoNotCallRegistry

    /// Compiles into a new campaign record; returns its id and what was read.
    func compile(sourcePath: String, sourceText: String, at time: Date) throws -> (campaign: Int64, report: CompileReport) {
        try store.connection.withBulkLoadSettings {
            try store.connection.writeTransaction {
                if try store.campaignID(named: spec.id) != nil { throw StoreError.campaignExists(spec.id) }
                let specJSON = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
                let campaign = try store.insertCampaign(
                    name: spec.id, specJSON: specJSON, sourcePath: sourcePath,
                    sourceHash: SourceHash.fnv1a64(sourceText), at: time)
                var state = CompileState(
                    writer: try ContactWriter(connection: store.connection, campaign: campaign, at: time),
                    doNotCall: try doNotCall.snapshot(),
                    listNames: spec.lists.map { ($0.path as NSString).lastPathComponent })
                state.report.ignoredDNCLines = doNotCall.ignoredLines
                for (position, list) in spec.lists.enumerated() {
                    try compile(list, position: position, campaign: campaign, state: &state)
                }
                try state.writer.finish()
                return (campaign, state.report)
            }
        }
    }

    private func compile(_ list: ListSpec, position: Int, campaign: Int64, state: inout CompileState) throws {
        let reader: any ListRowReader
        do {
            reader = try ListFile.open(list)
        } catch {
            throw CompileError("\(list.path): \(error)")
        }
        let columns = ListColumns(
            position: position,
            phones: try list.phoneColumns.map { try column($0, of: reader, list: list) },
            name: try list.nameColumn.map { try column($0, of: reader, list: list) },
            country: try list.countryColumn.map { try column($0, of: reader, list: list) },
            timeZone: try list.timeZoneColumn.map { try column($0, of: reader, list: list) },
            filter: try list.filter.map { (index: try column($0.column, of: reader, list: list), rule: $0) },
            list: try store.insertList(campaign: campaign, position: position, path: list.path, header: reader.header),
            defaultPlan: PhoneNumberParser.defaultPlan(list.defaultCountry),
            allowedCostlyKinds: Set(list.allowedCostlyKinds ?? []))

        // Rows are read and parsed in batches, scrubbed against the Do-Not-Call lists a batch at a time (their
        // lookups overlap), then deduplicated and stored in list order.
        var batch: [ReadRow] = []
        batch.reserveCapacity(CampaignCompiler.batchSize)
        while let row = reader.next() {
            let record: CSVRecord
            switch row {
            case .rejected(let reject):
                state.report.rejectedRows.append(RejectedRow(list: list.path, line: reject.line, reason: reject.reason, text: reject.text))
                continue
            case .record(let value):
                record = value
            }
            if let filter = columns.filter, !filter.rule.keeps(record.fields[safe: filter.index] ?? "") {
                state.report.filteredOut += 1
                continue
            }
            guard columns.phones.contains(where: { !(record.fields[safe: $0] ?? "").isBlank }) else {
                state.report.rejectedRows.append(RejectedRow(
                    list: list.path, line: record.line, reason: "no phone number",
                    text: record.fields.joined(separator: reader.fieldSeparator)))
                continue
            }
            batch.append(read(record, columns: columns))
            if batch.count == CampaignCompiler.batchSize { try store(&batch, columns: columns, state: &state) }
        }
        try store(&batch, columns: columns, state: &state)
    }

    /// Rows read and parsed ahead of their Do-Not-Call lookups.
    private static let batchSize = 4_096

    /// A row with its first valid number, or the first number's problem when none is valid.
    func read(_ record: CSVRecord, columns: ListColumns) -> ReadRow {
        var firstProblem: String?
        for index in columns.phones {
            guard let text = record.fields[safe: index], !text.isBlank else { continue }
            switch parse(text, record: record, columns: columns) {
            case .failure(let error):
                firstProblem = firstProblem ?? "\(error)"
            case .success(let number):
                if let costly = number.kind.costlyKind, !columns.allowedCostlyKinds.contains(costly) {
                    firstProblem = firstProblem ?? "\(PhoneNumberError(reason: .refused(costly)))"
                    continue
                }
                return ReadRow(record: record, number: number, problem: nil)
            }
        }
        return ReadRow(record: record, number: nil, problem: firstProblem)
    }

    /// Scrubs a batch of rows, then stores them as contacts in order; empties the batch.
    private func store(_ batch: inout [ReadRow], columns: ListColumns, state: inout CompileState) throws {
        let blocked = state.doNotCall.blocksEach(digits: batch.map { $0.number?.digits ?? 0 })
        for index in batch.indices {
            try state.writer.insert(try makeContact(batch[index], blocked: blocked[index], columns: columns, state: &state))
            state.report.contacts += 1
        }
        batch.removeAll(keepingCapacity: true)
    }

    /// The contact for one row: the first valid number among its phone columns is the one dialed, unless
    /// an earlier row has it (a duplicate) or a Do-Not-Call source blocks it.
    private func makeContact(_ row: ReadRow, blocked: Bool, columns: ListColumns, state: inout CompileState) throws -> NewContact {
        let record = row.record
        let name = columns.name.map { record.fields[safe: $0] ?? "" }
        guard let number = row.number else {
            state.report.invalid += 1
            return NewContact(list: columns.list, line: record.line, name: name, fields: record.fields, e164: nil, kind: nil,
                              timeZone: nil, problem: row.problem, state: .invalid)
        }
        func contact(_ jobState: JobState, zone: String?, problem: String?) -> NewContact {
            NewContact(list: columns.list, line: record.line, name: name, fields: record.fields, e164: number.e164,
                       kind: number.kind.rawValue, timeZone: zone, problem: problem, state: jobState)
        }
        if let first = state.seen[number.digits] {
            state.report.duplicates += 1
            let list = state.listNames[Int(first >> 48)]
            return contact(.duplicate, zone: nil, problem: "same number as \(list) line \(first & 0xFFFF_FFFF_FFFF)")
        }
        state.seen[number.digits] = UInt64(columns.position) << 48 | UInt64(record.line)
        if blocked {
            state.report.doNotCall += 1
            return contact(.dnc, zone: nil, problem: "on a do-not-call list")
        }
        state.report.dialable += 1
        return contact(.pending, zone: try zone(of: number, record: record, columns: columns, state: &state), problem: nil)
    }

    /// Parses a written number with the row's country column, else the list's default country.
    private func parse(_ text: String, record: CSVRecord, columns: ListColumns) -> Result<PhoneNumber, PhoneNumberError> {
        if let index = columns.country, let written = record.fields[safe: index], !written.isBlank {
            return PhoneNumberParser.parse(text, defaultRegion: written.trimmingSpacesAndTabs.uppercased())
        }
        switch columns.defaultPlan {
        case .success(let plan): return PhoneNumberParser.parse(text, defaultPlan: plan)
        case .failure(let error): return .failure(error)
        }
    }

    /// The callee's zones (``CalleeZones``): the list's zone column, else libphonenumber's zones for the number
    /// (several when its prefix spans zones: the callee's window must then hold in each), else the campaign's zone.
    func zone(of number: PhoneNumber, record: CSVRecord, columns: ListColumns, state: inout CompileState) throws -> String {
        if let index = columns.timeZone, let written = record.fields[safe: index]?.trimmingSpacesAndTabs,
           state.isKnownZone(written) {
            return written
        }
        let zones = try state.zones(of: number, around: state.writer.time, campaignZone: spec.timeZone)
        guard !zones.isEmpty else {
            state.report.unknownZone += 1
            return spec.timeZone
        }
        if zones.count > 1 { state.report.severalZones[CalleeZones.stored(zones), default: 0] += 1 }
        return CalleeZones.stored(zones)
    }

    private func column(_ name: String, of reader: any ListRowReader, list: ListSpec) throws -> Int {
        guard let index = reader.columnIndex(named: name) else {
            let known = reader.header.map { "'\($0)'" }.joined(separator: ", ")
            throw CompileError("\(list.path): no column '\(name)' (the header has \(known))")
        }
        return index
    }
}

/// Where a list's mapped columns are in its header, and how its numbers are read.
struct ListColumns {
    /// The list's position in the campaign.
    let position: Int
    let phones: [Int]
    let name: Int?
    let country: Int?
    let timeZone: Int?
    let filter: (index: Int, rule: RowFilter)?
    /// The list's id in the store.
    let list: Int64
    /// The default country's numbering plan, looked up once (an unknown country fails every number without its own code).
    let defaultPlan: Result<RegionPlan?, PhoneNumberError>
    /// The costly kinds of number the list calls anyway (`allow …`).
    let allowedCostlyKinds: Set<CostlyNumberKind>
}

/// A list row with the number it will be dialed on, before its Do-Not-Call lookup.
struct ReadRow {
    let record: CSVRecord
    /// The first valid number among the row's phone columns.
    let number: PhoneNumber?
    /// Why the first written number is invalid, when none is valid.
    let problem: String?
}

/// What compiling a campaign's lists carries from row to row.
struct CompileState {
    let writer: ContactWriter
    let doNotCall: DoNotCallSnapshot
    /// File names of the campaign's lists by position, for duplicate reports.
    let listNames: [String]
    var report = CompileReport()
    /// The first place (list position << 48 | line) of each E.164 number seen, by its digits.
    var seen: [UInt64: UInt64] = [:]
    /// Zone column values already checked against the IANA database.
    private var zoneNames: [String: Bool] = [:]
    /// How each zone of libphonenumber's map is written (nil: unknown to Foundation).
    private var presentedZones: [String: String?] = [:]

    init(writer: ContactWriter, doNotCall: DoNotCallSnapshot, listNames: [String]) {
        self.writer = writer
        self.doNotCall = doNotCall
        self.listNames = listNames
    }

    /// libphonenumber's zones of a number that Foundation knows, each written as the campaign's zone when it
    /// keeps the same time (a Vietnamese campaign's callees are in Asia/Ho_Chi_Minh, not the map's Asia/Bangkok).
    mutating func zones(of number: PhoneNumber, around time: Date, campaignZone: String) throws(EnvironmentError) -> [String] {
        try TimeZoneLocator.zoneIdentifiers(for: number, around: time).compactMap { name in
            if let known = presentedZones[name] { return known }
            var presented: String?
            if let zone = TimeZone(identifier: name) {
                presented = name
                if let campaign = TimeZone(identifier: campaignZone), CalleeZones.keepSameTime(zone, campaign, around: time) {
                    presented = campaignZone
                }
            }
            presentedZones[name] = .some(presented)
            return presented
        }
    }

    /// Whether `name` is an IANA zone, asked of Foundation once per distinct name.
    mutating func isKnownZone(_ name: String) -> Bool {
        if let known = zoneNames[name] { return known }
        let known = TimeZone(identifier: name) != nil
        zoneNames[name] = known
        return known
    }
}
