import Dialer

/// The lab customers a load dials, in a fixed cycle of twenty: the last three digits of a number
/// are the customer's class, ring seconds and talk seconds (Tests/AsteriskLab/README.md).
/// Mostly rings never answered (they hold a line until the ring timeout), then persons,
/// machines, busy, congestion and unallocated numbers.
enum LabCustomerMix {
    /// Class, ring seconds, talk seconds of each call in the cycle.
    static let cycle = [
        "600", "113", "310", "600", "210", "600", "510", "600", "113", "600",
        "600", "410", "113", "600", "210", "600", "510", "600", "113", "600",
    ]

    /// The cycle in words.
    static let summary = "a cycle of 20: 10 no answer, 4 persons (ring 1 s, talk 3 s), 2 machines, 2 unallocated, busy, congestion"

    /// The customer of the `index`-th call.
    static func customer(_ index: Int) -> String {
        cycle[index % cycle.count]
    }

    /// A distinct-looking North American number that ends in `customer` (+1212555kCRT).
    static func number(_ index: Int, customer: String) -> String {
        "+1212555\(index % 10)\(customer)"
    }

    /// Whether a call to `customer` ended as the lab plays it: persons and machines answered and
    /// told apart, the others unanswered with the far end's cause (busy 17, congestion 34,
    /// unallocated 1, no answer 19).
    static func endedAsPlayed(_ customer: String, answered party: AnsweringParty?, cause: HangupCause) -> Bool {
        switch customer.first {
        case "1": party == .person
        case "2": party == .machine
        case "3": party == nil && cause == .userBusy
        case "4": party == nil && cause == .noCircuitAvailable
        case "5": party == nil && cause == .unallocatedNumber
        default: party == nil && cause == .noAnswer
        }
    }
}
