import CampaignDSL
import Testing

/// The complete language: every construct reaches the spec, and every cross-check fires.
@Suite struct CompleteLanguageTests {
    static let teams = """
        # shared/teams.campaign
        team renewals {
          agent an   "Nguyễn Văn An"
          agent binh "Trần Thị Bình"
        }
        holidays vn-2026 {
          closed 2026-04-30, 2026-05-01
          closed 2026-09-02
        }
        dnc prefix +84190

        """

    static let spring = """
        include "shared/teams.campaign"

        campaign spring-renewals {
          title       "Spring renewals 2026"
          description "Customers whose contract ends this spring"
          timezone    Asia/Ho_Chi_Minh
          caller-id   +842873001234
          language    vi
          dates       2026-03-02 to 2026-03-31
          profile     vn-decree-91

          list "lists/renewals.csv" {
            phone    column "Mobile", column "Home"
            name     column "Full name"
            field    plan column "Plan"
            country  column "Country", VN
            timezone column "TZ"
            agent    column "Owner"
            priority column "Priority"
            delimiter ";"
            encoding windows-1252
            where column "Status" is not "closed"
          }
          dnc national "dnc/national.txt"
          dnc "dnc/opt-outs.csv" { column "Phone" }

          hours {
            mon-fri 08:30-11:30, 13:30-16:30
            sat     09:00-12:00
            closed  2026-03-08
            holidays vn-2026
          }
          callee-hours 08:00-17:00

          dial predictive {
            team        renewals
            max-abandon 3%
            ring        25s
            lines       40
            max-lines-per-agent 3
            calls-per-second 5
          }
          retry {
            no-answer 4 times, wait 1d, then 2d
            busy      3 times, wait 1d
            machine   final
            at-most   1 attempts per day
            at-most   6 attempts in total
          }
          dispositions {
            renewed  "Renewed"            success final
            callback "Call back later"    callback
            refused  "Does not want to"   final
            remove   "Never call again"   do-not-call final
          }
          survey renewal {
            ask satisfied "How satisfied are you with our service?" scale 1-5
            ask renew     "Will you renew this year?" yes/no
            ask why       "Why not?" text when renew = no optional
            ask plan      "Which plan?" choice basic, plus, premium when renew = yes
          }
          sms {
            sender "ACME"
            on no-answer final      "Chào {name}, chúng tôi đã gọi cho bạn về gói {plan}."
            on disposition callback "Cảm ơn {name}, chúng tôi sẽ gọi lại."
            on answer renew = yes   "Cảm ơn {name}! Hợp đồng của bạn sẽ được gia hạn."
            before callback 1h      "{name}, chúng tôi sẽ gọi cho bạn sau 1 giờ."
          }
          report every day at 21:00 to "reports/spring-renewals" as csv, html
          report every mon at 08:00 to "reports/weekly"
        }

        """

    static func environment(_ campaign: String) -> MemoryEnvironment {
        MemoryEnvironment(
            sources: ["c/spring.campaign": campaign, "c/shared/teams.campaign": teams],
            files: ["c/lists/renewals.csv": ["Mobile", "Home", "Full name", "Plan", "Country", "TZ", "Owner",
                                             "Priority", "Status"],
                    "c/dnc/national.txt": nil, "c/dnc/opt-outs.csv": ["Phone"]])
    }

