#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One step from the template's root to a node: a mapping key or a list index.
public enum PathElement: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

extension Array where Element == PathElement {
    /// The path and one more step, in a list of exactly that size. Facts
    /// keep paths by the thousand: `path + [step]` doubled the list's
    /// capacity as it copied it, and made the step a list of its own.
    public func appending(_ step: PathElement) -> [PathElement] {
        var longer = copy(reserving: 1)
        longer.append(step)
        return longer
    }

    /// The path and two more steps (`Fn::If`, then a branch).
    public func appending(_ step: PathElement, _ next: PathElement) -> [PathElement] {
        var longer = copy(reserving: 2)
        longer.append(step)
        longer.append(next)
        return longer
    }

    /// The path in a list of its own, for a fact to keep while a walk goes
    /// on changing its own: had the fact shared the walk's list, the walk's
    /// next step would copy it, and the step after grow the copy again.
    public var kept: [PathElement] { copy(reserving: 0) }

    private func copy(reserving extra: Int) -> [PathElement] {
        var copy: [PathElement] = []
        copy.reserveCapacity(count + extra)
        copy.append(contentsOf: self)
        return copy
    }

    /// `Properties.Policies[0].PolicyName`, the way messages name a place.
    public var dotted: String { written(startIndex..<endIndex, after: nil, droppingProperties: false) }

    /// The path from `start` up to its first intrinsic function, dotted:
    /// how a user names the property that holds a value,
    /// `Properties.Role`, not `Properties.Role.Fn::GetAtt`.
    public func place(from start: Int) -> String {
        written(placeRange(from: start), after: nil, droppingProperties: false)
    }

    /// `Owner.Inner.Path`: the place from `start` (as `place(from:)`)
    /// after the resource or output that holds it; the owner alone when
    /// nothing lies below it. `droppingProperties` leaves out a leading
    /// `Properties.` (`Bucket.BucketName` reads better than
    /// `Bucket.Properties.BucketName`).
    public func place(under owner: String, from start: Int, droppingProperties: Bool = false) -> String {
        written(placeRange(from: start), after: owner, droppingProperties: droppingProperties)
    }

    /// The elements from `start` to the first intrinsic function.
    private func placeRange(from start: Int) -> Range<Int> {
        let start = Swift.min(start, endIndex)
        var end = start
        while end < endIndex {
            if case .key(let key) = self[end], IntrinsicName(longFormKey: key) != nil { break }
            end += 1
        }
        return start..<end
    }

    /// The elements of `range` dotted, after `owner` and a dot when there
    /// is an owner and something below it. Measured first, then written
    /// into the string's own storage: findings name their place by the
    /// thousand on a large template, and building it from arrays and
    /// appends cost thousands of instructions a place.
    private func written(_ range: Range<Int>, after owner: String?, droppingProperties: Bool) -> String {
        var length = owner.map { $0.utf8.count + 1 } ?? 0
        for element in self[range] {
            switch element {
            case .key(let key): length += key.utf8.count + 1
            case .index(let index): length += Self.digits(index) + 2
            }
        }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var at = 0
            func put(_ text: String) {
                text.withBytes { bytes in
                    guard let base = bytes.baseAddress else { return }
                    (buffer.baseAddress! + at).initialize(from: base, count: bytes.count)
                    at += bytes.count
                }
            }
            if let owner {
                put(owner)
                buffer[at] = UInt8(ascii: ".")
                at += 1
            }
            let inner = at
            for element in self[range] {
                switch element {
                case .key(let key):
                    if at != inner {
                        buffer[at] = UInt8(ascii: ".")
                        at += 1
                    }
                    put(key)
                case .index(let index):
                    buffer[at] = UInt8(ascii: "[")
                    let digits = Self.digits(index)
                    var rest = index.magnitude
                    if index < 0 { buffer[at + 1] = UInt8(ascii: "-") }
                    for i in stride(from: at + digits, to: at + digits - Self.digitCount(index.magnitude), by: -1) {
                        buffer[i] = UInt8(ascii: "0") + UInt8(rest % 10)
                        rest /= 10
                    }
                    at += digits + 1
                    buffer[at] = UInt8(ascii: "]")
                    at += 1
                }
            }
            if owner != nil, at == inner { return at - 1 }  // nothing below the owner: no dot
            let properties: StaticString = "Properties."
            if droppingProperties, at - inner >= properties.utf8CodeUnitCount,
               memcmp(buffer.baseAddress! + inner, properties.utf8Start, properties.utf8CodeUnitCount) == 0 {
                let after = inner + properties.utf8CodeUnitCount
                (buffer.baseAddress! + inner).update(from: buffer.baseAddress! + after, count: at - after)
                return at - properties.utf8CodeUnitCount
            }
            return at
        }
    }

    /// How many characters `index` takes in decimal, a sign included.
    private static func digits(_ index: Int) -> Int {
        digitCount(index.magnitude) + (index < 0 ? 1 : 0)
    }

    private static func digitCount(_ number: UInt) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
