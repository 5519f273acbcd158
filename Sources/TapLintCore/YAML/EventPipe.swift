#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Carries event chunks from the thread that reads YAML to the one that
/// builds the tree. It holds a few chunks at most, so a reader far ahead
/// waits instead of filling memory, and the builder can close it to stop
/// the reader early (a depth limit or an alias bomb ends the tree).
///
/// A pthread mutex and condition, which ThreadSanitizer understands (see
/// `Memo`).
final class EventPipe: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let changed: UnsafeMutablePointer<pthread_cond_t>
    private var queue: [EventChunk] = []
    private var closed = false
    private let capacity: Int

    init(capacity: Int = 4) {
        self.capacity = capacity
        mutex = .allocate(capacity: 1)
        changed = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Hands a chunk over, waiting while the pipe is full; false once the
    /// builder has closed the pipe and wants no more.
    func send(_ chunk: EventChunk) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.count >= capacity, !closed { pthread_cond_wait(changed, mutex) }
        if closed { return false }
        queue.append(chunk)
        pthread_cond_broadcast(changed)
        return true
    }

    /// The next chunk, waiting for the reader to send one. The reader always
    /// ends with a chunk that `isLast`, so this never waits forever.
    func receive() -> EventChunk {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.isEmpty { pthread_cond_wait(changed, mutex) }
        let chunk = queue.removeFirst()
        pthread_cond_broadcast(changed)
        return chunk
    }

    /// Tells the reader to stop; chunks still queued are dropped.
    func close() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        closed = true
        queue.removeAll()
        pthread_cond_broadcast(changed)
    }
}
