import Dispatch
import Synchronization

/// Runs asynchronous outbox work to its end from synchronous code (the simulator, the daemon's threads).
///
/// The work runs in a task whose executor is a serial dispatch queue of its own, outside the Swift
/// concurrency pool, and the calling thread waits on a semaphore. So the wait never starves the pool:
/// it cannot deadlock even when the caller is itself a pool thread (a test), and HTTP transfers resume
/// on the same private queue.
enum BlockingBridge {
    /// Runs `work` and returns what it returns, or throws what it throws.
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let completion = Completion<T>()
        Task(executorPreference: QueueExecutor(label: "dialer.outbox")) {
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await work())
            } catch {
                outcome = .failure(error)
            }
            completion.finish(outcome)
        }
        return try completion.wait().get()
    }
}

/// A task executor that runs jobs one at a time on a private serial dispatch queue.
private final class QueueExecutor: TaskExecutor {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}

/// A result handed from the task to the waiting thread.
private final class Completion<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func finish(_ outcome: Result<T, any Error>) {
        result.withLock { $0 = outcome }
        done.signal()
    }

    func wait() -> Result<T, any Error> {
        done.wait()
        return result.withLock { $0 } ?? .failure(CancellationError())
    }
}

/// A value used by one thread at a time, handed to a task while its owner waits for that task.
///
/// `BlockingBridge.run` blocks the owner until the task ends, so the value is never used by two
/// threads at once; the box states that hand-over to the compiler. Used for the store connection
/// and the delivery, which are not `Sendable`.
struct HandedOver<Value>: @unchecked Sendable {
    let value: Value
}
