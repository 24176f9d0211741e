extension SpecBuilder {
    /// `dispositions { sale "Sale" success final  callback "Call back" callback … }`.
    func readDispositions(_ node: Node) -> [Disposition] {
        var result: [Disposition] = []
        var seen: [String: Node] = [:]
        let flags = Disposition.Flag.allCases.map(\.rawValue)
        for child in node.children where !child.statement.isMalformed {
            guard checkBlock(of: child, required: false), let id = child.statement.keyword else { continue }
            checkName(id, in: child, what: "disposition")
            if let first = seen[id.text] {
                diagnostics.error("duplicate", "disposition '\(id.text)' is defined twice", at: child.keywordRange,
                                  notes: ["first defined at \(describe(first.keywordRange))"])
                continue
            }
            seen[id.text] = child
            var reader = child.reader(diagnostics)
            var disposition = Disposition(id: id.text)
            if reader.peek?.kind == .string { disposition.label = reader.next()?.text }
            var progress = LoopProgress()
            while let word = reader.peek, progress.advanced(to: word.start) {
                guard word.kind == .word else {
                    reader.expectEnd()
                    break
                }
                _ = reader.next()
                guard let flag = Disposition.Flag(rawValue: word.text) else {
                    diagnostics.error("unknown-value", "unknown disposition flag '\(word.text)'", at: child.range(of: word),
                                      hint: Suggestion.hint(for: word.text, in: flags) ?? "flags: " + flags.joined(separator: ", "))
                    continue
                }
                disposition.flags.insert(flag)
            }
            result.append(disposition)
        }
        if result.isEmpty, node.children.isEmpty {
            diagnostics.error("missing-required", "'dispositions' lists no outcomes", at: node.keywordRange,
                              hint: "add lines like `sale \"Sale\" success final`")
        }
        return result
    }
}
