import CZip

/// A zip file opened for reading (libzip); its entries are read as streams, never unpacked to disk.
final class ZipArchive {
    let path: String
    private let handle: OpaquePointer

    init(path: String) throws(XLSXError) {
        self.path = path
        var code: Int32 = 0
        guard let handle = zip_open(path, ZIP_RDONLY, &code) else {
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            throw XLSXError(path: path, reason: "zip_open: " + String(cString: zip_error_strerror(&error)))
        }
        self.handle = handle
    }

    deinit {
        zip_discard(handle)
    }

    /// Whether the archive holds an entry of this name (matched ignoring case, as Office does).
    func contains(_ name: String) -> Bool {
        zip_name_locate(handle, name, zip_flags_t(ZIP_FL_NOCASE)) >= 0
    }

    /// Opens an entry to be read from its start.
    func open(_ name: String) throws(XLSXError) -> ZipEntryStream {
        guard let file = zip_fopen(handle, name, zip_flags_t(ZIP_FL_NOCASE)) else {
            throw XLSXError(path: path, reason: "zip_fopen \(name): " + String(cString: zip_strerror(handle)))
        }
        return ZipEntryStream(file: file, name: name, archive: self)
    }
}

/// One entry of a ``ZipArchive``, inflated as it is read.
final class ZipEntryStream {
    let name: String
    private let file: OpaquePointer
    /// Kept so the archive outlives its open entries.
    private let archive: ZipArchive

    fileprivate init(file: OpaquePointer, name: String, archive: ZipArchive) {
        self.file = file
        self.name = name
        self.archive = archive
    }

    deinit {
        zip_fclose(file)
    }

    /// Reads up to `buffer.count` bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(XLSXError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let count = zip_fread(file, base, zip_uint64_t(buffer.count))
        if count < 0 {
            throw XLSXError(path: archive.path, reason: "zip_fread \(name): " + String(cString: zip_file_strerror(file)))
        }
        return Int(count)
    }
}
