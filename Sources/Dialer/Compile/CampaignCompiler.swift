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
        try store.connection.writeTransaction {
            if try store.campaignID(named: spec.id) != nil { throw StoreError.campaignExists(spec.id) }
            let specJSON = String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
            let campaign = try store.insertCampaign(
                name: spec.id, specJSON: specJSON, sourcePath: sourcePath,
                sourceHash: SourceHash.fnv1a64(sourceText), at: time)
            var report = CompileReport()
            var seen: [String: String] = [:]
            let doNotCall = try doNotCall.snapshot()
            for (position, list) in spec.lists.enumerated() {
                try compile(list, position: position, campaign: campaign, doNotCall: doNotCall, seen: &seen, report: &report, at: time)
            }
            return (campaign, report)
        }
    }

    private func compile(_ list: ListSpec, position: Int, campaign: Int64, doNotCall: DoNotCallSnapshot, seen: inout [String: String],
                         report: inout CompileReport, at time: Date) throws {
        let transcoded = try ListTranscoder(path: list.path, encoding: list.encoding)
        defer { transcoded.cleanUp() }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: transcoded.readablePath, delimiter: list.delimiter)
        } catch {
            throw CompileError("\(list.path): \(error)")
        }
        let phoneIndexes = try list.phoneColumns.map { try column($0, of: reader, list: list) }
        let nameIndex = try list.nameColumn.map { try column($0, of: reader, list: list) }
        let columns = ListColumns(
            phones: phoneIndexes, name: nameIndex,
            country: try list.countryColumn.map { try column($0, of: reader, list: list) },
            timeZone: try list.timeZoneColumn.map { try column($0, of: reader, list: list) },
            filter: try list.filter.map { (index: try column($0.column, of: reader, list: list), rule: $0) })
        let listID = try store.insertList(campaign: campaign, position: position, path: list.path, header: reader.header)
        let listName = (list.path as NSString).lastPathComponent

        while let row = reader.next() {
            let record: CSVRecord
            switch row {
            case .rejected(let reject):
                report.rejectedRows.append(RejectedRow(list: list.path, line: reject.line, reason: reject.reason, text: reject.text))
                continue
            case .record(let value):
                record = value
            }
            if let filter = columns.filter, !filter.rule.keeps(record.fields[safe: filter.index] ?? "") {
                report.filteredOut += 1
                continue
            }
            let written = phoneIndexes.map { (record.fields[safe: $0] ?? "").trimmingSpacesAndTabs }.filter { !$0.isEmpty }
            guard !written.isEmpty else {
                report.rejectedRows.append(RejectedRow(
                    list: list.path, line: record.line, reason: "no phone number",
                    text: record.fields.joined(separator: String(UnicodeScalar(reader.delimiter)))))
                continue
            }
            let contact = makeContact(record, numbers: written, list: listID, listName: listName, columns: columns,
                                      default: list.defaultCountry, doNotCall: doNotCall, seen: &seen, report: &report)
            try store.insertContact(contact, campaign: campaign, at: time)
            report.contacts += 1
        }
    }

    /// The contact for one row: the first valid number among its phone columns is the one dialed.
    private func makeContact(_ record: CSVRecord, numbers: [String], list: Int64, listName: String, columns: ListColumns,
                             default defaultRegion: String?, doNotCall: DoNotCallSnapshot, seen: inout [String: String],
                             report: inout CompileReport) -> NewContact {
        let name = columns.name.map { record.fields[safe: $0] ?? "" }
        let rowRegion = columns.country.flatMap { record.fields[safe: $0] }.map { $0.trimmingSpacesAndTabs.uppercased() }
        let region = rowRegion.flatMap { $0.isEmpty ? nil : $0 } ?? defaultRegion
        var firstProblem: String?
        for text in numbers {
            switch PhoneNumberParser.parse(text, defaultRegion: region) {
            case .failure(let error):
                firstProblem = firstProblem ?? "\(error)"
            case .success(let number):
                func contact(_ state: JobState, zone: String?, problem: String?) -> NewContact {
                    NewContact(list: list, line: record.line, name: name, fields: record.fields, e164: number.e164,
                               kind: number.kind.rawValue, timeZone: zone, problem: problem, state: state)
                }
                if let first = seen[number.e164] {
                    report.duplicates += 1
                    return contact(.duplicate, zone: nil, problem: "same number as \(first)")
                }
                seen[number.e164] = "\(listName) line \(record.line)"
                if doNotCall.blocks(number.e164) {
                    report.doNotCall += 1
                    return contact(.dnc, zone: nil, problem: "on a do-not-call list")
                }
                report.dialable += 1
                return contact(.pending, zone: zone(of: number, record: record, columns: columns, report: &report), problem: nil)
            }
        }
        report.invalid += 1
        return NewContact(list: list, line: record.line, name: name, fields: record.fields, e164: nil, kind: nil,
                          timeZone: nil, problem: firstProblem, state: .invalid)
    }

    /// The number's IANA zone: the list's zone column, else by country and area code, else the campaign's zone.
    private func zone(of number: PhoneNumber, record: CSVRecord, columns: ListColumns, report: inout CompileReport) -> String {
        if let index = columns.timeZone, let written = record.fields[safe: index]?.trimmingSpacesAndTabs,
           TimeZone(identifier: written) != nil {
            return written
        }
        if let zone = TimeZoneLocator.zoneIdentifier(for: number) { return zone }
        report.unknownZone += 1
        return spec.timeZone
    }

    private func column(_ name: String, of reader: CSVReader, list: ListSpec) throws -> Int {
        guard let index = reader.columnIndex(named: name) else {
            let known = reader.header.map { "'\($0)'" }.joined(separator: ", ")
            throw CompileError("\(list.path): no column '\(name)' (the header has \(known))")
        }
        return index
    }
}

/// Where a list's mapped columns are in its header.
private struct ListColumns {
    let phones: [Int]
    let name: Int?
    let country: Int?
    let timeZone: Int?
    let filter: (index: Int, rule: RowFilter)?
}
