import CampaignDSL
import Testing

/// `pacing` inside `dial predictive { … }`: the model by default, or a baseline by name.
@Suite struct PacingSettingTests {
    static func campaign(_ dialBody: String, mode: String = "predictive") -> String {
        """
        campaign demo {
          timezone UTC
          list "lists/demo.csv" { phone column "A" }
          hours { mon 09:00-10:00 }
          dial \(mode) {
            agents 12
            \(dialBody)
          }
        }
        """
    }

    @Test(arguments: [("", PacingStrategy.model), ("pacing model", .model), ("pacing reactive", .reactive),
                      ("pacing ratio 2.5", .ratio(2.5))])
    func theStrategyIsRead(line: String, strategy: PacingStrategy) throws {
        let spec = try #require(Marked(Self.campaign(line)).check().spec)
        #expect(spec.dial.pacing == strategy)
    }

    @Test func badStrategiesAreNamed() {
        Marked(Self.campaign("pacing «unknown-value:reactiv»")).check()
        Marked(Self.campaign("pacing ratio «out-of-range:0.5»")).check()
        Marked(Self.campaign("pacing ratio «out-of-range:many»")).check()
    }

    @Test func pacingAppliesOnlyToPredictiveDialing() {
        Marked(Self.campaign("«wrong-mode:pacing» reactive", mode: "progressive")).check()
    }
}