    @Test func everyConstructReachesTheSpec() throws {
        let result = CampaignChecker.check(file: "c/spring.campaign", environment: Self.environment(Self.spring))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let spec = try #require(result.spec)
        #expect(spec.description == "Customers whose contract ends this spring")
        #expect(spec.callerID == "+842873001234")
        #expect(spec.language == .vietnamese)
        #expect(spec.dates == DateRange(first: LocalDate(year: 2026, month: 3, day: 2),
                                        last: LocalDate(year: 2026, month: 3, day: 31)))
        #expect(spec.compliance == .vnDecree91)
        let list = try #require(spec.lists.first)
        #expect(list.path == "c/lists/renewals.csv")
        #expect(list.fields == [ListField(name: "plan", column: "Plan")])
        #expect(list.countryColumn == "Country" && list.defaultCountry == "VN")
        #expect(list.timeZoneColumn == "TZ" && list.agentColumn == "Owner" && list.priorityColumn == "Priority")
        #expect(list.delimiter == UInt8(ascii: ";") && list.encoding == .windows1252)
        #expect(list.filter == RowFilter(column: "Status", value: "closed", negated: true))
        #expect(spec.dnc == [DNCList(path: "c/dnc/national.txt", isNationalRegister: true),
                             DNCList(path: "c/dnc/opt-outs.csv", column: "Phone")])
        #expect(spec.dncPrefixes == ["+84190"])
        #expect(spec.hours.closedDates.count == 4)
        #expect(spec.calleeHours.map(\.description) == ["08:00-17:00"])
        #expect(spec.dial.team == "renewals" && spec.dial.agents == 2)
        #expect(spec.dialingTeam?.agents.map(\.id) == ["an", "binh"])
        #expect(spec.dial.maxAbandonPercent == 3 && spec.dial.lines == 40 && spec.dial.maxLinesPerAgent == 3)
        #expect(spec.dial.callsPerSecond == 5)
        #expect(spec.retry.rule(for: .noAnswer) == RetryRule(times: 4, waits: [86_400, 172_800]))
        #expect(spec.retry.rule(for: .machine) == nil)
        #expect(spec.retry.maxPerDay == 1 && spec.retry.maxPer24Hours == 1 && spec.retry.maxTotal == 6)
        #expect(spec.dispositions.map(\.id) == ["renewed", "callback", "refused", "remove"])
        #expect(spec.dispositions[3].flags == [.doNotCall, .final])
        let survey = try #require(spec.surveys.first)
        #expect(survey.question("why")?.condition == Condition(question: "renew", answers: ["no"]))
        #expect(survey.question("why")?.required == false)
        #expect(survey.question("plan")?.key(for: "premium") == "3")
        #expect(spec.sms?.sender == "ACME")
        #expect(spec.sms?.messages.map(\.trigger) == [
            .finalOutcome(.noAnswer), .disposition("callback"), .answer(question: "renew", answers: ["yes"]),
            .beforeCallback(seconds: 3_600),
        ])
        #expect(spec.reports == [
            ReportSpec(schedule: .daily(at: TimeOfDay(hour: 21, minute: 0)), folder: "c/reports/spring-renewals",
                       formats: [.csv, .html]),
            ReportSpec(schedule: .weekly(on: .monday, at: TimeOfDay(hour: 8, minute: 0)), folder: "c/reports/weekly"),
        ])
    }

    /// The campaign with each `old` replaced by its `new`, checked; expects exactly the marked diagnostics.
    static func expect(_ replacements: KeyValuePairs<String, String>,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var text = spring
        for (old, new) in replacements {
            #expect(text.contains(old), "\(old)", sourceLocation: sourceLocation)
            text = text.replacingOccurrences(of: old, with: new)
        }
        let marked = Marked(text)
        let result = CampaignChecker.check(file: "c/spring.campaign", environment: environment(marked.source))
        let found = result.diagnostics.filter { $0.range.file == "c/spring.campaign" }
            .map { Marked.Expectation(id: $0.id, start: $0.range.start, end: $0.range.end).description }
        #expect(found.sorted() == marked.expected.map(\.description).sorted(),
                "\(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
    }

    static func expect(replacing old: String, with new: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expect([old: new], sourceLocation: sourceLocation)
    }

    static let vn = "profile     vn-decree-91"

    @Test func theVietnameseProfileLimitsCalleeHoursCallsPerDayAndNeedsTheRegister() {
        Self.expect(replacing: "callee-hours 08:00-17:00", with: "callee-hours «profile-limit:07:00-17:00»")
        Self.expect(replacing: "at-most   1 attempts per day",
                    with: "at-most   1 attempts per day\n    at-most «profile-limit:2» attempts per 24h")
        Self.expect(["dnc national \"dnc/national.txt\"": "", "spring-renewals {": "«profile-limit:spring-renewals» {"])
    }

    @Test func theUSAndUKProfilesLimitAbandonRingAndLockOut() {
        Self.expect(replacing: Self.vn, with: "profile     us-tsr")
        Self.expect(replacing: Self.vn, with: "profile     uk-ofcom")
        Self.expect(replacing: Self.vn, with: "profile     «unknown-value:us-tsa»")
        Self.expect([Self.vn: "profile us-tsr", "max-abandon 3%": "max-abandon «profile-limit:5%»"])
        Self.expect([Self.vn: "profile uk-ofcom", "ring        25s": "ring        «profile-limit:10s»"])
        Self.expect([Self.vn: "profile uk-ofcom", "machine   final": "abandoned 2 times, wait «profile-limit:1d»"])
        Self.expect([Self.vn: "profile uk-ofcom", "machine   final": "abandoned 2 times, wait 3d"])
        Self.expect([Self.vn: "profile us-tsr", "callee-hours 08:00-17:00": "callee-hours «profile-limit:08:00-22:00»"])
    }

    static let dial = """
        dial predictive {
            team        renewals
            max-abandon 3%
            ring        25s
            lines       40
            max-lines-per-agent 3
            calls-per-second 5
          }
        """

    @Test func dialModesTakeTheirOwnSettings() {
        let dial = { (new: String) in Self.expect(replacing: Self.dial, with: new) }
        dial("dial progressive { agents 3\n «wrong-mode:preview» 30s }")
        dial("dial preview { agents 3\n preview 30s }")
        dial("dial preview { assigned }")
        dial("dial «missing-required:preview» { preview 30s }")
        dial("dial «conflict:progressive» { agents 3\n team renewals }")
        dial("dial «missing-required,missing-required:agentless» { «wrong-mode:team» renewals }")
        dial("dial agentless { lines 5\n survey «question-needs-agent:renewal» }")
        dial("dial agentless { lines 5\n message «file-not-found:\"x.wav\"» }")
        dial("dial «conflict:agentless» { lines 5\n survey «question-needs-agent:renewal»\n message «file-not-found:\"x.wav\"» }")
        dial("dial «unknown-value:predictiv» { agents 5 }")
        dial("dial progressive { agents «out-of-range:0» }")
    }

    @Test func anAgentlessSurveyMustBeKeyable() {
        Self.expect([Self.dial: "dial agentless { lines 5\n survey «question-needs-agent:renewal» }"])
    }

    @Test func crossReferencesMustBeDefined() {
        Self.expect(replacing: "team        renewals", with: "team        «undefined-team:renewal»")
        Self.expect(replacing: "holidays vn-2026\n", with: "holidays «undefined-holidays:vn-2025»\n")
        Self.expect(replacing: "on disposition callback", with: "on disposition «unknown-disposition:call-back»")
        Self.expect(replacing: "on answer renew = yes", with: "on answer «unknown-question:renw» = yes")
        Self.expect(replacing: "on answer renew = yes", with: "on answer renew = «impossible-answer:maybe»")
        Self.expect(replacing: "when renew = no optional", with: "when «unknown-question:plan» = basic optional")
        Self.expect(replacing: "choice basic, plus, premium when renew = yes",
                    with: "choice basic, plus, premium when satisfied = «impossible-answer:6»")
        Self.expect(replacing: "\"Chào {name}, chúng tôi đã gọi cho bạn về gói {plan}.\"",
                    with: "«unknown-placeholder:\"Chào {name}, chúng tôi đã gọi cho bạn về gói {plam}.\"»")
        Self.expect(replacing: "\"Cảm ơn {name}, chúng tôi sẽ gọi lại.\"",
                    with: "«invalid-template:\"Cảm ơn {name, chúng tôi sẽ gọi lại.\"»")
        Self.expect(replacing: "team        renewals", with: "agents      an, «undefined-agent:chi»")
    }

    @Test func messagesMayUseTheCallsPlaceholdersAndSurveyAnswers() throws {
        let campaign = Self.spring.replacingOccurrences(
            of: "\"Cảm ơn {name}, chúng tôi sẽ gọi lại.\"",
            with: "\"{agent} ({outcome}, {disposition}): {satisfied}/5, gói {plan}\"")
        let result = CampaignChecker.check(file: "c/spring.campaign", environment: Self.environment(campaign))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.spec?.sms?.messages.contains { $0.template.hasPrefix("{agent}") } == true)
    }

    @Test func aPlaceholderWhoseColumnIsEmptyInSomeRowsIsWarnedAbout() throws {
        var environment = Self.environment(Self.spring)
        environment.emptyCells["c/lists/renewals.csv"] = EmptyCells(rows: 300, empty: ["Plan": 12, "Full name": 0])
        let result = CampaignChecker.check(file: "c/spring.campaign", environment: environment)
        #expect(!result.hasErrors)
        let warnings = result.diagnostics.filter { $0.id == "empty-placeholder" }
        #expect(warnings.map(\.message) == ["{plan} is empty in 12 of 300 rows of 'lists/renewals.csv' (column 'Plan')"])
        #expect(warnings.first?.severity == .warning)
    }

    @Test func filesAndValues() {
        Self.expect(replacing: "dnc \"dnc/opt-outs.csv\" { column \"Phone\" }",
                    with: "dnc «file-not-found:\"dnc/missing.txt\"»")
        Self.expect(replacing: "{ column \"Phone\" }", with: "{ column «unknown-column:\"Mobile\"» }")
        Self.expect(replacing: "caller-id   +842873001234", with: "caller-id   «invalid-phone-number:0842873001234»")
        Self.expect(replacing: "2026-03-02 to 2026-03-31", with: "«invalid-date-range:2026-03-31 to 2026-03-02»")
        Self.expect(replacing: "2026-03-02 to", with: "«invalid-date:2026-02-30» to")
        Self.expect(replacing: "encoding windows-1252", with: "encoding «unknown-value:windows-1251»")
        Self.expect(replacing: "delimiter \";\"", with: "delimiter «invalid-delimiter:\";;\"»")
        Self.expect(replacing: "as csv, html", with: "as csv, «unknown-value:pdf»")
        Self.expect(replacing: "success final", with: "success «unknown-value:finl»")
        Self.expect(replacing: "ask plan ", with: "ask «duplicate:satisfied» ")
    }

    @Test func callingHoursOutsideTheCalleeWindowAreAWarning() {
        Self.expect(replacing: "sat     09:00-12:00", with: "sat     09:00-12:00, «hours-outside-callee-hours:17:00-19:00»")
    }

    @Test func includeCyclesAndMissingIncludes() {
        var environment = Self.environment(Self.spring)
        environment.sources["c/shared/teams.campaign"] = Self.teams + "include \"../spring.campaign\"\n"
        let cycle = CampaignChecker.check(file: "c/spring.campaign", environment: environment)
        #expect(cycle.diagnostics.map(\.id) == ["include-cycle"])
        #expect(cycle.diagnostics.first?.notes == ["c/spring.campaign includes c/shared/teams.campaign includes c/spring.campaign"])

        environment.sources["c/shared/teams.campaign"] = nil
        let missing = CampaignChecker.check(file: "c/spring.campaign", environment: environment)
        #expect(missing.diagnostics.map(\.id).first == "file-not-found")
        #expect(missing.diagnostics.map(\.id).contains("undefined-team"))
    }
}

