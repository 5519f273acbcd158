/// Names to the position where each first appears, found by a hash of
/// their bytes.
///
/// Rules ask the template's indexes about every reference they judge
/// (`hasResource`, `resourceIndex(of:)`), tens of thousands of times on a
/// large template, and a `[String: Int]` spent some 450 instructions a
/// lookup hashing the name. Here a lookup is one pass of `ByteHash` over the
/// name's bytes, a probe or two and a comparison. A name that finds no
/// place within a few probes of its hash (only a template built to
/// collide has many) is kept in an ordinary dictionary instead, so no
/// input makes the table slow.
struct NameIndex: Sendable {
    /// Per slot, the position in `names` plus one; 0 for an empty slot.
    private var slots: [Int32]
    /// Per slot, the hash of the name there, to skip most comparisons.
    private var hashes: [UInt32]
    private let names: [String]
    /// The names that found no free slot within `maxProbes` of their own.
    private var overflow: [String: Int] = [:]
    /// Slots tried from a name's own before it goes to `overflow`.
    private let maxProbes: Int

    /// `maxProbes` is smaller only in tests, to send names to the overflow.
    init(_ names: [String], maxProbes: Int = 8) {
        self.names = names
        self.maxProbes = maxProbes
        var size = 16
        while size < names.count * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        hashes = Array(repeating: 0, count: size)
        for (position, name) in names.enumerated() {
            name.withBytes { bytes in
                let hash = ByteHash.hash(bytes)
                switch find(bytes, hash: hash) {
                case .found: break  // the first declaration wins
                case .empty(let slot):
                    slots[slot] = Int32(position + 1)
                    hashes[slot] = hash
                case .full:
                    if overflow[name] == nil { overflow[name] = position }
                }
            }
        }
    }

    /// Where `name` first appears; nil when it does not.
    func position(of name: String) -> Int? {
        return name.withBytes { bytes in
            switch find(bytes, hash: ByteHash.hash(bytes)) {
            case .found(let position): position
            case .empty: nil
            case .full: overflow[name]
            }
        }
    }

    private enum Probe {
        case found(Int)
        /// Not in the table; this slot is free for it.
        case empty(Int)
        /// Every slot within `maxProbes` holds another name.
        case full
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Probe {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        for _ in 0..<maxProbes {
            let held = Int(slots[slot])
            if held == 0 { return .empty(slot) }
            if hashes[slot] == hash, ByteHash.spells(names[held - 1], bytes) { return .found(held - 1) }
            slot = (slot + 1) & mask
        }
        return .full
    }
}
