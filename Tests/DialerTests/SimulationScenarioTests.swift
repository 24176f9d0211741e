import Dialer
import Testing

@Suite struct SimulationScenarioTests {
    @Test func aScenarioFileSetsEveryParameterItNames() throws {
        var parameters = SimulationParameters()
        try SimulationScenario.apply(
            """
            # reference scenario with AMD
            answer-rate   30%
            machine-rate  0.15
            invalid-rate  10%
            talk          150s
            amd           on
            amd-false-positive 1%
            answer-by-hour 9=0.8, 18=1.3
            break-every   2400
            """, to: &parameters)
        #expect(parameters.personAnswerShare == 0.3)
        #expect(parameters.machineShare == 0.15)
        #expect(parameters.unallocatedShare == 0.1)
        #expect(parameters.talkMeanSeconds == 150)
        #expect(parameters.amd)
        #expect(parameters.amdFalsePositiveShare == 0.01)
        #expect(parameters.answerByHour == [9: 0.8, 18: 1.3])
        #expect(parameters.breakEverySeconds == 2400)
        #expect(parameters.busyShare == SimulationParameters().busyShare, "keys not named keep their defaults")
    }

    @Test func everyDocumentedKeyIsSettable() throws {
        for key in SimulationScenario.keys {
            var parameters = SimulationParameters()
            let value = switch key {
            case "amd", "recordings": "on"
            case "routing": "pbx"
            case "answer-by-hour": "10=1.1"
            case "seed": "7"
            case "agent-dispositions": "done=2"
            case "agent-callback-hours": "1-3"
            default: "0.7"
            }
            try SimulationScenario.set(key, to: value, in: &parameters)
            #expect(parameters != SimulationParameters(), "\(key) changes nothing")
        }
    }

    @Test(arguments: [
        ("answer-rate 130%", "line 1: answer-rate: '130%' is not a share from 0 to 1 (or 0% to 100%)"),
        ("talk long", "line 1: talk: 'long' is not a number ≥ 0"),
        ("\nanwser-rate 0.3", "line 2: unknown key 'anwser-rate'"),
        ("amd maybe", "line 1: amd: 'maybe' is neither on nor off"),
        ("answer-by-hour 25=1", "line 1: answer-by-hour: '25=1' is not HOUR=FACTOR with an hour from 0 to 23"),
        ("seed", "line 1: expected `key value`"),
    ])
    func badLinesAreNamedWithTheirLine(text: String, message: String) {
        var parameters = SimulationParameters()
        #expect {
            try SimulationScenario.apply(text, to: &parameters)
        } throws: { error in
            (error as? ScenarioError)?.message.hasPrefix(message) ?? false
        }
    }
}
