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
    public var dotted: String {
        var text = ""
        for element in self {
            switch element {
            case .key(let key):
                if !text.isEmpty { text.append(".") }
                text.append(key)
            case .index(let index):
                text.append("[")
                text.append(String(index))
                text.append("]")
            }
        }
        return text
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