/// House profiles, defined once in a shared file, may only tighten the profile they are based on.
@Suite struct HouseProfileTests {
    static let house = """
        profile acme-us {
          based-on    us-tsr
          rule        "ACME calling policy 4.2"
          max-abandon 2%
          min-ring    20s
          callee-hours 09:00-20:00
          calls-per-24h 2
          lockout-after-abandon 48h
          national-dnc
        }

        """

    static func check(profiles: String, campaign: String) -> (CheckResult, Marked) {
        let marked = Marked(profiles)
        let environment = MemoryEnvironment(
            sources: ["c.campaign": "include \"profiles.campaign\"\n" + campaign, "profiles.campaign": marked.source],
            files: ["lists/demo.csv": nil, "dnc/national.txt": nil])
        return (CampaignChecker.check(file: "c.campaign", environment: environment), marked)
    }

    static let campaign = """
        campaign demo {
          timezone America/New_York
          profile  acme-us
          list "lists/demo.csv" { phone column "Mobile" }
          dnc national "dnc/national.txt"
          hours { mon-fri 09:00-17:00 }
          dial predictive { agents 20 }
        }
        """

    @Test func aHouseProfileSetsTheCampaignsDefaultsAndLimits() throws {
        let (result, _) = Self.check(profiles: Self.house, campaign: Self.campaign)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let spec = try #require(result.spec)
        #expect(spec.compliance.name == "acme-us")
        #expect(spec.compliance.rule == "ACME calling policy 4.2, on top of FTC TSR 16 CFR 310.4")
        #expect(spec.compliance.maxAbandonPercent == 2 && spec.compliance.abandonWindowDays == 30)
        #expect(spec.dial.maxAbandonPercent == 2 && spec.dial.ringSeconds == 25)
        #expect(spec.calleeHours.map(\.description) == ["09:00-20:00"])
        #expect(spec.retry.maxPer24Hours == 2)
        #expect(spec.compliance.lockoutAfterAbandonSeconds == 48 * 3_600)
        #expect(spec.compliance.requiresNationalDNC)
    }

