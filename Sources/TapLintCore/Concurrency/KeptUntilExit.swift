#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values the process holds until it ends, so that it never frees them.
///
/// A command-line run that lints one template prints its report and exits;
/// freeing that template's tree first, node by node, is work no one waits
/// for (about a twentieth of a large template's whole lint). Compilers skip
/// the same teardown at exit. Only a run that knows it ends soon, and holds
/// few such values, may keep one: memory kept here is never given back.
public enum KeptUntilExit {
    private static let store = Store()

    /// True when LeakSanitizer is in the process (the sanitizer test runs).
    /// It cannot follow the pointers Swift keeps with tag bits in enum
    /// payloads (`Node.Content`), so a kept tree would read as leaked there,
    /// hiding real leaks among false ones; under it, values go as usual.
    private static let underLeakChecker: Bool = {
        // `RTLD_DEFAULT`, which Swift does not import: every loaded image.
        #if canImport(Darwin)
        let everyImage = UnsafeMutableRawPointer(bitPattern: -2)
        #else
        let everyImage: UnsafeMutableRawPointer? = nil
        #endif
        return dlsym(everyImage, "__lsan_do_leak_check") != nil
    }()

    /// Holds `value` until the process exits.
    public static func keep(_ value: some Sendable) {
        guard !underLeakChecker else { return }
        store.append(value)
    }

    /// A pthread mutex, as in `Memo`: ThreadSanitizer sees its ordering.
    private final class Store: @unchecked Sendable {
        private var values: [any Sendable] = []
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>

        init() {
            mutex = .allocate(capacity: 1)
            pthread_mutex_init(mutex, nil)
        }

        func append(_ value: any Sendable) {
            pthread_mutex_lock(mutex)
            values.append(value)
            pthread_mutex_unlock(mutex)
        }
    }
}
