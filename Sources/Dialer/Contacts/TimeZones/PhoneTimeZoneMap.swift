import Foundation
import Synchronization

/// libphonenumber's map from number prefixes to IANA time zones (its `PhoneNumberToTimeZonesMapper` data,
/// "1208" → Boise and Los Angeles). The C++ library has no time-zone mapper, so the map is read from the same
/// Debian source package's Java build (`libphonenumber8-java`, `geocoder.jar`), where it is stored with Java
/// serialization (`PhonePrefixMap.writeExternal`).
final class PhoneTimeZoneMap: Sendable {
    /// The archive Debian installs, and the entry in it.
    static let archivePath = "/usr/share/java/geocoder.jar"
    static let entryName = "com/google/i18n/phonenumbers/timezones/data/map_data"

    /// The map of the installed libphonenumber, read on first use; an environment error when it is not installed.
    static let installed: Result<PhoneTimeZoneMap, EnvironmentError> = Result {
        try PhoneTimeZoneMap(archive: archivePath)
    }.mapError { error in
        let reason = (error as? XLSXError)?.reason ?? "\(error)"
        return EnvironmentError("cannot read libphonenumber's time-zone map (\(archivePath)): \(reason); install the Debian package libphonenumber8-java (make deps does)")
    }

    /// Zone sets by prefix (country code and the leading national digits, as one integer).
    private let zoneSetByPrefix: [Int: Int]
    /// Each distinct set of zones.
    private let zoneSets: [[String]]
    /// The prefix lengths the map has, longest first.
    private let prefixLengths: [Int]
    /// How many prefixes name each zone: among zones that keep the same time, the one named most stands for them.
    private let prefixesByZone: [String: Int]
    /// Zone sets with the zones that keep the same time merged, by zone set.
    private let distinctSets = Mutex<[Int: [String]]>([:])

    init(archive path: String) throws {
        let archive = try ZipArchive(path: path)
        let stream = try archive.open(Self.entryName)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        var reader = try JavaBlockDataReader(stream: bytes)
        var entries: [(prefix: Int, description: String)] = []
        var lengths: [Int] = []
        if try reader.boolean() {
            // FlyweightMapStorage: prefixes and indexes into a pool of descriptions, stored in 2 or 4 bytes.
            let prefixSize = try reader.int()
            let indexSize = try reader.int()
            lengths = try (0..<reader.int()).map { _ in try reader.int() }
            let pool = try (0..<reader.int()).map { _ in try reader.utf() }
            for _ in 0..<(try reader.int()) {
                let prefix = try prefixSize == 2 ? Int(reader.short()) : reader.int()
                let index = try indexSize == 2 ? Int(reader.short()) : reader.int()
                guard pool.indices.contains(index) else { throw JavaBlockDataReader.Malformed() }
                entries.append((prefix, pool[index]))
            }
        } else {
            // DefaultMapStorage: each prefix with its description.
            for _ in 0..<(try reader.int()) { entries.append((try reader.int(), try reader.utf())) }
            lengths = try (0..<reader.int()).map { _ in try reader.int() }
        }
        var setIndex: [String: Int] = [:]
        var sets: [[String]] = []
        var byPrefix: [Int: Int] = [:]
        var prefixesByZone: [String: Int] = [:]
        for entry in entries {
            for zone in entry.description.split(separator: "&") { prefixesByZone[String(zone), default: 0] += 1 }
            let index = setIndex[entry.description] ?? {
                sets.append(entry.description.split(separator: "&").map(String.init))
                setIndex[entry.description] = sets.count - 1
                return sets.count - 1
            }()
            byPrefix[entry.prefix] = index
        }
        zoneSetByPrefix = byPrefix
        zoneSets = sets
        prefixLengths = lengths.sorted(by: >)
        self.prefixesByZone = prefixesByZone
    }

    /// Every zone the map names.
    var zoneNames: Set<String> { Set(prefixesByZone.keys) }

    /// The zones of the longest prefix of `digits` (E.164 digits, or just a calling code) the map has, zones that
    /// keep the same time in the year from `time` merged into one (Europe/Guernsey, Europe/Jersey and
    /// Europe/London are one for a calling window); empty when the map has no such prefix.
    func zones(forDigits digits: UInt64, around time: Date) -> [String] {
        let count = PhoneNumber.digitCount(digits)
        for length in prefixLengths where length <= count {
            let prefix = Int(digits / PhoneNumber.powerOfTen(count - length))
            if let index = zoneSetByPrefix[prefix] { return distinct(index, around: time) }
        }
        return []
    }

    /// A zone set without the zones that keep another's time, computed once per set.
    private func distinct(_ index: Int, around time: Date) -> [String] {
        if let known = distinctSets.withLock({ $0[index] }) { return known }
        let zones = zoneSets[index]
        guard zones.count > 1 else { return zones }
        // Those named by most prefixes first, so each group of equivalent zones keeps its main one.
        let ranked = zones.sorted { (prefixesByZone[$0] ?? 0, $1) > (prefixesByZone[$1] ?? 0, $0) }
        var kept: [(name: String, offsets: [Int])] = []
        for name in ranked {
            guard let zone = TimeZone(identifier: name) else {
                kept.append((name, []))
                continue
            }
            let offsets = CalleeZones.dailyOffsets(zone, around: time)
            if !kept.contains(where: { $0.offsets == offsets }) { kept.append((name, offsets)) }
        }
        let result = kept.map(\.name).sorted()
        distinctSets.withLock { $0[index] = result }
        return result
    }
}

/// Reads the primitive values a Java `ObjectOutputStream` wrote in block-data mode (`writeInt`, `writeUTF`…).
private struct JavaBlockDataReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String { "not the Java serialization libphonenumber writes" }
    }

    private var data: [UInt8] = []
    private var position = 0

    /// Unwraps the block-data records of a serialized stream.
    init(stream: [UInt8]) throws {
        guard stream.starts(with: [0xAC, 0xED, 0x00, 0x05]) else { throw Malformed() }
        var index = 4
        while index < stream.count {
            let length: Int
            switch stream[index] {
            case 0x77:
                guard index + 1 < stream.count else { throw Malformed() }
                length = Int(stream[index + 1])
                index += 2
            case 0x7A:
                guard index + 4 < stream.count else { throw Malformed() }
                length = stream[index + 1...index + 4].reduce(0) { $0 << 8 | Int($1) }
                index += 5
            default:
                throw Malformed()
            }
            guard index + length <= stream.count else { throw Malformed() }
            data.append(contentsOf: stream[index..<index + length])
            index += length
        }
    }

    mutating func boolean() throws -> Bool { try bytes(1)[0] != 0 }

    mutating func short() throws -> UInt16 { UInt16(try bytes(2).reduce(0) { $0 << 8 | Int($1) }) }

    mutating func int() throws -> Int { Int(Int32(truncatingIfNeeded: try bytes(4).reduce(0) { $0 << 8 | Int($1) })) }

    /// `writeUTF`: a two-byte length, then modified UTF-8 (plain ASCII for zone names).
    mutating func utf() throws -> String {
        let length = Int(try short())
        return String(decoding: try bytes(length), as: UTF8.self)
    }

    private mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, position + count <= data.count else { throw Malformed() }
        defer { position += count }
        return data[position..<position + count]
    }
}
