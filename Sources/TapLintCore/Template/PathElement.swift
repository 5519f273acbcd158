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
    /// `Properties.Policies[0].PolicyName`, the way messages name a place.
    /// Written as bytes, then made a string once: findings name their
    /// place by the thousand on a large template, and each `String` append
    /// cost more than the bytes it added.
    public var dotted: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 12)
        for element in self {
            switch element {
            case .key(var key):
                if !bytes.isEmpty { bytes.append(UInt8(ascii: ".")) }
                key.withUTF8 { bytes.append(contentsOf: $0) }
            case .index(let index):
                bytes.append(UInt8(ascii: "["))
                bytes.append(contentsOf: String(index).utf8)
                bytes.append(UInt8(ascii: "]"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == PathElement {
    /// The path up to the first intrinsic function, which is how a user names
    /// the property that holds it: `Properties.Role`, not `Properties.Role.Fn::GetAtt`.
    public var beforeIntrinsic: [PathElement] {
        let cut = firstIndex { element in
            if case .key(let key) = element { return key.mayNameIntrinsic && IntrinsicName(rawValue: key) != nil && key != "Condition" }
            return false
        }
        return Array(self[..<(cut ?? endIndex)])
    }
}
