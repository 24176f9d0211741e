/// Writes large valid campaign files, for benchmarks and tests.
public enum CampaignSourceGenerator {
    /// A campaign of about `lines` lines (at least the ~60 of its fixed part)
    /// using every construct: surveys, SMS, dispositions, teams, holidays,
    /// comments. The same seed gives the same text. It is valid where
    /// `lists/generated.csv` and `dnc/opt-outs.txt` exist beside it (for
    /// `FileSystemEnvironment`, or any environment that says they exist).
    public static func generate(lines: Int, seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        var writer = Writer()
        writer.campaignHead()
        var questions = 0
        var part = 0
        // The campaign block's body grows with surveys, messages and dispositions;
        // teams and holidays after it take the rest.
        let campaignBudget = max(0, lines / 2 - writer.count - 40)
        repeat {
            writer.survey(part, questions: Int.random(in: 5...40, using: &random), start: &questions, random: &random)
            part += 1
        } while writer.count < campaignBudget
        writer.campaignTail(agentCount: 12)
        var date = 0
        while writer.count < lines - 2 {
            if part % 2 == 0 {
                writer.team(part, agents: Int.random(in: 5...60, using: &random))
            } else {
                writer.holidays(part, dates: Int.random(in: 3...30, using: &random), start: &date)
            }
            part += 1
        }
        return writer.text
    }

    private struct Writer {
        private(set) var text = ""
        private(set) var count = 0

        mutating func line(_ line: String) {
            text += line + "\n"
            count += 1
        }

        mutating func campaignHead() {
            for item in [
                "# A generated campaign: every construct, many times over.",
                "campaign generated {",
                "  title       \"Generated campaign\"",
                "  description \"Written by CampaignSourceGenerator\"",
                "  timezone    Asia/Ho_Chi_Minh",
                "  caller-id   +842873001234",
                "  language    vi",
                "  dates       2026-03-02 to 2026-12-31",
                "  profile     us-tsr",
                "",
                "  list \"lists/generated.csv\" {",
                "    phone    column \"Mobile\", column \"Home\"  # tried in order",
                "    name     column \"Full name\"",
                "    field    plan column \"Plan\"",
                "    country  column \"Country\", VN",
                "    where column \"Status\" is \"active\"",
                "  }",
                "  dnc \"dnc/opt-outs.txt\"",
                "  dnc prefix +1900, +84190",
                "",
                "  hours {",
                "    mon-fri 08:30-11:30, 13:30-20:00",
                "    sat     09:00-12:00",
                "    closed  2026-04-30, 2026-05-01",
                "    holidays fixed",
                "  }",
                "  callee-hours 08:00-21:00",
                "",
                "  dispositions {",
                "    renewed  \"Renewed\"          success final",
                "    callback \"Call back later\"  callback",
                "    refused  \"Not interested\"   final",
                "    remove   \"Never call\"       do-not-call final",
                "  }",
            ] {
                line(item)
            }
        }

        mutating func survey(_ index: Int, questions: Int, start: inout Int, random: inout SplitMix64) {
            line("")
            line("  survey s\(index) {")
            line("    ask q\(start) \"Will you renew?\" yes/no")
            let gate = start
            for offset in 1..<max(2, questions) {
                let id = start + offset
                switch Int.random(in: 0...4, using: &random) {
                case 0: line("    ask q\(id) \"How satisfied are you?\" scale 1-5 when q\(gate) = yes")
                case 1: line("    ask q\(id) \"Which plan?\" choice basic, plus, premium optional")
                case 2: line("    ask q\(id) \"How many lines?\" number 1-20")
                case 3: line("    ask q\(id) \"Why not?\" text when q\(gate) = no optional  # free text")
                default: line("    ask q\(id) \"Renew online?\" yes/no")
                }
            }
            line("  }")
            start += max(2, questions)
        }

        mutating func campaignTail(agentCount: Int) {
            for item in [
                "",
                "  dial predictive {",
                "    team        team-0",
                "    max-abandon 3%",
                "    ring        25s",
                "    lines       40",
                "  }",
                "  retry {",
                "    no-answer 4 times, wait 2h, then 4h, then 1d",
                "    busy      3 times, wait 10m",
                "    machine   2 times, wait 1d",
                "    at-most   3 attempts per day",
                "  }",
                "  sms {",
                "    sender \"ACME\"",
                "    on no-answer final      \"Hello {name}, we called about your {plan} plan.\"",
                "    on disposition callback \"Thank you {name}, we will call back.\"",
                "    on answer q0 = yes      \"Thank you {name}!\"",
                "    before callback 1h      \"{name}, we will call you in an hour.\"",
                "  }",
                "  report every day at 21:00 to \"reports/generated\" as csv, html",
                "}",
            ] {
                line(item)
            }
            team(0, agents: agentCount)
            line("")
            line("holidays fixed {")
            line("  closed 2026-01-01, 2026-09-02")
            line("}")
        }

        mutating func team(_ index: Int, agents: Int) {
            line("")
            line("team team-\(index) {")
            for agent in 0..<agents {
                line("  agent a\(index)-\(agent) \"Agent \(index)-\(agent)\"")
            }
            line("}")
        }

        mutating func holidays(_ index: Int, dates: Int, start: inout Int) {
            line("")
            line("holidays generated-\(index) {")
            for _ in 0..<dates {
                let day = start % 28 + 1
                let month = start / 28 % 12 + 1
                let year = 2026 + start / (28 * 12)
                line("  closed \(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
                start += 1
            }
            line("}")
        }
    }
}
