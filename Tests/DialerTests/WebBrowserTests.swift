import Foundation
import Testing
@testable import Dialer

@Suite("the web console in a real headless Chromium", .serialized, .enabled(if: WebDriver.isAvailable, WebDriver.skipReason))
struct WebBrowserTests {
    @Test("signing in through the form sets an HttpOnly SameSite=Strict cookie; a browser without it is sent to sign in")
    func signInThroughTheBrowser() async throws {
        let web = try WebFixture()
        let driver = try WebDriver()
        let browser = try await driver.session()
        let folder = TemporaryDirectory()
        do {
            try await browser.go(web.server.baseURL + "/account")
            #expect(try await browser.url.hasSuffix("/login"), "an anonymous visit lands on the sign-in form")
            try await browser.type("lena", into: "#name")
            try await browser.type(WebFixture.password, into: "#password")
            try await browser.screenshot(to: folder.file("login.png"))
            try await browser.click("#sign-in")
            #expect(try await browser.waitForURL(suffix: "/wallboard"), "a lead lands on the wallboard")
            try await browser.go(web.server.baseURL + "/account")
            #expect(try await browser.text("main table").contains("lena"))
            let cookie = try #require(try await browser.cookies().first { $0["name"] as? String == "dialer_session" })
            #expect(cookie["httpOnly"] as? Bool == true)
            #expect(cookie["sameSite"] as? String == "Strict")
            #expect(try await browser.execute("return document.cookie") as? String == "", "scripts cannot read the session")
            let png = try Data(contentsOf: URL(fileURLWithPath: folder.file("login.png")))
            #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            let other = try await driver.session()
            try await other.go(web.server.baseURL + "/account")
            #expect(try await other.url.hasSuffix("/login"), "a browser without the cookie is not signed in")
            try await other.close()
            try await browser.click("header button")
            #expect(try await browser.waitForURL(suffix: "/login"), "signing out through the page's form (with its CSRF token) works")
        } catch {
            try? await browser.close()
            throw error
        }
        try await browser.close()
    }
}
