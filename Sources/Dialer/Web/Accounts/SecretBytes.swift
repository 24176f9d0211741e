import COpenSSL
import Foundation

/// Random secrets and their digests, from libcrypto: session and API tokens are 32 random bytes
/// (`RAND_bytes`), kept in the database only as their SHA-256.
enum SecretBytes {
    /// `count` bytes from libcrypto's CSPRNG.
    /// - Throws: ``EnvironmentError`` when the generator cannot be seeded (never silently weak).
    static func random(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        guard RAND_bytes(&bytes, Int32(count)) == 1 else {
            throw EnvironmentError("libcrypto's random generator failed (RAND_bytes); the system has no entropy source")
        }
        return bytes
    }

    /// A new token: 32 random bytes as URL-safe base64 without padding (43 characters).
    static func token() throws -> String {
        base64URL(try random(32))
    }

    /// The lower-case hex SHA-256 of `text`'s UTF-8: what the database keeps of a token.
    static func sha256Hex(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { input in
            _ = SHA256(input.baseAddress, input.count, &digest)
        }
        return WebhookSignature.hex(digest)
    }

    /// Whether two byte strings are equal, in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return CRYPTO_memcmp(a, b, a.count) == 0
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
