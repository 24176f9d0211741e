import CampaignDSL
import Foundation

/// The CRM API under `/api/v1` (docs/web.md, the OpenAPI document at `/api/v1/openapi.json`).
/// Campaigns are named by their id (the campaign file's `campaign` name). Every read and change goes
/// through ``CampaignStore`` and the compiler's own paths; no SQL here.
extension WebApplication {
    /// The most rows one contacts request may carry.
    static let maxContactsPerRequest = 10_000
    /// The largest page of results or calls.
    static let maxPage = 1_000

    mutating func addAPI() {
        api("GET", "/openapi.json", scope: .read) { _, _ in .jsonText(OpenAPIDocument.json) }
        api("GET", "/campaigns", scope: .read) { [context] _, user in
            let campaigns = try context.withStore { store in
                try store.storedCampaigns().compactMap { stored -> CampaignListItem? in
                    guard user.maySee(campaign: try context.spec(of: stored)) else { return nil }
                    let jobs = try store.jobCounts(campaign: stored.id)
                    let paused = try store.isPaused(campaign: stored.id)
                    let unfinished = (jobs[JobState.pending.rawValue] ?? 0) + (jobs[JobState.dialing.rawValue] ?? 0)
                    return CampaignListItem(id: stored.name, state: paused ? "paused" : unfinished > 0 ? "active" : "finished",
                                            contacts: jobs.values.reduce(0, +), pending: jobs[JobState.pending.rawValue] ?? 0,
                                            jobs: jobs)
                }
            }
            return .json(CampaignList(campaigns: campaigns))
        }
        api("GET", "/campaigns/{id}", scope: .read) { [context] request, user in
            let status = try context.withStore { store in
                let (stored, _) = try Self.campaign(request, user: user, store: store, context: context, everyContact: false)
                let daemonRuns = try store.lease().map { DaemonLease.isLive($0, at: context.now) } ?? false
                return try store.connection.readTransaction {
                    try StatusReporter.status(of: stored, store: store, now: context.dialingNow,
                                              cacheDirectory: context.cacheDirectory, daemonRuns: daemonRuns)
                }
            }
            return .json(status)
        }
        api("POST", "/campaigns/{id}/contacts", scope: .contacts) { [context] request, user in
            try Self.addContacts(request, user: user, context: context)
        }
        api("DELETE", "/campaigns/{id}/contacts/{external_id}", scope: .contacts) { [context] request, user in
            try Self.cancelContact(request, user: user, context: context)
        }
        api("GET", "/campaigns/{id}/results", scope: .read) { [context] request, user in
            try Self.results(request, user: user, context: context)
        }
        api("GET", "/campaigns/{id}/attempts", scope: .read) { [context] request, user in
            try Self.attempts(request, user: user, context: context)
        }
        api("POST", "/campaigns/{id}/click-to-call", scope: .calls) { [context] request, user in
            try Self.clickToCall(request, user: user, context: context)
        }
    }

    /// The campaign the path names, if this user may see it (else 404, so its existence is not told).
    /// With `everyContact` (results, calls, contacts), an agent's token is refused: an agent sees only their own.
    static func campaign(_ request: WebRequest, user: WebUser, store: CampaignStore, context: WebContext,
                         everyContact: Bool = true) throws -> (StoredCampaign, CampaignSpec) {
        if everyContact && user.role == .agent {
            throw APIError(403, "forbidden_role", "an agent's token reads and changes only the agent's own calls (click-to-call)")
        }
        let name = request.parameters["id"] ?? ""
        guard let stored = try store.storedCampaign(named: name) else {
            throw APIError(404, "campaign_not_found", "there is no campaign '\(name)'")
        }
        let spec = try context.spec(of: stored)
        guard user.maySee(campaign: spec) else { throw APIError(404, "campaign_not_found", "there is no campaign '\(name)'") }
        return (stored, spec)
    }

