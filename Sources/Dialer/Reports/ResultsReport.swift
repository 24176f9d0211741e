import CampaignDSL
import Foundation

/// `results.csv`: one row per contact, in list order: the list's own columns, then the number
/// dialed, the status, the attempts, the last outcome, a note, the contact's id, the agent who
/// last spoke with it, when it was last called, then the extra columns (`ContactColumns`).
/// Every contact as it stands when written, whatever the report's range. `results.xlsx`, written in
/// the same pass, has the same columns with typed cells (see `SpreadsheetWriter`).
struct ResultsReport {
    static let dialerColumns = ["number_e164", "status", "attempts", "last_outcome", "note", "contact_id", "agent", "last_call"]

    let store: CampaignStore
    let campaign: Int64
    let zone: TimeZone

    /// The extra columns, in order. Add a disposition or survey-answer column here.
    static func extraColumns(store: CampaignStore, campaign: Int64, spec: CampaignSpec) throws -> [any ContactColumns] {
        [try LatestValueColumn.disposition(store: store, campaign: campaign, spec: spec),
         try SurveyAnswerColumns(store: store, campaign: campaign, spec: spec),
         try LatestValueColumn.sms(store: store, campaign: campaign)]
    }

    /// Writes the CSV file and, given `sheetPath`, the spreadsheet (dates in `dateFormat`); returns how many contacts it lists.
    @discardableResult
    func write(to path: String, sheetPath: String? = nil, dateFormat: String = Localizer().spreadsheetDateTimeFormat,
               jobs: JobTable, lastCalls: LastCalls, extraColumns: [any ContactColumns], byteOrderMark: Bool = true) throws -> Int {
        let lists = try store.lists(campaign: campaign)
        // Columns by name through a dictionary: a list of 100,000 columns takes linear time, not quadratic.
        var columns: [String] = []
        var columnOfName: [String: Int] = [:]
        for list in lists {
            for name in list.header where columnOfName[name] == nil {
                columnOfName[name] = columns.count
                columns.append(name)
            }
        }
        // By list: for each column of the file, the index of the list's field that fills it (-1: none;
        // of two fields with one name, the later).
        let fieldOfColumn = Dictionary(uniqueKeysWithValues: lists.map { list in
            var fields = Array(repeating: -1, count: columns.count)
            for (index, name) in list.header.enumerated() {
                if let column = columnOfName[name] { fields[column] = index }
            }
            return (list.id, fields)
        })
        var extras = extraColumns
        var writer = try CSVWriter(path: path, byteOrderMark: byteOrderMark)
        try writer.writeRow(columns + Self.dialerColumns + extras.flatMap(\.header))
        let sheet = try sheetPath.map { path in
            try SpreadsheetWriter(
                path: path, sheetName: "results",
                columns: columns.map { SpreadsheetWriter.Column($0) }
                    + [.init("number_e164", width: 16), .init("status"), .init("attempts", .number), .init("last_outcome", width: 14),
                       .init("note", width: 24), .init("contact_id"), .init("agent", width: 14),
                       .init("last_call", .dateTime, width: 20)]
                    + extras.flatMap(\.header).map { SpreadsheetWriter.Column($0) },
                dateFormat: dateFormat)
        }
        let statement = try store.connection.statement(
            """
            SELECT id, list_id, fields_json, phone_e164, problem FROM contacts WHERE campaign_id = ? ORDER BY id
            """)
        defer { statement.reset() }
        try statement.bind([campaign])
        var clock = ReportClock(zone: zone)
        var located: [FieldsDecoder.Field] = []
        var scratch: [UInt8] = []
        var list: (id: Int64, fields: [Int]) = (-1, [])
        var rows = 0
        while try statement.step() {
            let row = statement.row
            let contact = row.int64(0)
            guard let job = jobs.job(ofContact: contact) else { continue }
            if row.int64(1) != list.id { list = (row.int64(1), fieldOfColumn[row.int64(1)] ?? []) }
            row.withBytes(2) { bytes in
                guard FieldsDecoder.locate(bytes, into: &located) else {
                    let values = FieldsDecoder.decode(bytes)
                    for column in columns.indices {
                        let field = list.fields[safe: column] ?? -1
                        writer.cell(values.indices.contains(field) ? values[field] : "")
                        sheet?.text(values.indices.contains(field) ? values[field] : "")
                    }
                    return
                }
                for column in columns.indices {
                    let index = list.fields[safe: column] ?? -1
                    guard located.indices.contains(index) else {
                        writer.emptyCell()
                        sheet?.empty()
                        continue
                    }
                    let field = located[index]
                    let text = UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
                    guard field.escaped else {
                        writer.cell(bytes: text)
                        sheet?.text(bytes: text)
                        continue
                    }
                    scratch.removeAll(keepingCapacity: true)
                    if FieldsDecoder.unescape(text, into: &scratch) {
                        scratch.withUnsafeBufferPointer { writer.cell(bytes: $0) }
                        scratch.withUnsafeBufferPointer { sheet?.text(bytes: $0) }
                    } else {
                        writer.cell(FieldsDecoder.decode(bytes)[safe: index] ?? "")
                        sheet?.text(FieldsDecoder.decode(bytes)[safe: index] ?? "")
                    }
                }
            }
            row.withBytes(3) { writer.cell(bytes: $0) }
            writer.cell(job.state)
            writer.cell(Int64(job.attempts))
            writer.cell(job.lastOutcome)
            row.withBytes(4) { writer.cell(bytes: $0) }
            writer.cell(contact)
            writer.cell(lastCalls.lastAgent(job: job.id) ?? "")
            let placed = lastCalls.lastPlaced(job: job.id)
            if let placed {
                writer.plainCell(maxBytes: ReportClock.isoMaxBytes) { clock.writeISO(placed, utc: false, to: $0) }
            } else {
                writer.emptyCell()
            }
            if let sheet {
                row.withBytes(3) { sheet.text(bytes: $0) }
                sheet.text(job.state)
                sheet.number(Double(job.attempts))
                sheet.text(job.lastOutcome)
                row.withBytes(4) { sheet.text(bytes: $0) }
                sheet.text(String(contact))
                sheet.text(lastCalls.lastAgent(job: job.id) ?? "")
                if let placed { sheet.dateTime(placed, offset: clock.offset(at: placed)) } else { sheet.empty() }
            }
            for index in extras.indices { try extras[index].write(contact: contact, to: &writer, sheet: sheet) }
            try writer.endRow()
            try sheet?.endRow()
            rows += 1
        }
        try writer.close()
        try sheet?.close()
        return rows
    }
}
