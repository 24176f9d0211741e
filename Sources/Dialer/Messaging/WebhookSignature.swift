import COpenSSL

/// HMAC-SHA256 signatures of webhook bodies, computed by libcrypto.
public enum WebhookSignature {
    /// The header that carries the signature.
    public static let header = "X-Dialer-Signature"

    /// HMAC-SHA256 of `message` under `key` (32 bytes), or nil if libcrypto fails.
    public static func hmacSHA256(key: [UInt8], message: [UInt8]) -> [UInt8]? {
        var digest = [UInt8](repeating: 0, count: 32)
        // An empty array may have no storage; libcrypto wants a valid pointer either way.
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let ok = keyBytes.withUnsafeBytes { keyPointer in
            messageBytes.withUnsafeBufferPointer { messagePointer in
                digest.withUnsafeMutableBufferPointer { out in
                    dialer_hmac_sha256(keyPointer.baseAddress, Int32(key.count), messagePointer.baseAddress,
                                       message.count, out.baseAddress)
                }
            }
        }
        return ok == 1 ? digest : nil
    }

    /// The header value for `body`: `sha256=` and the lower-case hex HMAC.
    public static func value(secret: String, body: [UInt8]) -> String? {
        hmacSHA256(key: Array(secret.utf8), message: body).map { "sha256=" + hex($0) }
    }

    /// Lower-case hex digits of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }
}
