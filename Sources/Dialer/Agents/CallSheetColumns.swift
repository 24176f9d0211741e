/// The columns of a call sheet's CSV that `dialerd agents import` reads back, named in one place.
enum CallSheetColumns {
    static let campaign = "campaign"
    static let rowKey = "row_key"
    static let agent = "agent"
    /// The disposition's id.
    static let disposition = "disposition"
    /// `YYYY-MM-DD HH:MM` in the callee's zone.
    static let callback = "callback"
    /// Who takes the callback: `me` (the sheet's agent, the default), `anyone`, or an agent's id.
    static let callbackBy = "callback_by"
    /// `yes` when the contact asked never to be called again.
    static let optOut = "opt_out"
    /// The prefix of a survey answer's column: `answer:rating`.
    static let answerPrefix = "answer:"

    /// The outcome columns of a sheet with these questions, in order.
    static func outcome(questions: [String]) -> [String] {
        [disposition] + questions.map { answerPrefix + $0 } + [callback, callbackBy, optOut]
    }
}
