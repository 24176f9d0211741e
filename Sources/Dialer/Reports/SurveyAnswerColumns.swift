import CampaignDSL

/// results.csv's survey columns, one per question of the campaign's surveys (`answer:QUESTION`):
/// the contact's latest answer to each. Streams the answers ordered by contact alongside the contacts.
struct SurveyAnswerColumns: ContactColumns {
    let header: [String]
    private let questions: [String: Int]
    private let statement: SQLiteStatement
    private var current: (contact: Int64, question: String, answer: String)?
    private var done = false
    /// The row being written's answers, by question (kept between rows: no array per contact).
    private var answers: [String]

    init(store: CampaignStore, campaign: Int64, spec: CampaignSpec) throws {
        var ids: [String] = []
        for survey in spec.surveys {
            for question in survey.questions where !ids.contains(question.id) { ids.append(question.id) }
        }
        header = ids.map { "answer:" + $0 }
        answers = Array(repeating: "", count: ids.count)
        questions = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        statement = try store.connection.statement(
            """
            SELECT a.contact_id, a.question, a.answer FROM survey_answers a JOIN outcomes o ON o.id = a.outcome_id
            WHERE o.campaign_id = ? ORDER BY a.contact_id, o.id
            """)
        try statement.bind([campaign])
    }

    mutating func write(contact: Int64, to writer: inout CSVWriter, sheet: SpreadsheetWriter?) throws {
        for index in answers.indices { answers[index] = "" }
        while true {
            if current == nil && !done {
                if try statement.step() {
                    current = (statement.row.int64(0), statement.row.string(1), statement.row.string(2))
                } else {
                    done = true
                    statement.reset()
                }
            }
            guard let row = current, row.contact <= contact else { break }
            if row.contact == contact, let index = questions[row.question] { answers[index] = row.answer }
            current = nil
        }
        for answer in answers {
            writer.cell(answer)
            sheet?.text(answer)
        }
    }
}
