import Dialer
import Foundation

/// A recorded lab conversation (Tests/DialerTests/Fixtures/ami-lab-burst.txt: 22 calls at once)
/// decoded and tracked by the driver's own code many times over, offline, on one thread.
struct BurstReplay {
    static let transcript = AsteriskLab.repositoryRoot
        .appendingPathComponent("Tests/DialerTests/Fixtures/ami-lab-burst.txt").path
    /// The recording's calls, `dialer-1` … `dialer-22`.
    static let calls = 1...22

    let passes: Int

    struct Result {
        /// Messages in one pass.
        let messages: Int
        /// Asterisk's bytes in one pass.
        let bytes: Int
        /// The median pass, in seconds.
        let medianSeconds: Double
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    func run() throws -> Result {
        let bytes = try Self.asteriskBytes(of: Self.transcript)
        let replay = AMIReplayBenchmark(bytes: bytes, calls: Self.calls)
        var timings: [Double] = []
        var first: AMIReplayBenchmark.Pass?
        for _ in 0..<passes {
            let (pass, seconds) = measure { replay.replay() }
            guard pass.hangUps == Self.calls.count, pass.callsInProgress == 0, first == nil || pass == first else {
                throw Mismatch(description: "the replay of \(Self.transcript) ended \(pass.hangUps) of \(Self.calls.count) calls")
            }
            first = pass
            timings.append(seconds)
        }
        timings.sort()
        return Result(messages: first?.messages ?? 0, bytes: bytes.count, medianSeconds: timings[timings.count / 2])
    }

    /// What Asterisk sent: the recording without the client's blocks (a line `>>> sent`, then what
    /// the client wrote up to its blank line).
    static func asteriskBytes(of path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Mismatch(description: "cannot read the recording \(path)")
        }
        var output: [UInt8] = []
        output.reserveCapacity(data.count)
        var skipping = false
        var lineStart = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            let line = data[lineStart...index]
            lineStart = index + 1
            if line.elementsEqual(">>> sent\r\n".utf8) {
                skipping = true
            } else if skipping {
                if line.elementsEqual("\r\n".utf8) { skipping = false }
            } else {
                output += line
            }
        }
        output += data[lineStart...]
        return output
    }
}
