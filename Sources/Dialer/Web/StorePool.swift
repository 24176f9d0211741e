import Foundation

/// Connections to the database for the web server's threads: each request borrows one for as long as it
/// needs it and gives it back, so a ``CampaignStore`` (not thread-safe) is used by one thread at a time.
/// Up to ``size`` connections are opened, lazily; a request finding them all busy waits for one.
final class StorePool: @unchecked Sendable {
    let path: String
    let size: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var idle: [CampaignStore] = []
    private var opened = 0

    /// - Throws: ``DatabaseProblem`` when the database cannot be opened (checked once now).
    init(path: String, size: Int = 8) throws {
        self.path = path
        self.size = max(1, size)
        idle.append(try CampaignStore(path: path, now: Date()))
        opened = 1
    }

    /// Runs `body` with a connection of its own.
    func with<T>(_ body: (CampaignStore) throws -> T) throws -> T {
        let store = try borrow()
        defer { giveBack(store) }
        return try body(store)
    }

    private func borrow() throws -> CampaignStore {
        condition.lock()
        while idle.isEmpty && opened >= size { condition.wait() }
        if let store = idle.popLast() {
            condition.unlock()
            return store
        }
        opened += 1
        condition.unlock()
        do {
            return try CampaignStore(path: path, now: Date())
        } catch {
            condition.lock()
            opened -= 1
            condition.signal()
            condition.unlock()
            throw error
        }
    }

    private func giveBack(_ store: CampaignStore) {
        condition.lock()
        idle.append(store)
        condition.signal()
        condition.unlock()
    }
}
