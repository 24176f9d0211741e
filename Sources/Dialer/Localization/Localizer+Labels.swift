public import CampaignDSL

/// The words for values the dialer stores as ids: call outcomes, AMD's verdicts, dispositions,
/// yes/no answers. Dispositions and choice answers are shown as the campaign names them.
extension Localizer {
    /// `no-answer` → `no answer` / `Không bắt máy` / `nepřijato`; an unknown outcome as stored.
    public func outcome(_ outcome: String) -> String {
        let key: TextKey? = switch outcome {
        case "answered": .outcomeAnswered
        case "no-answer": .outcomeNoAnswer
        case "busy": .outcomeBusy
        case "invalid": .outcomeInvalid
        case "failed": .outcomeFailed
        case "machine": .outcomeMachine
        case "abandoned": .outcomeAbandoned
        case "unknown": .outcomeUnknown
        default: nil
        }
        return key.map { text($0) } ?? outcome
    }

    /// Answering-machine detection's verdict (`human`, `machine`, `notsure`, `hangup`) in words.
    public func amdVerdict(_ verdict: String) -> String {
        let key: TextKey? = switch verdict {
        case "human": .amdHuman
        case "machine": .amdMachine
        case "notsure": .amdNotSure
        case "hangup": .amdHangup
        default: nil
        }
        return key.map { text($0) } ?? verdict
    }

    /// A disposition by the label the campaign gives it (`Đã gia hạn`), its id when it has none.
    public func disposition(_ id: String, in spec: CampaignSpec) -> String {
        spec.dispositions.first { $0.id == id }?.label ?? id
    }

    /// A survey answer as people read it: `yes`/`no` in the language, anything else (a choice the
    /// campaign names, a number, free text) as given.
    public func answer(_ answer: String) -> String {
        switch answer {
        case "yes": text(.answerYes)
        case "no": text(.answerNo)
        default: answer
        }
    }
}
