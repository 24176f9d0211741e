import CampaignDSL
import Testing

/// `assign …` in a preview dial block: how contacts are shared among agents ahead of time.
@Suite struct AssignmentSettingTests {
    static func campaign(_ dial: String, agentColumn: Bool = false) -> String {
        """
        campaign demo {
          timezone Asia/Ho_Chi_Minh
          list "lists/demo.csv" {
            phone column "Mobile"\(agentColumn ? "\n    agent column \"Owner\"" : "")
          }
          hours { mon-fri 09:00-17:00 }
          \(dial)
        }
        team care {
          agent an   "An"
          agent binh "Binh"
        }

        """
    }

    static let header: [String: [String]?] = ["lists/demo.csv": ["Mobile", "Owner", "Region lead"]]

    @Test(arguments: [
        ("assign round-robin", AssignmentRule.roundRobin),
        ("assign balanced", .balanced),
        ("assign owner column \"Region lead\"", .owner(column: "Region lead")),
    ])
    func eachMethodIsReadIntoTheDialPlan(setting: String, rule: AssignmentRule) throws {
        let result = Marked(Self.campaign("dial preview {\n    team care\n    \(setting)\n  }")).check(files: Self.header)
        let dial = try #require(result.spec).dial
        #expect(dial.assignment == rule)
        #expect(dial.assignedAgents, "an assigned contact waits for its agent")
    }

    @Test func ownerWithoutAColumnTakesTheListsAgentColumn() throws {
        let result = Marked(Self.campaign("dial preview {\n    team care\n    assign owner\n  }", agentColumn: true))
            .check(files: Self.header)
        #expect(try #require(result.spec).dial.assignment == .owner(column: nil))
        Marked(Self.campaign("dial preview {\n    team care\n    assign «missing-agent-column:owner»\n  }"))
            .check(files: Self.header)
    }

    @Test func roundRobinNeedsNoAgentColumnWhereAssignedAloneDoes() {
        Marked(Self.campaign("dial preview {\n    team care\n    assigned\n    assign round-robin\n  }")).check(files: Self.header)
        Marked(Self.campaign("dial preview {\n    team care\n    «missing-agent-column:assigned»\n  }")).check(files: Self.header)
    }

    @Test func mistakesAreErrorsWhereTheyAreWritten() {
        Marked(Self.campaign("dial preview {\n    team care\n    assign owner column «unknown-column:\"Ownr\"»\n  }"))
            .check(files: Self.header)
        Marked(Self.campaign("dial preview {\n    team care\n    assign «unknown-value:workload»\n  }")).check(files: Self.header)
        Marked(Self.campaign("dial preview {\n    team care\n    assign «unknown-value:round-robbin»\n  }")).check(files: Self.header)
        Marked(Self.campaign("dial progressive {\n    team care\n    «wrong-mode:assign» round-robin\n  }")).check(files: Self.header)
    }

    @Test func aColumnNotInTheListRendersWithItsCaretAndTheNearestColumn() {
        var environment = MemoryEnvironment(files: Self.header)
        environment.sources["demo.campaign"] = Self.campaign("dial preview {\n    team care\n    assign owner column \"Ownr\"\n  }")
        let result = CampaignChecker.check(file: "demo.campaign", environment: environment)
        let text = DiagnosticRenderer(sources: result.sources, color: false).render(result.diagnostics)
        #expect(text == """
            demo.campaign:9:25: error: 'lists/demo.csv' has no column 'Ownr' [unknown-column]
              |
            9 |     assign owner column "Ownr"
              |                         ^~~~~~
              note: its columns are: 'Mobile', 'Owner', 'Region lead'
              hint: did you mean `Owner`?

            """)
    }
}
