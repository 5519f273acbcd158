/// The finished nodes that wait for the collection holding them, in storage
/// of its own. When a collection ends it moves its children out: on an
/// array each child was copied into the collection (a reference count up)
/// and then removed from the stack (one down), and the removal went through
/// the array's generic range replacement.
///
/// Used by one thread at a time: the tree builder that owns it.
/// Its properties skip the runtime's exclusivity checks, which cost more
/// than the pushes they guarded: nothing but its own methods touches them.
final class NodeStack: @unchecked Sendable {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Node>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> Node { base[index] }

    func append(_ node: Node) {
        if count == capacity {
            let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            (base, capacity) = (larger, capacity * 2)
        }
        (base + count).initialize(to: node)
        count += 1
    }

    /// The nodes from `start` on, moved into a list; the stack ends at `start`.
    func moveItems(from start: Int) -> [Node] {
        let length = count - start
        guard length > 0 else { return [] }
        // Reserved and appended, not `init(unsafeUninitializedCapacity:)`:
        // that one is not specialized and cost twice the allocation.
        var items: [Node] = []
        items.reserveCapacity(length)
        for i in start..<count { items.append((base + i).move()) }
        count = start
        return items
    }

    /// The nodes from `start` on, moved into entries two by two (key, then
    /// value); an odd last node, a key without its value, is let go.
    func moveEntries(from start: Int) -> [Entry] {
        let length = (count - start) / 2
        if (count - start) % 2 == 1 { (base + count - 1).deinitialize(count: 1) }
        defer { count = start }
        guard length > 0 else { return [] }
        var entries: [Entry] = []
        entries.reserveCapacity(length)
        for i in 0..<length {
            let pair = base + start + 2 * i
            entries.append(Entry(key: pair.move(), value: (pair + 1).move()))
        }
        return entries
    }
}
