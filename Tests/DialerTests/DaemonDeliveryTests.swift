import Foundation
import Synchronization
import Testing
@testable import Dialer
#if canImport(Glibc)
import Glibc
#endif

@Suite("Daemon: dialerd run delivers the outbox, once per key")
struct DaemonDeliveryTests {
    @Test func failuresAreRetriedEachKeyIsAcceptedOnceAndFinalFailuresAreRecorded() throws {
        let seen = KeyTries()
        let accepted = AcceptedKeys()
        let server = try LoopbackHTTPServer { request, _ in
            let key = request.header("Idempotency-Key") ?? ""
            if request.path == "/audit" { return .respond(status: 500) }
            let (order, tries) = seen.note(key)
            if tries == 0 && order % 3 == 1 { return .respond(status: 500) }
            if tries == 0 && order % 4 == 2 { return .respond(status: 429, headers: [("Retry-After", "60")]) }
            accepted.accept(key)
            return .respond(status: 200, body: #"{"status": "ok"}"#)
        }
        defer { server.stop() }
        let fixture = try DeliveryDaemonFixture(contacts: 40, serverURL: server.url, webhooks: """
            webhook crm "URL/crm" {
              secret  env TEST_CRM_SECRET
              deduplicates yes
              tries   4
              backoff 10s to 1m
            }
            webhook audit "URL/audit" {
              secret  env TEST_CRM_SECRET
              deduplicates yes
              events  final
              tries   2
              backoff 10s to 10s
            }
            screen-pop "https://crm.example/pop?agent={agent}&n={number}&call={call_id}"
            """)
        let first = try fixture.dialerd(["run", "--config", fixture.config, "--for", "20m"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("msg=\"outbox delivered\""))
        // Each call that reached an agent: its screen pop in the log, the number masked.
        let pops = first.stderr.split(separator: "\n").filter { $0.contains("msg=\"screen pop\"") }
        #expect(!pops.isEmpty)
        #expect(pops.allSatisfy { $0.contains("campaign=sms agent=agent-") && $0.contains("url=\"https://crm.example/pop?agent=agent-") })
        #expect(!first.stderr.contains("84901000"), "no phone number in full")
        #expect(try fixture.dialerd(["pause", "sms", "--config", fixture.config]).status == 0)
        #expect(try fixture.deliverTheRest(), "every entry ends sent or failed")

        let outbox = try fixture.outbox()
        let attempts = try fixture.count("SELECT COUNT(*) FROM attempts")
        let ended = try fixture.count("SELECT COUNT(*) FROM jobs WHERE state NOT IN ('pending', 'dialing')")
        let exhausted = try fixture.count("SELECT COUNT(*) FROM jobs WHERE state = 'exhausted' AND last_outcome = 'no-answer'")
        let sms = outbox.filter { $0.value.route == "sms" }
        let crm = outbox.filter { $0.value.route == "webhook:crm" }
        let audit = outbox.filter { $0.value.route == "webhook:audit" }
        #expect(attempts > 0 && exhausted > 0)
        #expect(sms.count == exhausted)
        #expect(crm.count == attempts + ended)
        #expect(audit.count == ended)
        // Each key was accepted by the server exactly once, and recorded sent.
        let counts = accepted.counts
        for (key, entry) in sms.merging(crm, uniquingKeysWith: { a, _ in a }) {
            #expect(entry.state == "sent", "\(entry)")
            #expect(counts[key] == 1, "key \(key) accepted \(counts[key] ?? 0) times")
        }
        // A first try refused with 500 or 429 was tried again with the same key.
        let retried = sms.merging(crm, uniquingKeysWith: { a, _ in a }).filter { $0.value.tries == 2 }
        #expect(!retried.isEmpty)
        let requests = server.requests
        for key in retried.keys {
            #expect(requests.count { $0.header("Idempotency-Key") == key } == 2)
        }
        // A receiver that always fails: given up after the configured tries, kept with its status.
        #expect(audit.values.allSatisfy {
            $0.state == "failed" && $0.tries == 2 && $0.status == 500 && $0.error == "gave up after 2 tries: HTTP 500"
        })
        // What reached the gateway: the token from the environment, the key in the body, the signed webhooks.
        for request in requests where request.path == "/sms" {
            #expect(request.header("Authorization") == "Bearer t0ken")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: String])
            #expect(body["ref"] == request.header("Idempotency-Key"))
            #expect(body["text"]?.hasPrefix("Chào Khách ") == true)
        }
        for request in requests where request.path != "/sms" {
            #expect(request.header(WebhookSignature.header) == WebhookSignature.value(secret: "crm-s3cret", body: request.body))
        }
    }

