import COpenSSL

/// Passwords kept as PBKDF2-HMAC-SHA256 (libcrypto's `PKCS5_PBKDF2_HMAC`) with a per-user random salt of
/// 16 bytes and 600,000 iterations (OWASP's 2023 figure for this KDF), written
/// `pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX` so the cost can be raised later without losing old hashes.
/// Checking compares in constant time (`CRYPTO_memcmp`).
package enum PasswordHash {
    /// The iterations of a new hash.
    package static let iterations = 600_000
    static let scheme = "pbkdf2-sha256"
    static let saltBytes = 16
    static let hashBytes = 32

    /// The stored form of `password` with a fresh salt.
    static func make(_ password: String, iterations: Int = PasswordHash.iterations) throws -> String {
        let salt = try SecretBytes.random(saltBytes)
        let hash = try derive(password, salt: salt, iterations: iterations)
        return [scheme, String(iterations), WebhookSignature.hex(salt), WebhookSignature.hex(hash)].joined(separator: "$")
    }

    /// Whether `password` is the one `stored` was made from (false for a malformed stored value).
    static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 4, parts[0] == scheme, let iterations = Int(parts[1]), iterations > 0,
              let salt = bytes(hex: parts[2]), let expected = bytes(hex: parts[3]),
              let hash = try? derive(password, salt: salt, iterations: iterations, length: expected.count) else { return false }
        return SecretBytes.constantTimeEqual(hash, expected)
    }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, length: Int = hashBytes) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: length)
        let text = Array(password.utf8)
        let ok = text.withUnsafeBufferPointer { passwordBytes in
            passwordBytes.withMemoryRebound(to: CChar.self) { characters in
                dialer_pbkdf2_sha256(characters.baseAddress, Int32(text.count), salt, Int32(salt.count), Int32(iterations),
                                     &out, Int32(length))
            }
        }
        guard ok == 1 else { throw EnvironmentError("libcrypto could not derive a password hash (PKCS5_PBKDF2_HMAC)") }
        return out
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0, !digits.isEmpty else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
