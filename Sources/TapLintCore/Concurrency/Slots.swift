/// One slot per piece of work for threads that run in parallel. Each index
/// is taken by exactly one thread (an atomic counter hands them out), so the
/// slots need no lock; `concurrentPerform` returning orders every write
/// before `filled` is read. (A `Synchronization.Mutex` here drew race
/// reports from ThreadSanitizer, which cannot see that lock's ordering.)
@usableFromInline
final class Slots<Element>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Element?>

    @usableFromInline
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }

    @usableFromInline
    func store(_ element: Element, at index: Int) {
        buffer[index] = element
    }

    /// The filled slots, in index order.
    @usableFromInline
    var filled: [Element] { buffer.compactMap { $0 } }
}
