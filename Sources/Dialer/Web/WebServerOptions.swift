import Foundation

/// Where and how a ``WebServer`` listens.
package struct WebServerOptions: Sendable {
    /// An address to bind (`127.0.0.1`, `0.0.0.0`, `::1`, a host name).
    package var host: String
    /// The TCP port; 0 lets the system pick a free one (``WebServer/port`` says which).
    package var port: Int
    /// The certificate and key when the server speaks HTTPS.
    package var tls: TLSCredentials?
    /// The largest request body read; a longer one is answered 413.
    package var maxBodyBytes: Int
    /// Seconds an idle connection is kept open.
    package var connectionTimeout: Int
    /// The most connections at once (each has a thread).
    package var connectionLimit: Int

    package init(host: String = "127.0.0.1", port: Int = 8080, tls: TLSCredentials? = nil, maxBodyBytes: Int = 4 << 20,
                 connectionTimeout: Int = 120, connectionLimit: Int = 1_000) {
        self.host = host
        self.port = port
        self.tls = tls
        self.maxBodyBytes = maxBodyBytes
        self.connectionTimeout = connectionTimeout
        self.connectionLimit = connectionLimit
    }
}

/// A TLS certificate (chain) and its private key, both PEM text.
package struct TLSCredentials: Sendable {
    package var certificatePEM: String
    package var keyPEM: String

    package init(certificatePEM: String, keyPEM: String) {
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
    }

    /// Reads the two PEM files.
    /// - Throws: ``EnvironmentError`` naming a file that cannot be read or holds no PEM block.
    package static func load(certificateFile: String, keyFile: String) throws -> TLSCredentials {
        func read(_ path: String, _ what: String, _ marker: String) throws -> String {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw EnvironmentError("cannot read the TLS \(what) \(path); check the path in the config's http block and its permissions")
            }
            guard text.contains("-----BEGIN ") && text.contains(marker) else {
                throw EnvironmentError("the TLS \(what) \(path) holds no PEM \(marker.lowercased()) block")
            }
            return text
        }
        return TLSCredentials(certificatePEM: try read(certificateFile, "certificate", "CERTIFICATE"),
                              keyPEM: try read(keyFile, "key", "KEY"))
    }
}
