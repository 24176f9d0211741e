import Foundation
import Testing

/// `docs/asterisk.md` shows the lab's own Asterisk configuration, so what an administrator copies is what
/// the lab runs. Runs without Asterisk: it compares text only.
///
/// The convention, for every ```` ```ini ```` block of the page:
/// - its first line is a comment naming the lab file it comes from, anywhere in the comment:
///   `; /etc/asterisk/queues.conf (the lab: Tests/AsteriskLab/pbx/queues.conf)`. An `ini` block without one fails.
/// - every other line that is not blank and not a comment (trailing `;` comments stripped, runs of
///   whitespace made one space) must be in that file, in the same order, and in a section of the same name
///   as the block's last `[section]` line above it; section lines must be in the file too.
/// - the file's `@NAME@` placeholders (filled in by `lab.sh`) match any value: `port = @AMI_PORT@` takes
///   `port = 5038`, `secret = @AMI_SECRET@` takes `secret = change-me-…`.
/// - a line whose trailing comment begins with `yours` (`bindaddr = 10.0.0.5   ; yours: …`) holds a value
///   the administrator chooses: only its key (before `=>` or `=`) must be in the file, in that section and
///   order. A file line that is only a placeholder (`@MEMBERS@`) stands for the lines `lab.sh` writes there;
///   it takes any number of `yours` lines whose key names it (`member` for `@MEMBERS@`).
///
/// Config blocks in other languages (the daemon's `telephony asterisk { … }`) are checked against
/// `DaemonConfigReader.asteriskKeywords`: every keyword used is known, and every known keyword is documented.
@Suite struct AsteriskDocumentationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let document = "docs/asterisk.md"

    static func text(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// A fenced block of the document.
    struct Block {
        let language: String
        /// The line of the document its first line is on (1-based).
        let line: Int
        let lines: [String]
    }

    static func blocks(in text: String) -> [Block] {
        var blocks: [Block] = []
        var pending: (language: String, line: Int, lines: [String])?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                if let current = pending {
                    blocks.append(Block(language: current.language, line: current.line, lines: current.lines))
                    pending = nil
                } else {
                    pending = (String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces), index + 2, [])
                }
            } else if pending != nil {
                pending!.lines.append(line)
            }
        }
        return blocks
    }

    /// The lab file a block names in its first line, if any.
    static func labFile(of block: Block) -> String? {
        guard let first = block.lines.first?.trimmingCharacters(in: .whitespaces), first.hasPrefix(";"),
              let range = first.range(of: #"Tests/AsteriskLab/[A-Za-z0-9_./-]+"#, options: .regularExpression)
        else { return nil }
        var path = String(first[range])
        while path.hasSuffix(".") || path.hasSuffix(")") { path.removeLast() }
        return path
    }

    /// A config line without its comment and with its whitespace normalised; nil for blank and comment lines.
    struct ConfigLine {
        let text: String
        /// The trailing comment began with `yours`.
        let yours: Bool
        var section: String? {
            text.hasPrefix("[") ? text.dropFirst().split(separator: "]", maxSplits: 1).first.map(String.init) : nil
        }
        /// The text before `=>` or `=`.
        var key: String {
            let end = [text.range(of: "=>"), text.range(of: "=")].compactMap { $0?.lowerBound }.min() ?? text.endIndex
            return text[..<end].trimmingCharacters(in: .whitespaces)
        }
    }

    static func configLine(_ raw: String) -> ConfigLine? {
        var body = raw
        var comment = ""
        var index = raw.startIndex
        while index < raw.endIndex {
            if raw[index] == ";" && (index == raw.startIndex || raw[raw.index(before: index)] != "\\") {
                body = String(raw[..<index])
                comment = String(raw[raw.index(after: index)...])
                break
            }
            index = raw.index(after: index)
        }
        let text = body.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard !text.isEmpty else { return nil }
        return ConfigLine(text: text, yours: comment.trimmingCharacters(in: .whitespaces).hasPrefix("yours"))
    }

    /// A line of a lab file, with the section it is in.
    struct FileLine {
        let line: ConfigLine
        let section: String?
        let number: Int

        /// The placeholder's name when the whole line is one (`@MEMBERS@`).
        var wholePlaceholder: String? {
            let text = line.text
            guard text.count > 2, text.hasPrefix("@"), text.hasSuffix("@"), !text.dropFirst().dropLast().contains("@")
            else { return nil }
            return String(text.dropFirst().dropLast())
        }

        /// Whether `documented` (a line that is not `yours`) is this line, each `@NAME@` taking any value.
        func matches(_ documented: String) -> Bool {
            let text = line.text
            var pattern = "^"
            var rest = text.startIndex
            while let placeholder = text.range(of: "@[A-Z][A-Z0-9_]*@", options: .regularExpression, range: rest..<text.endIndex) {
                pattern += NSRegularExpression.escapedPattern(for: String(text[rest..<placeholder.lowerBound])) + ".+"
                rest = placeholder.upperBound
            }
            pattern += NSRegularExpression.escapedPattern(for: String(text[rest...])) + "$"
            return documented.range(of: pattern, options: .regularExpression) != nil
        }
    }

    static func fileLines(_ text: String) -> [FileLine] {
        var section: String?
        var lines: [FileLine] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            guard let line = configLine(raw) else { continue }
            if let name = line.section { section = name }
            lines.append(FileLine(line: line, section: section, number: index + 1))
        }
        return lines
    }

    /// The problems of one block against its lab file: each line not found as the convention says.
    static func problems(of snippet: [String], against file: String) -> [String] {
        let lines = fileLines(file)
        var problems: [String] = []
        var cursor = 0
        var section: String?
        for raw in snippet {
            guard let documented = configLine(raw) else { continue }
            if let name = documented.section { section = name }
            var found: Int?
            var stays = false
            for index in cursor..<lines.count {
                let candidate = lines[index]
                if documented.section == nil, let section, candidate.section != section { continue }
                if documented.yours {
                    if let name = candidate.wholePlaceholder, !documented.key.isEmpty,
                       name.uppercased().hasPrefix(documented.key.uppercased()) {
                        found = index
                        stays = true
                        break
                    }
                    if candidate.wholePlaceholder == nil, candidate.line.section == nil, documented.section == nil,
                       candidate.line.key == documented.key {
                        found = index
                        break
                    }
                } else if candidate.wholePlaceholder == nil, candidate.matches(documented.text) {
                    found = index
                    break
                }
            }
            if let found {
                cursor = stays ? found : found + 1
            } else {
                let what = documented.yours ? "the key `\(documented.key)` of" : ""
                problems.append("\(what) `\(documented.text)` is not in the lab's file"
                                + (section.map { " in [\($0)]" } ?? "") + " after the lines before it")
            }
        }
        return problems
    }

    static func iniBlocks() throws -> [Block] {
        try blocks(in: text(document)).filter { $0.language == "ini" }
    }

    @Test func everyIniSnippetNamesALabFileThatExists() throws {
        let blocks = try Self.iniBlocks()
        #expect(blocks.count >= 7, "docs/asterisk.md shows \(blocks.count) ini blocks")
        var named = Set<String>()
        for block in blocks {
            guard let file = Self.labFile(of: block) else {
                Issue.record("\(Self.document):\(block.line): an ini block whose first line names no Tests/AsteriskLab/ file")
                continue
            }
            named.insert(file)
            #expect(FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(file).path),
                    "\(Self.document):\(block.line): \(file) does not exist")
        }
        for file in ["manager.conf", "pjsip.conf", "extensions.conf", "amd.conf", "queues.conf", "modules.conf"] {
            #expect(named.contains("Tests/AsteriskLab/pbx/" + file), "the docs show no snippet of the lab's pbx/\(file)")
        }
    }

    @Test func everyIniSnippetIsTheLabsConfiguration() throws {
        for block in try Self.iniBlocks() {
            guard let file = Self.labFile(of: block) else { continue }
            let lab = try Self.text(file)
            let checked = block.lines.dropFirst().compactMap(Self.configLine)
            #expect(checked.count >= 2, "\(Self.document):\(block.line): a snippet of \(file) with nothing to check")
            for problem in Self.problems(of: Array(block.lines.dropFirst()), against: lab) {
                Issue.record("\(Self.document):\(block.line) (\(file)): \(problem)")
            }
        }
    }

    /// The check is not vacuous: every checked line of every snippet, changed, is caught.
    @Test func aChangedLineOfAnySnippetIsCaught() throws {
        for block in try Self.iniBlocks() {
            guard let file = Self.labFile(of: block) else { continue }
            let lab = try Self.text(file)
            let lines = Array(block.lines.dropFirst())
            for (index, line) in lines.enumerated() where Self.configLine(line) != nil {
                var changed = lines
                let indent = line.prefix { $0 == " " }
                changed[index] = String(indent) + "x" + String(line.dropFirst(indent.count))
                #expect(!Self.problems(of: changed, against: lab).isEmpty,
                        "\(Self.document):\(block.line + 1 + index): `\(line)` changed is not caught")
            }
        }
    }

    @Test func aChangedValueAMissingPlaceholderValueAndASwappedOrderAreCaught() {
        let lab = """
            [general]
            port = @AMI_PORT@
            [campaign]
            timeout = 2
            autofill = yes ; comment
            @MEMBERS@
            [dialer-connect]
            exten => s,1,NoOp()
             same => n,AMD()
            """
        let good = ["; the lab", "[general]", "port = 5038", "[campaign]", "timeout  =   2", "autofill = yes",
                    "member => PJSIP/an,0,an ; yours", "member => PJSIP/b,0,b ; yours",
                    "[dialer-connect]", "exten => s,1,NoOp()", " same => n,AMD()  ; sets AMDSTATUS"]
        #expect(Self.problems(of: good, against: lab).isEmpty, "\(Self.problems(of: good, against: lab))")
        func changed(_ index: Int, _ line: String) -> [String] { var lines = good; lines[index] = line; return lines }
        #expect(!Self.problems(of: changed(4, "timeout = 3"), against: lab).isEmpty)
        #expect(!Self.problems(of: changed(5, "autofill = no"), against: lab).isEmpty)
        #expect(!Self.problems(of: changed(2, "port ="), against: lab).isEmpty)
        #expect(!Self.problems(of: changed(6, "member => PJSIP/an,0,an"), against: lab).isEmpty, "a member line not marked yours")
        #expect(!Self.problems(of: changed(6, "penalty = 3 ; yours"), against: lab).isEmpty, "a key the file does not have")
        #expect(Self.problems(of: changed(4, "timeout = 9 ; yours: any value"), against: lab).isEmpty, "a value of yours")
        #expect(!Self.problems(of: changed(3, "[queue]"), against: lab).isEmpty, "a section the file does not have")
        var swapped = good
        swapped.swapAt(9, 10)
        #expect(!Self.problems(of: swapped, against: lab).isEmpty, "dialplan lines in another order")
        var moved = good
        moved.remove(at: 4)
        moved.insert("timeout = 2", at: 2)
        #expect(!Self.problems(of: moved, against: lab).isEmpty, "a line in another section")
    }

    /// The daemon config the page shows uses only known keywords, and its settings table names every one.
    @Test func everyTelephonyKeywordIsKnownAndDocumented() throws {
        let reader = try Self.text("Sources/CampaignDSL/Config/DaemonConfigReader.swift")
        let declaration = try #require(reader.range(of: #"static let asteriskKeywords = \[[^\]]*\]"#, options: .regularExpression))
        let known = Set(reader[declaration].split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        #expect(known.count >= 20 && known.contains("max-queue-delay"), "\(known)")

        let document = try Self.text(Self.document)
        for keyword in known.sorted() {
            let documented = document.contains("| `\(keyword)` |")
            #expect(documented, "the settings table of docs/asterisk.md lacks `\(keyword)`")
        }
        let configs = Self.blocks(in: document).filter { $0.lines.contains { $0.contains("telephony asterisk {") } }
        #expect(!configs.isEmpty, "docs/asterisk.md shows no `telephony asterisk { … }`")
        for block in configs {
            var inside = false
            for line in block.lines {
                let words = line.split(separator: " ")
                if line.contains("telephony asterisk {") { inside = true; continue }
                if line.trimmingCharacters(in: .whitespaces) == "}" { inside = false; continue }
                guard inside, let keyword = words.first.map(String.init), !keyword.hasPrefix("#") else { continue }
                #expect(known.contains(keyword), "\(Self.document):\(block.line): `\(keyword)` is not a telephony asterisk keyword")
            }
        }
    }
}