    @Test func serveDeliversWhileItDialsAndItsDrainLeavesNothingSending() throws {
        let server = try LoopbackHTTPServer { _, _ in .respond(status: 200, body: #"{"status": "ok"}"#) }
        defer { server.stop() }
        let fixture = try DeliveryDaemonFixture(contacts: 30, serverURL: server.url)
        let (serve, _) = try fixture.start(["serve", "--config", fixture.config])
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        var delivered = false
        for _ in 0..<200 where !delivered {
            Thread.sleep(forTimeInterval: 0.05)
            delivered = FileManager.default.fileExists(atPath: fixture.database)
                && (try? fixture.count("SELECT COUNT(*) FROM outbox WHERE state = 'sent'")) ?? 0 > 0
        }
        #expect(delivered, "serve sends the text messages its calls queue")
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationReason == .exit && serve.terminationStatus == 0)
        #expect(try fixture.count("SELECT COUNT(*) FROM outbox WHERE state = 'sending'") == 0)
        let keys = server.requests.compactMap { $0.header("Idempotency-Key") }
        #expect(Set(keys).count == keys.count, "no key sent twice")
    }

    @Test func aDialerdKilledBetweenSendingAndRecordingResendsOnlyTheInterruptedKey() throws {
        let pid = Mutex<Int32>(0)
        let killed = Mutex<Bool>(false)
        let accepted = AcceptedKeys()
        let server = try LoopbackHTTPServer { request, number in
            let key = request.header("Idempotency-Key") ?? ""
            if number == 2, case let victim = pid.withLock({ $0 }), victim > 0 {
                // The request arrived; the daemon dies before it can record the answer.
                killed.withLock { $0 = kill(victim, SIGKILL) == 0 }
                return .reset
            }
            accepted.accept(key)
            return .respond(status: 200, body: #"{"status": "ok"}"#)
        }
        defer { server.stop() }
        let fixture = try DeliveryDaemonFixture(contacts: 30, serverURL: server.url)
        let (process, _) = try fixture.start(["run", "--config", fixture.config, "--for", "20m"])
        pid.withLock { $0 = process.processIdentifier }
        process.waitUntilExit()
        #expect(killed.withLock { $0 }, "the server killed the daemon")
        #expect(process.terminationReason == .uncaughtSignal)

        let before = try fixture.outbox()
        let sentBefore = Set(before.filter { $0.value.state == "sent" }.keys)
        let interrupted = Set(before.filter { $0.value.state == "sending" }.keys)
        #expect(sentBefore.count == 2, "the answers before the kill were recorded")
        #expect(interrupted.count == 1, "one request is in flight at a time")
        let requestsBefore = server.requests.count

        #expect(try fixture.dialerd(["pause", "sms", "--config", fixture.config]).status == 0)
        #expect(try fixture.deliverTheRest())
        let after = server.requests.dropFirst(requestsBefore).compactMap { $0.header("Idempotency-Key") }
        #expect(Set(after).isDisjoint(with: sentBefore), "a key recorded sent is never requested again")
        #expect(interrupted.isSubset(of: Set(after)), "a key left sending goes again with the same key")
        let final = try fixture.outbox()
        #expect(!final.isEmpty && final.values.allSatisfy { $0.state == "sent" })
        let counts = accepted.counts
        #expect(sentBefore.allSatisfy { counts[$0] == 1 })
        #expect(Set(counts.keys) == Set(final.keys))
    }
}
