import CampaignDSL
@testable import Dialer
import Foundation
import Testing

@Suite struct CampaignCompilerTests {
    func compile(_ spec: CampaignSpec, in directory: TemporaryDirectory) throws -> (CampaignStore, Int64, CompileReport) {
        let store = try CampaignStore(path: directory.file("test.db"), now: Date(timeIntervalSince1970: 0))
        let registry = try DoNotCallRegistry(spec: spec, store: store, cacheDirectory: nil)
        let (campaign, report) = try CampaignCompiler(spec: spec, store: store, doNotCall: registry)
            .compile(sourcePath: "test.campaign", sourceText: "", at: Date(timeIntervalSince1970: 0))
        return (store, campaign, report)
    }

    func spec(list: ListSpec, dnc: [DNCList] = [], prefixes: [String] = []) -> CampaignSpec {
        var spec = EngineFixture.spec(timeZone: "Europe/Paris")
        spec.lists = [list]
        spec.dnc = dnc
        spec.dncPrefixes = prefixes
        return spec
    }

    @Test func aWindows1252ListWithSemicolonsAFilterAndAZoneColumn() throws {
        let directory = TemporaryDirectory()
        let text = "Nom;Téléphone;Statut;Fuseau\r\nJosé Müller;06 12 34 56 78;actif;Europe/Paris\r\n"
            + "Zoë Brontë;+33 6 98 76 54 32;clos;\r\nFrançois Lefèvre;0611223344;actif;America/Martinique\r\n"
        try #require(text.data(using: .windowsCP1252)).write(to: URL(fileURLWithPath: directory.file("list.csv")))
        var list = ListSpec(path: directory.file("list.csv"), phoneColumns: ["Téléphone"], nameColumn: "Nom", defaultCountry: "FR")
        list.delimiter = UInt8(ascii: ";")
        list.encoding = .windows1252
        list.filter = RowFilter(column: "Statut", value: "actif")
        list.timeZoneColumn = "Fuseau"
        let (store, campaign, report) = try compile(spec(list: list), in: directory)
        #expect(report.contacts == 2)
        #expect(report.filteredOut == 1)
        let rows = try store.connection.rows(
            "SELECT name, phone_e164, time_zone FROM contacts WHERE campaign_id = ? ORDER BY id", [campaign]
        ) { ($0.string(0), $0.string(1), $0.string(2)) }
        #expect(rows.map(\.0) == ["José Müller", "François Lefèvre"])
        #expect(rows.map(\.1) == ["+33612345678", "+33611223344"])
        #expect(rows.map(\.2) == ["Europe/Paris", "America/Martinique"], "the list's zone column wins")
    }

    @Test func doNotCallFilesAndPrefixesAreScrubbedAtCompileTime() throws {
        let directory = TemporaryDirectory()
        try "Phone\n+84912000001\n+84912000002\n+84988123456\n+84912000003\n"
            .write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        try "# opt-outs\n0912 000 002\n".write(toFile: directory.file("dnc.txt"), atomically: true, encoding: .utf8)
        let list = ListSpec(path: directory.file("list.csv"), phoneColumns: ["Phone"], defaultCountry: "VN")
        let (store, campaign, report) = try compile(
            spec(list: list, dnc: [DNCList(path: directory.file("dnc.txt"))], prefixes: ["+84988"]), in: directory)
        #expect(report.doNotCall == 2)
        let blocked = try store.connection.rows(
            "SELECT c.phone_e164 FROM jobs j JOIN contacts c ON c.id = j.contact_id WHERE j.campaign_id = ? AND j.state = 'dnc' ORDER BY 1",
            [campaign]) { $0.string(0) }
        #expect(blocked == ["+84912000002", "+84988123456"])
    }

    @Test func aMissingColumnIsAClearError() throws {
        let directory = TemporaryDirectory()
        try "Mobile,Name\n0912000001,An\n".write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        let list = ListSpec(path: directory.file("list.csv"), phoneColumns: ["Phone"], defaultCountry: "VN")
        #expect {
            _ = try compile(spec(list: list), in: directory)
        } throws: { error in
            "\(error)".contains("no column 'Phone'") && "\(error)".contains("'Mobile'")
        }
    }

    @Test func everyRowIsAContactOrAReject() throws {
        let directory = TemporaryDirectory()
        try "Phone,Name\n0912000001,An\n,Nobody\n\"0912000002,Bình\n0912000003,Chi,extra\n0912000004,Dũng\n"
            .write(toFile: directory.file("list.csv"), atomically: true, encoding: .utf8)
        let list = ListSpec(path: directory.file("list.csv"), phoneColumns: ["Phone"], nameColumn: "Name", defaultCountry: "VN")
        let (_, _, report) = try compile(spec(list: list), in: directory)
        #expect(report.contacts + report.rejectedRows.count >= 4)
        #expect(report.rejectedRows.contains { $0.line == 3 && $0.reason == "no phone number" })
        #expect(report.contacts >= 2)
    }
}
