import CCurl

/// `curl_global_init`, called once per process before the first handle is made.
enum CurlGlobal {
    /// Swift runs a global's initialiser once, thread-safely, on first use.
    private static let result: Int32 = Int32(curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue)

    static func initialize() throws(HTTPError) {
        guard result == 0 else {
            throw HTTPError(kind: .invalidRequest, function: "curl_global_init", code: Int(result),
                            message: "libcurl could not initialise")
        }
    }
}
