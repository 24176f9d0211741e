import CampaignDSL
import Testing

@Suite struct RetryRuleTests {
    @Test func growingWaitsRepeatTheLast() {
        let rule = RetryRule(times: 5, waits: [3600, 14400, 86400])
        #expect(rule.wait(after: 1) == 3600)
        #expect(rule.wait(after: 2) == 14400)
        #expect(rule.wait(after: 3) == 86400)
        #expect(rule.wait(after: 4) == 86400)
    }

    @Test func aRuleWithoutWaitsWaitsNothing() {
        #expect(RetryRule(times: 2, waits: []).wait(after: 1) == 0)
    }
}