    /// The request's JSON body as an object.
    static func jsonObject(_ request: WebRequest) throws -> [String: JSONValue] {
        guard request.contentType == "application/json" else {
            throw APIError(415, "unsupported_media_type", "send the body as application/json")
        }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(request.body)), let object = value.object else {
            throw APIError(400, "invalid_json", "the body is not a JSON object")
        }
        return object
    }

    // MARK: Contacts

    private static func addContacts(_ request: WebRequest, user: WebUser, context: WebContext) throws -> WebResponse {
        let body = try jsonObject(request)
        guard case .array(let items)? = body["contacts"] else {
            throw APIError(400, "invalid_request", "the body needs \"contacts\": an array of {external_id, fields}")
        }
        guard items.count <= maxContactsPerRequest else {
            throw APIError(413, "too_many_contacts", "at most \(maxContactsPerRequest) contacts per request")
        }
        var rows: [APIContactRow?] = []
        var shapeProblems: [Int: String] = [:]
        for (index, item) in items.enumerated() {
            guard let object = item.object, let external = object["external_id"]?.string else {
                rows.append(nil)
                shapeProblems[index] = "each contact is an object with a string external_id"
                continue
            }
            var fields: [String: String] = [:]
            var problem: String?
            for (name, value) in object["fields"]?.object ?? [:] {
                if let text = value.string { fields[name] = text } else {
                    problem = "field '\(name)' is not text (write numbers in quotes: a phone number's leading 0 matters)"
                }
            }
            if let problem {
                rows.append(nil)
                shapeProblems[index] = problem
            } else {
                rows.append(APIContactRow(externalID: external, fields: fields))
            }
        }
        let verdicts = try context.withStore { store in
            let (stored, spec) = try campaign(request, user: user, store: store, context: context)
            let compiler = CampaignCompiler(spec: spec, store: store,
                                            doNotCall: try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: context.cacheDirectory))
            return try compiler.addAPIContacts(rows.compactMap { $0 }, campaign: stored.id, at: context.dialingNow)
        }
        var results: [ContactResultRow] = []
        var next = verdicts.makeIterator()
        for (index, row) in rows.enumerated() {
            let external = items[index].object?["external_id"]?.string
            guard row != nil, let verdict = next.next() else {
                results.append(ContactResultRow(row: index + 1, externalID: external, status: "rejected", contactID: nil,
                                                code: "invalid_row", message: shapeProblems[index]))
                continue
            }
            switch verdict {
            case .added(let contact):
                results.append(ContactResultRow(row: index + 1, externalID: external, status: "added", contactID: contact, code: nil, message: nil))
            case .alreadyAdded(let contact):
                results.append(ContactResultRow(row: index + 1, externalID: external, status: "already_added", contactID: contact,
                                                code: nil, message: nil))
            case .rejected(let code, let message):
                results.append(ContactResultRow(row: index + 1, externalID: external, status: "rejected", contactID: nil,
                                                code: code, message: message))
            }
        }
        let accepted = results.filter { $0.status != "rejected" }.count
        return .json(ContactsAnswer(accepted: accepted, rejected: results.count - accepted, rows: results))
    }

    private static func cancelContact(_ request: WebRequest, user: WebUser, context: WebContext) throws -> WebResponse {
        let external = request.parameters["external_id"] ?? ""
        let state = try context.withStore { store -> JobState in
            let (stored, _) = try campaign(request, user: user, store: store, context: context)
            return try store.connection.writeTransaction {
                guard let contact = try store.apiContact(campaign: stored.id, externalID: external) else {
                    throw APIError(404, "contact_not_found", "no contact with external_id '\(external)' in this campaign")
                }
                if contact.state == .pending, try store.cancelPendingJob(contact.job, at: context.dialingNow) { return .cancelled }
                if contact.state == .dialing {
                    throw APIError(409, "call_in_progress", "the contact is on a call now; cancel it again once the call has ended")
                }
                return contact.state
            }
        }
        return .json(CancelAnswer(externalID: external, status: state.rawValue))
    }

    // MARK: Results and calls

    private static func page(_ request: WebRequest) throws -> (since: Int64, limit: Int) {
        let since = try request.query["since"].map { text -> Int64 in
            guard let value = Int64(text), value >= 0 else { throw APIError(400, "invalid_cursor", "since must be a cursor from an earlier page") }
            return value
        } ?? 0
        let limit = try request.query["limit"].map { text -> Int in
            guard let value = Int(text), (1...maxPage).contains(value) else {
                throw APIError(400, "invalid_limit", "limit must be a whole number from 1 to \(maxPage)")
            }
            return value
        } ?? 100
        return (since, limit)
    }

    private static func results(_ request: WebRequest, user: WebUser, context: WebContext) throws -> WebResponse {
        let (since, limit) = try page(request)
        let rows = try context.withStore { store -> [[String: JSONValue]] in
            let (stored, _) = try campaign(request, user: user, store: store, context: context)
            return try store.connection.readTransaction {
                let headers = try store.listHeaders(campaign: stored.id)
                let iso = Date.ISO8601FormatStyle()
                return try store.resultChanges(campaign: stored.id, after: since, limit: limit).map { change in
                    let values = JSONText.decodeStrings(change.fieldsJSON)
                    var fields: [String: JSONValue] = [:]
                    for (index, name) in (headers[change.list] ?? []).enumerated() where index < values.count {
                        fields[name] = .string(values[index])
                    }
                    // The columns of results.csv (ResultsReport.dialerColumns), by name.
                    let dialer: [String: JSONValue] = [
                        "number_e164": .optional(change.number), "status": .string(change.state.rawValue),
                        "attempts": .number(Double(change.attempts)), "last_outcome": .optional(change.lastOutcome),
                        "note": .optional(change.problem), "contact_id": .number(Double(change.contact)),
                        "agent": .optional(change.agent), "last_call": .optional(change.lastCall.map { iso.format($0) }),
                    ]
                    var row = dialer.filter { ResultsReport.dialerColumns.contains($0.key) }
                    row["cursor"] = .string(String(change.cursor))
                    row["external_id"] = .optional(change.externalID)
                    row["disposition"] = .optional(change.disposition)
                    row["fields"] = .object(fields)
                    return row
                }
            }
        }
        return .json(JSONValue.object(["items": .array(rows.map(JSONValue.object)),
                                       "next_cursor": .string(rows.last?["cursor"]?.string ?? String(since))]))
    }

    private static func attempts(_ request: WebRequest, user: WebUser, context: WebContext) throws -> WebResponse {
        let (since, limit) = try page(request)
        let rows = try context.withStore { store -> [[String: JSONValue]] in
            let (stored, spec) = try campaign(request, user: user, store: store, context: context)
            let local = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: spec.timeZone) ?? .gmt)
            let utc = Date.ISO8601FormatStyle()
            return try store.endedCalls(campaign: stored.id, after: since, limit: limit).map { call in
                // The columns of attempts.csv (AttemptsReport.columns), by name.
                let row: [String: JSONValue] = [
                    "call_id": .number(Double(call.call)), "contact_id": .number(Double(call.contact)), "number": .string(call.number),
                    "placed_at": .string(local.format(call.placedAt)), "placed_at_utc": .string(utc.format(call.placedAt)),
                    "ended_at": .optional(call.endedAt.map { local.format($0) }), "outcome": .string(call.outcome),
                    "cause": call.cause.map { .number(Double($0)) } ?? .null,
                    "cause_text": .optional(call.cause.map { HangupCause(code: $0).description }),
                    "ring_seconds": .optional(call.ringSeconds), "amd_seconds": .optional(call.amdSeconds),
                    "talk_seconds": .optional(call.talkSeconds), "wrap_seconds": .optional(call.wrapSeconds),
                    "agent": .optional(call.agent), "amd": .optional(call.amd), "recording": .optional(call.recording),
                ]
                var item = row.filter { AttemptsReport.columns.contains($0.key) }
                item["cursor"] = .string(String(call.cursor))
                item["external_id"] = .optional(call.externalID)
                return item
            }
        }
        return .json(JSONValue.object(["items": .array(rows.map(JSONValue.object)),
                                       "next_cursor": .string(rows.last?["cursor"]?.string ?? String(since))]))
    }
}

// MARK: Answers

private struct CampaignList: Encodable {
    let campaigns: [CampaignListItem]
}

private struct CampaignListItem: Encodable {
    let id: String
    /// active (jobs left), paused or finished.
    let state: String
    let contacts: Int
    let pending: Int
    let jobs: [String: Int]
}

private struct ContactResultRow: Encodable {
    let row: Int
    let externalID: String?
    let status: String
    let contactID: Int64?
    let code: String?
    let message: String?

    enum CodingKeys: String, CodingKey {
        case row, status, code, message
        case externalID = "external_id"
        case contactID = "contact_id"
    }
}

private struct ContactsAnswer: Encodable {
    let accepted: Int
    let rejected: Int
    let rows: [ContactResultRow]
}

private struct CancelAnswer: Encodable {
    let externalID: String
    let status: String

    enum CodingKeys: String, CodingKey {
        case status
        case externalID = "external_id"
    }
}