    @Test func aHouseProfileCannotLoosenItsBase() {
        let loose = """
            profile loose {
              based-on    us-tsr
              max-abandon «profile-limit:5%»
              min-ring    «profile-limit:10s»
              callee-hours «profile-limit:07:00-20:00»
            }
            profile «duplicate:us-tsr» { based-on none }
            profile other { based-on «unknown-value:us-tsa» }

            """
        let (result, marked) = Self.check(profiles: loose, campaign: Self.campaign.replacingOccurrences(of: "acme-us", with: "loose"))
        let found = result.diagnostics.filter { $0.range.file == "profiles.campaign" }
            .map { Marked.Expectation(id: $0.id, start: $0.range.start, end: $0.range.end).description }
        #expect(found.sorted() == marked.expected.map(\.description).sorted(), "\(result.diagnostics.map(\.message))")
    }

    @Test func theCampaignIsHeldToItsHouseProfile() {
        let (result, _) = Self.check(profiles: Self.house,
                                     campaign: Self.campaign.replacingOccurrences(of: "agents 20", with: "agents 20\n ring 15s"))
        #expect(result.diagnostics.map(\.id) == ["profile-limit"])
        #expect(result.diagnostics.first?.notes == ["rule: ACME calling policy 4.2, on top of FTC TSR 16 CFR 310.4"])
    }
}
