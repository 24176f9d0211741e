import Dialer
import Foundation
import Testing

@Suite struct VirtualClockTests {
    @Test func sleepJumpsToTheDeadline() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = VirtualClock(start: start)
        clock.sleep(until: start.addingTimeInterval(3600))
        #expect(clock.now == start.addingTimeInterval(3600))
    }

    @Test func timeNeverGoesBackwards() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let clock = VirtualClock(start: start)
        clock.advance(by: 10)
        clock.advance(to: start)
        clock.advance(by: -5)
        #expect(clock.now == start.addingTimeInterval(10))
    }
}
