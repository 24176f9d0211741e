import Foundation

/// A min-heap of timed items; items due at the same instant come out in the order they went in.
struct EventQueue<Item> {
    private struct Entry {
        let time: Date
        let sequence: UInt64
        let item: Item

        func precedes(_ other: Entry) -> Bool {
            time != other.time ? time < other.time : sequence < other.sequence
        }
    }

    private var heap: [Entry] = []
    private var nextSequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    /// The time of the earliest item.
    var nextTime: Date? { heap.first?.time }

    mutating func push(_ item: Item, at time: Date) {
        heap.append(Entry(time: time, sequence: nextSequence, item: item))
        nextSequence += 1
        siftUp(heap.count - 1)
    }

    /// Removes and returns the earliest item.
    mutating func pop() -> (time: Date, item: Item)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let entry = heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
        return (entry.time, entry.item)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].precedes(heap[smallest]) { smallest = left }
            if right < heap.count, heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
