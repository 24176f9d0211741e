import Foundation

/// Numbers the few texts that repeat down a column (outcomes, agents, AMD verdicts), read as
/// UTF-8 bytes straight from SQLite: a row costs a hash of its bytes and one comparison, never
/// a `String`. Each text gets the next number, from 0, the first time it is seen.
struct ByteInterner {
    /// The texts by number.
    private(set) var texts: [String] = []
    private var bytes: [[UInt8]] = []
    /// Open addressing: number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)

    /// The number of `text`.
    mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(text) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            if bytes[number].withUnsafeBufferPointer({ Self.same($0, text) }) { return number }
            slot = (slot + 1) & mask
        }
        let number = texts.count
        bytes.append(Array(text))
        texts.append(String(decoding: text, as: UTF8.self))
        slots[slot] = Int32(number + 1)
        if texts.count * 2 > slots.count { rehash() }
        return number
    }

    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in bytes.indices {
            var slot = bytes[number].withUnsafeBufferPointer { Self.hash($0) } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        return memcmp(left, right, a.count) == 0
    }

    /// FNV-1a, folded.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
