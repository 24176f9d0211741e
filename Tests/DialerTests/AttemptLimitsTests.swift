import CampaignDSL
@testable import Dialer
import Testing

@Suite struct AttemptLimitsTests {
    let limits = AttemptLimits(policy: RetryPolicy(rules: [
        .noAnswer: RetryRule(times: 4, waits: [3600, 7200]),
        .busy: RetryRule(times: 2, waits: [600]),
    ]))

    @Test func aNewContactMayBeCalled() {
        #expect(limits.allowsAnotherCall(after: []))
    }

    @Test func noAnswerIsRetriedWithGrowingWaitsUntilItsTimesAreUsed() {
        #expect(limits.nextStep(after: [.noAnswer]) == .retry(afterSeconds: 3600))
        #expect(limits.nextStep(after: [.noAnswer, .noAnswer]) == .retry(afterSeconds: 7200))
        #expect(limits.nextStep(after: [.noAnswer, .noAnswer, .noAnswer]) == .retry(afterSeconds: 7200))
        #expect(limits.nextStep(after: [.noAnswer, .noAnswer, .noAnswer, .noAnswer]) == .final(.exhausted))
    }

    @Test func finalOutcomes() {
        #expect(limits.nextStep(after: [.answered]) == .final(.completed))
        #expect(limits.nextStep(after: [.invalid]) == .final(.invalid))
        #expect(limits.nextStep(after: [.failed]) == .final(.exhausted), "an outcome without a rule is not retried")
    }

    @Test func anUnknownEndCountsAsANoAnswer() {
        #expect(limits.nextStep(after: [.noAnswer, .unknown, .noAnswer, .unknown]) == .final(.exhausted))
    }

    /// Property: following the limits, no outcome ever occurs more often than its rule allows,
    /// and the number of calls never exceeds the sum of all rules' times.
    @Test func randomHistoriesNeverExceedAnyRule() {
        var random = SeededRandom(seed: 42)
        let outcomes: [CallOutcome] = [.noAnswer, .busy, .failed, .unknown, .answered, .machine]
        for _ in 0..<5_000 {
            var history: [CallOutcome] = []
            while limits.allowsAnotherCall(after: history) {
                history.append(outcomes[Int(random.next() % UInt64(outcomes.count))])
            }
            #expect(history.count { $0.retryOutcome == .noAnswer } <= 4)
            #expect(history.count { $0 == .busy } <= 2)
            #expect(history.count <= 6)
        }
    }
}
