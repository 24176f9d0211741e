import Foundation

/// Finds the `dialerd` executable that `swift build` put beside the test bundle.
enum BinaryLocator {
    static var dialerd: URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("dialerd")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/dialerd")
    }
}
