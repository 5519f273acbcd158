#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Runs independent pieces of work on several threads and hands back the
/// results in a fixed order, so output never depends on which thread
/// finished first.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, on up to `threads` threads,
    /// the results in index order. `order` is the order indices are handed
    /// out in (largest work first keeps threads from idling at the end).
    ///
    /// Inlinable, so that each caller gets it made for its own `T`: run
    /// generically, every array of results looked its type's metadata up
    /// at run time, for every file of a folder.
    @inlinable
    public static func map<T: Sendable>(_ count: Int, threads: Int, order: [Int]? = nil,
                                        _ body: @Sendable (Int) -> T) -> [T] {
        let width = min(threads, count)
        // Nothing to do, nothing written: an array made with no capacity is
        // the shared empty one, whose count it would write to from every
        // thread that maps nothing at once (a run of only repository rules).
        if count == 0 { return [] }
        if width <= 1 {
            // Written in place: `map` made each result an append, checking
            // the array's room and uniqueness every time.
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer.initializeElement(at: index, to: body(index))
                    initialized = index + 1
                }
            }
        }
        let results = Slots<T>(count: count)
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while true {
                let taken = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard taken < count else { return }
                let index = order?[taken] ?? taken
                results.store(body(index), at: index)
            }
        }
        return results.filled
    }

    /// Lets go of `value` on a background thread. Tearing down a large
    /// template's tree is many thousand frees that no one waits for; a
    /// one-file run can print its report and exit meanwhile.
    public static func release<T: Sendable>(_ value: T) {
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(value) {} }
    }

    /// Runs `background` on a thread of its own while `foreground` runs on
    /// this one, and returns once both are done; nil, having run neither,
    /// when the system has no thread to give. A thread of its own, not one
    /// from Dispatch's pool: the two may wait on each other, and a busy pool
    /// could run them one after the other.
    public static func alongside<T>(_ background: @escaping @Sendable () -> Void, _ foreground: () -> T) -> T? {
        let context = Unmanaged.passRetained(Work(background)).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<Work>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            return nil
        }
        let result = foreground()
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
        return result
    }
}

/// The work a thread of `Parallel.alongside` runs, passed through pthreads' `void *`.
private final class Work {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
