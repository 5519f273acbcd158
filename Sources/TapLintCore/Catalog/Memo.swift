#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values made once per process and then shared by every thread that lints
/// files in parallel: catalog records parsed on first use.
///
/// A pthread mutex rather than `Synchronization.Mutex`: ThreadSanitizer
/// reported the threads' accesses to a static `Mutex`'s value as races,
/// unable to see the ordering its lock gives; a pthread mutex it sees.
final class Memo<Value: Sendable>: @unchecked Sendable {
    private var values: [String: Value] = [:]
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// The value for `key`, made by `make` the first time any thread asks.
    func value(for key: String, _ make: () -> Value) -> Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let known = values[key] { return known }
        let value = make()
        values[key] = value
        return value
    }
}
