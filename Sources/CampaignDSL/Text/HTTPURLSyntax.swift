/// Checks that a URL the daemon will call (an SMS gateway, a webhook, a screen pop) can be called at all,
/// before the first message: `http` or `https`, a host, a port from 1 to 65535, no spaces, an IPv6
/// address in brackets. Placeholders (`{{key}}`, `{agent}`) may stand in the path and query, not the host.
package enum HTTPURLSyntax {
    /// Why `url` cannot be called, or nil when it can.
    package static func problem(in url: String) -> String? {
        let rest: Substring
        if url.hasPrefix("https://") {
            rest = url.dropFirst("https://".count)
        } else if url.hasPrefix("http://") {
            rest = url.dropFirst("http://".count)
        } else {
            return "it is not an http:// or https:// URL"
        }
        if url.contains(where: \.isWhitespace) {
            return "it holds a space or a line break; write a space in a path or query as %20"
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        let host: Substring
        let port: Substring?
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return "its IPv6 address has no closing ]" }
            host = hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]
            let after = hostAndPort[hostAndPort.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return "only :PORT may follow the IPv6 address's ]" }
            port = after.isEmpty ? nil : after.dropFirst()
            guard !host.isEmpty, host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return "'[\(host)]' is not an IPv6 address"
            }
        } else {
            let colons = hostAndPort.filter { $0 == ":" }.count
            if colons > 1 { return "an IPv6 address must be written in brackets, e.g. http://[2001:db8::1]:8080/" }
            let colon = hostAndPort.firstIndex(of: ":")
            host = colon.map { hostAndPort[..<$0] } ?? hostAndPort
            port = colon.map { hostAndPort[hostAndPort.index(after: $0)...] }
            guard !host.isEmpty else { return "it names no host" }
            if host.contains("{") || host.contains("}") { return "its host cannot be a placeholder" }
            let allowed = host.allSatisfy { $0.isLetter || $0.isNumber || "-._~%".contains($0) }
            guard allowed else { return "'\(host)' is not a host name" }
        }
        if let port {
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber), let number = Int(port),
                  (1...65_535).contains(number) else {
                return "its port '\(port)' is not a number from 1 to 65535"
            }
        }
        return nil
    }
}
