import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let output = try Dialerd.run(["--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("check"))
        #expect(output.stdout.contains("simulate"))
    }

    @Test(arguments: ["check", "fmt", "explain", "simulate"])
    func everyCommandHasHelp(command: String) throws {
        let output = try Dialerd.run([command, "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("Usage: dialerd \(command)"))
    }

    @Test func anUnknownCommandIsAUsageError() throws {
        let output = try Dialerd.run(["dail"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown command 'dail'"))
    }

    @Test func aMisspeltOptionIsAUsageError() throws {
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--sede", "7"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown option '--sede'"))
    }

    @Test func aBadSeedIsAUsageError() throws {
        let output = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--seed", "seven"])
        #expect(output.status == 2)
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test func versionIsAnswered() throws {
        for word in ["--version", "version"] {
            let output = try Dialerd.run([word])
            #expect(output.status == 0)
            #expect(output.stdout.hasPrefix("dialerd "), "\(output.stdout)")
        }
    }

    @Test func misspeltCommandsAndOptionsGetADidYouMean() throws {
        let help = try Dialerd.run(["--hlep"])
        #expect(help.status == 2)
        #expect(help.stderr.contains("unknown command '--hlep'; did you mean '--help'?"))
        let command = try Dialerd.run(["stauts"])
        #expect(command.stderr.contains("did you mean 'status'?"))
        let option = try Dialerd.run(["simulate", "campaigns/demo.campaign", "--anwser-rate", "20%"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("unknown option '--anwser-rate'; did you mean '--answer-rate'?"))
        let far = try Dialerd.run(["run", "--zzzzzz"])
        #expect(far.stderr.contains("unknown option '--zzzzzz'\n"), "no guess when nothing is close")
    }

    @Test func theBashCompletionCompletesCommandsAndEachCommandsOptions() throws {
        let script = try Dialerd.run(["completions", "bash"])
        #expect(script.status == 0)
        let directory = TemporaryDirectory()
        let path = directory.path("dialerd.bash")
        try Data(script.stdout.utf8).write(to: URL(fileURLWithPath: path))
        func complete(_ words: [String]) throws -> [String] {
            let shell = Process()
            shell.executableURL = URL(fileURLWithPath: "/bin/bash")
            let quoted = words.map { "'\($0)'" }.joined(separator: " ")
            shell.arguments = ["-c", "source \"$0\"; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _dialerd; "
                               + "printf '%s\\n' \"${COMPREPLY[@]}\"", path]
            let out = Pipe()
            shell.standardOutput = out
            try shell.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            shell.waitUntilExit()
            return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        #expect(try complete(["dialerd", "sta"]) == ["status"])
        #expect(try complete(["dialerd", "--ver"]) == ["--version"])
        #expect(try complete(["dialerd", "run", "--c"]) == ["--config"])
        #expect(try complete(["dialerd", "simulate", "x.campaign", "--answer"]) == ["--answer-rate", "--answer-by-hour"])
    }

    @Test func theZshCompletionNamesEveryCommand() throws {
        let script = try Dialerd.run(["completions", "zsh"])
        #expect(script.status == 0)
        #expect(script.stdout.hasPrefix("#compdef dialerd"))
        for command in ["check", "run", "status", "backup", "completions"] {
            #expect(script.stdout.contains("'\(command):"))
        }
        #expect(script.stdout.contains("status) options=(--config --db --json --help)"))
        let unknown = try Dialerd.run(["completions", "fish"])
        #expect(unknown.status == 2)
    }

    @Test func everyBenchmarkHasHelp() throws {
        let bench = Dialerd.executable.deletingLastPathComponent().appendingPathComponent("dialer-bench")
        for name in ["parse", "compile", "engine", "pacing", "report"] {
            let process = Process()
            process.executableURL = bench
            process.arguments = [name, "--help"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(name)")
            #expect(text.hasPrefix("Usage: swift run -c release dialer-bench \(name)"), "\(name): \(text)")
            #expect(text.contains("--seed"), "\(name)")
        }
    }
}
