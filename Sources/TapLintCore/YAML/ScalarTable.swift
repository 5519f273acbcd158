/// The scalars of one tree, each text and style made once.
///
/// A template spells the same scalars over and over (`Type`, `Properties`,
/// `Ref`, a resource type, a tag key), and a `Scalar` never changes, so one
/// instance serves every node that spells it: fewer objects to allocate,
/// to hold in memory and to free. On AWS's sample templates about half the
/// scalars of a file repeat one before them.
///
/// An open-addressing table of hashes of the text (`ByteHash`). Hostile
/// input cannot make it slow: a text that finds no place within a few
/// probes, or is long, is simply made anew, as it would be without the table.
struct ScalarTable {
    /// Longer texts are seldom repeated and cost more to hash than to make.
    static let longestShared = 128
    /// Probes before a text is made without the table.
    private static let maxProbes = 32

    /// Per slot, the index in `scalars` plus one; 0 for an empty slot.
    private var slots: [Int32]
    /// Per slot, the hash of the text there, to skip most comparisons.
    private var hashes: [UInt32]
    private var scalars: [Scalar] = []

    init() {
        slots = Array(repeating: 0, count: 256)
        hashes = Array(repeating: 0, count: 256)
    }

    /// The scalar for `text` in `style`: one made before, or a new one.
    mutating func scalar(_ text: UnsafeBufferPointer<UInt8>, style: Scalar.Style) -> Scalar {
        guard text.count <= Self.longestShared else { return Scalar(String(decoding: text, as: UTF8.self), style: style) }
        let hash = ByteHash.hash(text, seed: UInt32(style.code))
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        for _ in 0..<Self.maxProbes {
            let held = slots[slot]
            if held == 0 {
                let made = Scalar(String(decoding: text, as: UTF8.self), style: style)
                scalars.append(made)
                slots[slot] = Int32(scalars.count)
                hashes[slot] = hash
                if scalars.count * 2 > slots.count { grow() }
                return made
            }
            if hashes[slot] == hash {
                let candidate = scalars[Int(held) - 1]
                if candidate.style == style, ByteHash.spells(candidate.value, text) { return candidate }
            }
            slot = (slot + 1) & mask
        }
        return Scalar(String(decoding: text, as: UTF8.self), style: style)
    }

    /// Twice the slots, each scalar placed again by its stored hash.
    private mutating func grow() {
        let (oldSlots, oldHashes) = (slots, hashes)
        slots = Array(repeating: 0, count: oldSlots.count * 2)
        hashes = Array(repeating: 0, count: oldSlots.count * 2)
        let mask = slots.count - 1
        for (held, hash) in zip(oldSlots, oldHashes) where held != 0 {
            var slot = Int(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = held
            hashes[slot] = hash
        }
    }
}

extension Scalar.Style {
    /// A number per style, mixed into the table's hash.
    fileprivate var code: UInt8 {
        switch self {
        case .plain: 0
        case .singleQuoted: 1
        case .doubleQuoted: 2
        case .literal: 3
        case .folded: 4
        }
    }
}
