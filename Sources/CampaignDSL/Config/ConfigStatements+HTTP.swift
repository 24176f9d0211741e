/// The `http { listen …  tls-certificate "FILE"  tls-key "FILE" }` block of the daemon config.
extension ConfigStatements {
    mutating func http(_ statement: Statement) -> HTTPSettings? {
        if statement.values.contains(where: { $0.kind != .comma }) {
            error("unexpected-value", "`http` takes no value before its block", statement.values.first ?? statement.arguments[0])
        }
        var settings = HTTPSettings()
        var certificate: (path: String, at: Argument)?
        var key: (path: String, at: Argument)?
        var valid = true
        for inner in statement.block?.statements ?? [] where !inner.isMalformed {
            guard let keyword = keyword(of: inner, known: DaemonConfigReader.httpKeywords, scope: "http.") else { continue }
            switch keyword {
            case "listen":
                guard let value = inner.values.first, inner.values.count == 1, value.kind == .word || value.kind == .string else {
                    error("invalid-listen", "`listen` needs an address and a port", inner.values.first ?? inner.arguments[0],
                          hint: "e.g. `listen 127.0.0.1:8080`, `listen 0.0.0.0:443` or `listen \"[::1]:8080\"`")
                    valid = false
                    continue
                }
                if let (host, port) = Self.listenAddress(value.text) {
                    settings.host = host
                    settings.port = port
                } else {
                    error("invalid-listen", "'\(value.text)' is not an address and a port", value,
                          hint: "write ADDRESS:PORT with a port from 1 to 65535, e.g. `listen 127.0.0.1:8080`")
                    valid = false
                }
            case "tls-certificate":
                if let path = path(inner), let at = inner.keyword { certificate = (path, at) } else { valid = false }
            case "tls-key":
                if let path = path(inner), let at = inner.keyword { key = (path, at) } else { valid = false }
            default:
                break
            }
        }
        switch (certificate, key) {
        case (let certificate?, nil):
            error("missing-setting", "`tls-certificate` needs `tls-key` beside it", certificate.at,
                  hint: "add `tls-key \"FILE\"` with the certificate's private key (PEM), or remove both for plain HTTP")
            valid = false
        case (nil, let key?):
            error("missing-setting", "`tls-key` needs `tls-certificate` beside it", key.at,
                  hint: "add `tls-certificate \"FILE\"` (PEM, with its chain), or remove both for plain HTTP")
            valid = false
        default:
            settings.tlsCertificate = certificate?.path
            settings.tlsKey = key?.path
        }
        return valid ? settings : nil
    }

    /// `127.0.0.1:8080`, `[::1]:8080`, `localhost:8080` into host and port.
    static func listenAddress(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":") else { return nil }
        var host = String(text[..<colon])
        guard let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
            guard host.contains(":") else { return nil }
        } else if host.contains(":") {
            return nil
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:".contains($0)) }) else {
            return nil
        }
        return (host, port)
    }
}
