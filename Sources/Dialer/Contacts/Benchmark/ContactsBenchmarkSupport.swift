import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seeded data for the contacts benchmarks (a contact list with realistic Vietnamese names and numbers,
/// a Do-Not-Call list) and the measurement of the contacts pipeline on them.
public enum ContactsBenchmarkSupport {
    /// Writes `contacts.csv` in `folder`: `count` contacts (header `Full name,Mobile,Home,City,Owner`, about 60 bytes a row)
    /// with Vietnamese names and numbers written in the ways people type them; about 3 % of the mobiles are invalid.
    /// Returns the file's path.
    public static func writeContactsCSV(count: Int, seed: UInt64, folder: String) throws -> String {
        var random = ContactsRandom(seed: seed)
        var out = Array("Full name,Mobile,Home,City,Owner\n".utf8)
        out.reserveCapacity(count * 64)
        for _ in 0..<count {
            let family = familyNames.randomElement(using: &random) ?? "Nguyễn"
            let middle = middleNames.randomElement(using: &random) ?? "Văn"
            let given = givenNames.randomElement(using: &random) ?? "An"
            if Int.random(in: 0..<50, using: &random) == 0 {
                out += "\"\(family), \(middle) \(given)\",".utf8
            } else {
                out += "\(family) \(middle) \(given),".utf8
            }
            if Int.random(in: 0..<33, using: &random) == 0 {
                out += invalidNumber(&random).utf8
            } else {
                out += written(mobileNational(&random), &random).utf8
            }
            out.append(UInt8(ascii: ","))
            if Bool.random(using: &random) {
                out += written(fixedNational(&random), &random).utf8
            }
            out.append(UInt8(ascii: ","))
            out += (cities.randomElement(using: &random) ?? "Hà Nội").utf8
            out.append(UInt8(ascii: ","))
            out += (owners.randomElement(using: &random) ?? "an").utf8
            out.append(UInt8(ascii: "\n"))
        }
        return try write(out, name: "contacts.csv", folder: folder)
    }

    /// Writes `dnc.txt` in `folder`: `count` numbers, one a line (E.164 or national form), a comment header,
    /// a few prefix entries and about one bad line in a thousand. Returns the file's path.
    public static func writeDNCFile(count: Int, seed: UInt64, folder: String) throws -> String {
        var random = ContactsRandom(seed: seed)
        var out = Array("# Vietnam national Do-Not-Call register (generated)\n+84190*\n+841900*\n".utf8)
        out.reserveCapacity(count * 14)
        for _ in 0..<count {
            if Int.random(in: 0..<1_000, using: &random) == 0 {
                out += "n/a\n".utf8
                continue
            }
            let national = Int.random(in: 0..<10, using: &random) == 0 ? fixedNational(&random) : mobileNational(&random)
            out += (Bool.random(using: &random) ? "+84" + national : "0" + national).utf8
            out.append(UInt8(ascii: "\n"))
        }
        return try write(out, name: "dnc.txt", folder: folder)
    }

    /// Generates the data into `folder` and measures, in this process: CSV rows read, mobiles parsed,
    /// the DNC list built (read, parsed, sorted) and loaded from its disk cache, and lookups on one core.
    /// Times are the calling thread's CPU time, so other work on a shared machine does not inflate them.
    public static func measure(contacts: Int, dncNumbers dncLineCount: Int, lookups: Int, seed: UInt64, folder: String) throws -> ContactsBenchmarkReport {
        let csvPath = try writeContactsCSV(count: contacts, seed: seed, folder: folder)
        let dncPath = try writeDNCFile(count: dncLineCount, seed: seed &+ 1, folder: folder)
        let clock = ThreadCPUClock()

        var mobiles: [String] = []
        mobiles.reserveCapacity(contacts)
        var rows = 0
        let csvTime = try clock.measure {
            let reader = try CSVReader(path: csvPath)
            let mobile = reader.columnIndex(named: "Mobile") ?? 1
            while let row = reader.next() {
                rows += 1
                if case .record(let record) = row { mobiles.append(record.fields[mobile]) }
            }
        }

        var valid = 0
        let parseTime = clock.measure {
            for text in mobiles {
                if case .success = PhoneNumberParser.parse(text, defaultRegion: "VN") { valid += 1 }
            }
        }

        let parsedNumbers = mobiles.count
        mobiles = []

        var start = clock.now()
        var index: DNCIndex? = try DNCIndex.load(path: dncPath, column: nil, defaultRegion: "VN", cacheDirectory: nil).index
        let buildTime = clock.now() - start
        let dncNumbers = index?.numberCount ?? 0
        let bytesPerNumber = Double(index?.numberStorageBytes ?? 0) / Double(max(1, dncNumbers))

        var random = ContactsRandom(seed: seed &+ 2)
        let queries: [UInt64] = (0..<lookups).map { _ in
            UInt64("84" + mobileNational(&random)) ?? 0
        }
        // Each way of looking up is timed over several passes and the median pass kept: other tenants' memory
        // traffic on a shared machine comes in bursts that a single pass may or may not meet.
        var hits = 0
        let lookupTime = medianPass(clock) {
            guard let index else { return }
            hits = 0
            for query in queries where index.contains(digits: query) { hits += 1 }
        }
        var batchHits = 0
        let batchTime = medianPass(clock) {
            guard let index else { return }
            batchHits = 0
            var found = [Bool](repeating: false, count: lookupBatch)
            queries.withUnsafeBufferPointer { queries in
                found.withUnsafeMutableBufferPointer { found in
                    var start = 0
                    while start < queries.count {
                        let end = min(start + lookupBatch, queries.count)
                        index.containsEach(digits: UnsafeBufferPointer(rebasing: queries[start..<end]), into: found)
                        for item in 0..<(end - start) where found[item] { batchHits += 1 }
                        start = end
                    }
                }
            }
        }
        guard batchHits == hits else { throw BenchmarkMismatch("batched lookups found \(batchHits) numbers, single lookups \(hits)") }
        // Released before the cache runs, so that at most one index is in memory at a time.
        index = nil

        let cacheFolder = folder + "/dnc-cache"
        _ = try DNCIndex.load(path: dncPath, column: nil, defaultRegion: "VN", cacheDirectory: cacheFolder)
        start = clock.now()
        let cached = try DNCIndex.load(path: dncPath, column: nil, defaultRegion: "VN", cacheDirectory: cacheFolder)
        let cacheTime = clock.now() - start

        return ContactsBenchmarkReport(
            csvRows: rows, csvBytes: fileSize(csvPath), csvSeconds: csvTime,
            parsedNumbers: parsedNumbers, validNumbers: valid, parseSeconds: parseTime,
            dncLines: dncLineCount, dncNumbers: dncNumbers, dncBuildSeconds: buildTime,
            dncCacheSeconds: cacheTime, dncFromCache: cached.fromCache,
            bytesPerNumber: bytesPerNumber,
            lookups: lookups, lookupHits: hits, lookupSeconds: lookupTime, batchLookupSeconds: batchTime)
    }

    /// Numbers per batch in the batched lookup measurement (the compile scrubs 4,096 rows at a time).
    public static let lookupBatch = 4_096
    /// Passes over the lookups for each way of looking up; the median is reported.
    public static let lookupPasses = 5

    /// The median of ``lookupPasses`` timings of `body`.
    private static func medianPass(_ clock: ThreadCPUClock, _ body: () -> Void) -> Double {
        let times = (0..<lookupPasses).map { _ in clock.measure(body) }.sorted()
        return times[times.count / 2]
    }

    // MARK: - Generators

    private static let familyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                      "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
    private static let middleNames = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Gia", "Hoài", "Thu", "Xuân"]
    private static let givenNames = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh",
                                     "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Phúc", "Phương", "Quân",
                                     "Sơn", "Tâm", "Thảo", "Thủy", "Trang", "Trung", "Tuấn", "Vy", "Yến"]
    private static let cities = ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang",
                                 "Biên Hòa", "Vũng Tàu", "Quy Nhơn"]
    private static let owners = ["an", "binh", "chi", "dung", "giang"]
    private static let mobilePrefixes = ["32", "33", "34", "35", "36", "37", "38", "39", "56", "58", "70", "76", "77", "78",
                                         "79", "81", "82", "83", "84", "85", "86", "87", "88", "90", "91", "93", "94",
                                         "96", "97", "98"]
    /// Area codes with the first subscriber digit where libphonenumber's plan requires one (Hà Nội 24 3…, TP.HCM 28 3…).
    private static let areaCodes = ["243", "283", "236", "225", "292", "234", "258"]

    private static func digits(_ count: Int, _ random: inout ContactsRandom) -> String {
        String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &random))) })
    }

    /// A Vietnamese mobile's national significant number (9 digits).
    private static func mobileNational(_ random: inout ContactsRandom) -> String {
        (mobilePrefixes.randomElement(using: &random) ?? "91") + digits(7, &random)
    }

    /// A Vietnamese fixed line's national significant number (10 digits: 2, area code, subscriber).
    private static func fixedNational(_ random: inout ContactsRandom) -> String {
        let area = areaCodes.randomElement(using: &random) ?? "24"
        return "2" + String(area.dropFirst()) + digits(10 - area.count, &random)
    }

    /// The national number written one of the ways people type it.
    private static func written(_ national: String, _ random: inout ContactsRandom) -> String {
        let head = national.prefix(national.count - 6)
        let middle = national.dropFirst(national.count - 6).prefix(3)
        let tail = national.suffix(3)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return "0" + national
        case 1: return "0\(head) \(middle) \(tail)"
        case 2: return "+84 \(head) \(middle) \(tail)"
        case 3: return "0\(head).\(middle).\(tail)"
        case 4: return "(+84) \(head)-\(middle)-\(tail)"
        default: return "84" + national
        }
    }

    private static func invalidNumber(_ random: inout ContactsRandom) -> String {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return "09" + digits(6, &random)
        case 1: return "061" + digits(7, &random)
        case 2: return "không có"
        default: return ""
        }
    }

    private static func write(_ bytes: [UInt8], name: String, folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

/// Measures the CPU time the calling thread spends in a closure.
struct ThreadCPUClock {
    func measure(_ work: () throws -> Void) rethrows -> Double {
        let start = now()
        try work()
        return now() - start
    }

    /// The thread's CPU time so far, in seconds.
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
