import CCurl

/// One libcurl easy handle. Not Sendable: ``CurlHTTPClient`` owns it and runs one transfer at a time.
///
/// The handle is reset between transfers, which keeps its connection cache: a second request to
/// the same host reuses the open connection.
final class CurlEasy {
    private let handle: UnsafeMutableRawPointer

    init() throws(HTTPError) {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw HTTPError(kind: .invalidRequest, function: "curl_easy_init", code: 0, message: "libcurl could not create a handle")
        }
        self.handle = handle
    }

    deinit {
        curl_easy_cleanup(handle)
    }

    /// Runs one transfer to completion on the calling thread.
    func perform(_ request: HTTPRequest, options: HTTPClientOptions) throws(HTTPError) -> HTTPResponse {
        try Self.check(request)
        let buffer = ResponseBuffer(limit: options.maxResponseBytes)
        let unmanaged = Unmanaged.passRetained(buffer)
        let errorSize = Int(CURL_ERROR_SIZE) + 1
        let errorText = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
        errorText.initialize(repeating: 0, count: errorSize)
        // The header list must outlive curl_easy_perform: curl reads it during the transfer.
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            // The handle forgets every pointer into this transfer's memory before it is freed;
            // reset keeps the open connections for the next transfer.
            curl_easy_reset(handle)
            curl_slist_free_all(headerList)
            errorText.deallocate()
            unmanaged.release()
        }
        for header in request.headers {
            guard let appended = curl_slist_append(headerList, "\(header.name): \(header.value)") else {
                throw HTTPError(kind: .invalidRequest, function: "curl_slist_append", code: 0, message: "out of memory")
            }
            headerList = appended
        }
        do throws(SetOptionError) {
            try configure(request, options: options, headers: headerList, buffer: unmanaged.toOpaque())
            try set(CURLOPT_ERRORBUFFER, pointer: errorText)
        } catch {
            throw HTTPError(kind: .invalidRequest, function: "curl_easy_setopt", code: Int(error.code.rawValue),
                            message: "option \(error.option.rawValue): " + String(cString: curl_easy_strerror(error.code)))
        }
        let code = curl_easy_perform(handle)
        let tooLarge = code == CURLE_FILESIZE_EXCEEDED || (code == CURLE_WRITE_ERROR && buffer.exceeded)
        guard code == CURLE_OK || tooLarge else {
            let detail = String(cString: errorText)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw HTTPError(kind: kind(of: code), function: "curl_easy_perform",
                            code: Int(code.rawValue), message: message)
        }
        var status = 0
        let infoCode = dialer_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard infoCode == CURLE_OK, status > 0 else {
            throw HTTPError(kind: .transferFailed, function: "curl_easy_getinfo", code: Int(infoCode.rawValue),
                            message: status == 0 ? "no response status" : String(cString: curl_easy_strerror(infoCode)))
        }
        return HTTPResponse(status: status, headers: buffer.headers, body: buffer.body, bodyComplete: !tooLarge)
    }

    private func configure(_ request: HTTPRequest, options: HTTPClientOptions, headers: UnsafeMutablePointer<curl_slist>?,
                           buffer: UnsafeMutableRawPointer) throws(SetOptionError) {
        try set(CURLOPT_URL, string: request.url)
        try set(CURLOPT_NOSIGNAL, long: 1)
        // 0 would mean "no timeout" to libcurl: every transfer has both, of at least 1 ms.
        try set(CURLOPT_CONNECTTIMEOUT_MS, long: max(1, options.connectTimeoutMilliseconds))
        try set(CURLOPT_TIMEOUT_MS, long: max(1, options.totalTimeoutMilliseconds))
        try set(CURLOPT_PROTOCOLS_STR, string: "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, string: "http,https")
        try set(CURLOPT_FOLLOWLOCATION, long: options.maxRedirects > 0 ? 1 : 0)
        try set(CURLOPT_MAXREDIRS, long: options.maxRedirects)
        try set(CURLOPT_SSL_VERIFYPEER, long: 1)
        try set(CURLOPT_SSL_VERIFYHOST, long: 2)
        try set(CURLOPT_MAXFILESIZE_LARGE, offset: curl_off_t(options.maxResponseBytes))
        try set(CURLOPT_USERAGENT, string: options.userAgent)
        try set(CURLOPT_HTTPHEADER, list: headers)
        try set(CURLOPT_WRITEDATA, pointer: buffer)
        try set(CURLOPT_HEADERDATA, pointer: buffer)
        try setCallback(CURLOPT_WRITEFUNCTION) { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let buffer = Unmanaged<ResponseBuffer>.fromOpaque(userdata).takeUnretainedValue()
            return buffer.appendBody(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
        }
        try setCallback(CURLOPT_HEADERFUNCTION) { data, size, count, userdata in
            guard let data, let userdata else { return 0 }
            let buffer = Unmanaged<ResponseBuffer>.fromOpaque(userdata).takeUnretainedValue()
            buffer.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: size * count))
            return size * count
        }
        switch request.method {
        case "GET": try set(CURLOPT_HTTPGET, long: 1)
        case "POST": try set(CURLOPT_POST, long: 1)
        default: try set(CURLOPT_CUSTOMREQUEST, string: request.method)
        }
        if request.method != "GET" {
            // curl_easy_perform reads POSTFIELDS later; COPYPOSTFIELDS copies the bytes now,
            // using the size set just before (so a body may hold any byte).
            try set(CURLOPT_POSTFIELDSIZE_LARGE, offset: curl_off_t(request.body.count))
            var body = request.body
            body.append(0)
            let code = body.withUnsafeMutableBytes { bytes in
                dialer_curl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
            }
            try check(code, option: CURLOPT_COPYPOSTFIELDS)
        }
    }

    private func kind(of code: CURLcode) -> HTTPError.Kind {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY, CURLE_COULDNT_CONNECT:
            return .notConnected
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidRequest
        case CURLE_OPERATION_TIMEDOUT:
            var connectMicroseconds: curl_off_t = 0
            _ = dialer_curl_getinfo_off_t(handle, CURLINFO_CONNECT_TIME_T, &connectMicroseconds)
            return connectMicroseconds == 0 ? .notConnected : .timedOut
        default:
            return .transferFailed
        }
    }

    /// Refuses what libcurl would send wrongly or not at all: methods that are not tokens,
    /// header fields that would split into several.
    private static func check(_ request: HTTPRequest) throws(HTTPError) {
        let methodOK = !request.method.isEmpty && request.method.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        guard methodOK else {
            throw HTTPError(kind: .invalidRequest, function: "request", code: 0, message: "the method must be upper-case letters")
        }
        if let bad = request.headers.first(where: { !$0.isWellFormed }) {
            throw HTTPError(kind: .invalidRequest, function: "request", code: 0,
                            message: "header '\(bad.name.filter { $0.isASCII && !$0.isNewline })' has a bad name or a line break in its value")
        }
    }

    /// A failed `curl_easy_setopt`.
    private struct SetOptionError: Error {
        let option: CURLoption
        let code: CURLcode
    }

    private func set(_ option: CURLoption, long value: Int) throws(SetOptionError) {
        try check(dialer_curl_setopt_long(handle, option, value), option: option)
    }

    private func set(_ option: CURLoption, string value: String) throws(SetOptionError) {
        try check(dialer_curl_setopt_string(handle, option, value), option: option)
    }

    private func set(_ option: CURLoption, pointer value: UnsafeMutableRawPointer?) throws(SetOptionError) {
        try check(dialer_curl_setopt_pointer(handle, option, value), option: option)
    }

    private func set(_ option: CURLoption, pointer value: UnsafeMutablePointer<CChar>?) throws(SetOptionError) {
        try check(dialer_curl_setopt_pointer(handle, option, value), option: option)
    }

    private func set(_ option: CURLoption, list value: UnsafeMutablePointer<curl_slist>?) throws(SetOptionError) {
        try check(dialer_curl_setopt_slist(handle, option, value), option: option)
    }

    private func set(_ option: CURLoption, offset value: curl_off_t) throws(SetOptionError) {
        try check(dialer_curl_setopt_off_t(handle, option, value), option: option)
    }

    private func setCallback(_ option: CURLoption, _ callback: dialer_curl_data_callback) throws(SetOptionError) {
        try check(dialer_curl_setopt_data_callback(handle, option, callback), option: option)
    }

    private func check(_ code: CURLcode, option: CURLoption) throws(SetOptionError) {
        guard code == CURLE_OK else { throw SetOptionError(option: option, code: code) }
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}
