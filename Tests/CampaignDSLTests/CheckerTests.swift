import CampaignDSL
import Testing

/// The thin language: a valid campaign gives its spec; each mistake gives one clear diagnostic.
@Suite struct CheckerTests {
    static let demo = """
        # comments run to the end of the line
        campaign demo {
          title    "Demo campaign"                 # optional
          timezone Asia/Ho_Chi_Minh                # IANA name, validated
          list "lists/demo.csv" {
            phone   column "Mobile", column "Home" # one or more, tried in order
            name    column "Full name"
            country VN                             # default country for numbers without +
          }
          hours {
            mon-fri 08:30-11:30, 13:30-17:00       # day or day range, one or more time ranges
            sat     09:00-12:00
          }
          dial progressive {
            agents 5
          }
          retry {
            no-answer 3 times, wait 2h             # durations: 30s 10m 2h 1d 1h30m
          }
        }

        """

    @Test func theDemoCampaignGivesItsSpec() throws {
        let result = Marked(Self.demo).check()
        let spec = try #require(result.spec)
        #expect(spec.id == "demo")
        #expect(spec.title == "Demo campaign")
        #expect(spec.timeZone == "Asia/Ho_Chi_Minh")
        #expect(spec.lists == [ListSpec(path: "lists/demo.csv", phoneColumns: ["Mobile", "Home"],
                                        nameColumn: "Full name", defaultCountry: "VN")])
        let morning = TimeRange(start: TimeOfDay(hour: 8, minute: 30), end: TimeOfDay(hour: 11, minute: 30))
        let afternoon = TimeRange(start: TimeOfDay(hour: 13, minute: 30), end: TimeOfDay(hour: 17, minute: 0))
        #expect(spec.hours.ranges(on: .wednesday) == [morning, afternoon])
        #expect(spec.hours.ranges(on: .saturday).map(\.description) == ["09:00-12:00"])
        #expect(spec.hours.ranges(on: .sunday).isEmpty)
        #expect(spec.dial == DialPlan(mode: .progressive, agents: 5))
        #expect(spec.retry.rule(for: .noAnswer) == RetryRule(times: 3, waits: [7200]))
        #expect(spec.retry.rule(for: .busy) == nil)
        #expect(!result.hasErrors)
    }

    @Test func listPathsAreResolvedAgainstTheCampaignFolder() throws {
        var environment = MemoryEnvironment(files: ["/srv/campaigns/lists/demo.csv": nil])
        environment.sources["/srv/campaigns/demo.campaign"] = Self.demo
        let result = CampaignChecker.check(file: "/srv/campaigns/demo.campaign", environment: environment)
        #expect(try #require(result.spec).lists.map(\.path) == ["/srv/campaigns/lists/demo.csv"])
    }

    @Test func unknownKeywordsAreNamedWithTheNearestKeyword() {
        Marked("""
            campaign demo {
              «unknown-keyword:timezon» Asia/Ho_Chi_Minh
              «unknown-keyword:lst» "lists/demo.csv" { phone column "Mobile" }
              hours { mon 09:00-10:00 }
              dial progressive { «unknown-keyword:agent» 5 }
            }
            """).check()
    }

    @Test func missingPartsAreReportedAtTheCampaignName() {
        Marked("""
            campaign «missing-required,missing-required,missing-required:demo» {
              title "Nothing else"
              dial progressive { agents 2 }
            }
            """).check()
    }

    @Test func aMisspeltCampaignIsNotAlsoReportedMissing() {
        Marked("«unknown-keyword:campain» demo {\n}\n").check()
    }

    @Test func aFileWithoutACampaignSaysSo() {
        Marked("«missing-campaign:»# only a comment\n").check()
    }

    @Test func duplicatesPointAtTheSecond() {
        Marked("""
            campaign demo {
              timezone UTC
              «duplicate:timezone» Europe/London
              list "lists/demo.csv" { phone column "A" }
              hours { mon 09:00-10:00 }
              dial progressive { agents 1 }
            }
            """).check()
    }

    @Test func malformedTimesAndRanges() {
        Marked("""
            campaign demo {
              timezone UTC
              list "lists/demo.csv" { phone column "A" }
              hours {
                mon «invalid-time:25:00-26:00»
                tue «empty-time-range:17:00-09:00», «empty-time-range:10:00-10:00»
                wed «invalid-time:9-17»
                «unknown-day:mnd» 09:00-10:00
                «invalid-day-range:fri-mon» 09:00-10:00
                thu 09:00-12:00, «overlapping-hours:11:00-13:00»
                mon-fri 08:00-08:30
                fri «overlapping-hours:08:15-08:45»
              }
              dial progressive { agents 1 }
            }
            """).check()
    }

    @Test func badValues() {
        Marked("""
            campaign demo {
              timezone «invalid-time-zone:Asia/Hanoi»
              list "lists/demo.csv" {
                phone column "A"
                country «unknown-country:XX»
              }
              list «file-not-found:"lists/missing.csv"» { phone column "A" }
              hours { mon 09:00-10:00 }
              dial «unknown-value:progresive» { agents 1 }
            }
            «duplicate:campaign» other {}
            """).check()
    }

    @Test func onlyZoneShapedNamesReachTheSystem() {
        for name in ["../../../dev/zero", "Asia/../../etc/passwd", "/etc/localtime", "Asia", "EST", "GMT+7", "asia/ho_chi_minh"] {
            Marked("""
                campaign demo {
                  timezone «invalid-time-zone:\(name)»
                  list "lists/demo.csv" { phone column "A" }
                  hours { mon 09:00-10:00 }
                  dial progressive { agents 1 }
                }
                """).check()
        }
        for name in ["UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+5", "America/Port-au-Prince"] {
            Marked("""
                campaign demo {
                  timezone \(name)
                  list "lists/demo.csv" { phone column "A" }
                  hours { mon 09:00-10:00 }
                  dial progressive { agents 1 }
                }
                """).check()
        }
    }

    @Test func agentsBelowOneAndBadRetries() {
        Marked("""
            campaign demo {
              timezone UTC
              list "lists/demo.csv" { phone column "A" }
              hours { mon 09:00-10:00 }
              dial predictive { agents «out-of-range:0» }
              retry {
                no-answer «missing-wait:3» times
                busy 2 times, wait «invalid-duration:2x»
                machine 2 times, wait 1h, «expected-value:1d»
              }
            }
            """).check()
    }

    @Test func columnsAreCheckedWhenTheEnvironmentReadsHeaders() {
        Marked("""
            campaign demo {
              timezone UTC
              list "lists/demo.csv" {
                phone column "Mobile", column «unknown-column:"Hmoe"»
                name column «unknown-column:"Name"»
              }
              hours { mon 09:00-10:00 }
              dial progressive { agents 1 }
            }
            """).check(files: ["lists/demo.csv": ["Mobile", "Home", "Full name"]])
    }

    @Test func anUnreadableCampaignFileIsADiagnostic() {
        let result = CampaignChecker.check(file: "nowhere.campaign", environment: MemoryEnvironment())
        #expect(result.diagnostics.map(\.id) == ["unreadable-file"])
        #expect(result.spec == nil)
    }
}

/// Diagnostics come in reading order: the campaign file first, then its includes.
@Suite struct DiagnosticOrderTests {
    @Test func theCampaignFilesProblemsComeFirst() throws {
        let environment = MemoryEnvironment(
            sources: ["z/demo.campaign": "include \"a/shared.campaign\"\ncampaign demo {\n  tmezone UTC\n}\n",
                      "z/a/shared.campaign": "team t {\n  agnt x\n}\n"])
        let result = CampaignChecker.check(file: "z/demo.campaign", environment: environment)
        let files = result.diagnostics.map(\.range.file)
        let firstShared = try #require(files.firstIndex(of: "z/a/shared.campaign"))
        #expect(firstShared > 0)
        #expect(files[..<firstShared].allSatisfy { $0 == "z/demo.campaign" })
        #expect(files[firstShared...].allSatisfy { $0 == "z/a/shared.campaign" })
    }
}
