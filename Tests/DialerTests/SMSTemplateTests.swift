import Testing
@testable import Dialer

@Suite("SMS templates")
struct SMSTemplateTests {
    @Test("placeholders are filled from the values; missing ones become empty")
    func render() throws {
        let template = try MessageTemplate("Chào {name}, gọi lại {hotline} trước {deadline}.")
        #expect(template.placeholders == ["name", "hotline", "deadline"])
        #expect(template.render(["name": "An", "hotline": "1900 1234"]) == "Chào An, gọi lại 1900 1234 trước .")
    }

    @Test("braces that do not pair up are refused with a clear error", arguments: ["Hi {name", "Hi name}", "Hi {a{b}}", "{"])
    func unpaired(text: String) {
        #expect(throws: MessagingError.unpairedBraces) { try MessageTemplate(text) }
        #expect(MessagingError.unpairedBraces.description.contains("{field}"))
    }

    @Test("a value is inserted as written, never read as another placeholder")
    func valuesAreLiteral() throws {
        let template = try MessageTemplate("{a}-{b}")
        #expect(template.render(["a": "{b}", "b": "x"]) == "{b}-x")
    }

    @Test("the fixed part of a template is measured for explain")
    func fixedLength() throws {
        let template = try MessageTemplate("Cảm ơn {name}!")
        #expect(template.fixedLength == SMSLength(encoding: .ucs2, units: 8, segments: 1))
    }
}
