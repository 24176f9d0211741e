import CZip

/// Writes a zip file (libzip): entries from bytes or from files, deflated when the archive is closed.
/// The benchmark's data generator and the tests make workbooks with it.
package final class ZipArchiveWriter {
    private let path: String
    private var handle: OpaquePointer?
    /// Copies of the bytes added, which libzip reads only when the archive is closed.
    private var buffers: [UnsafeMutableRawBufferPointer] = []

    /// Creates (or replaces) the zip file at `path`.
    package init(path: String) throws {
        self.path = path
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw XLSXError(path: path, reason: "zip_open: " + String(cString: zip_error_strerror(&error)))
        }
        self.handle = handle
    }

    deinit {
        if let handle { zip_discard(handle) }
        for buffer in buffers { buffer.deallocate() }
    }

    /// Adds an entry holding `text`'s UTF-8.
    package func add(_ name: String, text: String) throws {
        let bytes = Array(text.utf8)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        copy.copyBytes(from: bytes)
        buffers.append(copy)
        try add(name, source: zip_source_buffer(handle, copy.baseAddress, zip_uint64_t(bytes.count), 0))
    }

    /// Adds an entry whose bytes are read from the file at `file` when the archive is closed.
    package func add(_ name: String, file: String) throws {
        try add(name, source: zip_source_file(handle, file, 0, -1))
    }

    private func add(_ name: String, source: OpaquePointer?) throws {
        guard let source else { throw XLSXError(path: path, reason: "zip_source: " + String(cString: zip_strerror(handle))) }
        if zip_file_add(handle, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8)) < 0 {
            zip_source_free(source)
            throw XLSXError(path: path, reason: "zip_file_add \(name): " + String(cString: zip_strerror(handle)))
        }
    }

    /// Writes the archive and closes it.
    package func close() throws {
        guard let handle else { return }
        if zip_close(handle) < 0 {
            throw XLSXError(path: path, reason: "zip_close: " + String(cString: zip_strerror(handle)))
        }
        self.handle = nil
    }
}
