/// Whether two template values mean the same to CloudFormation, however
/// they are written: short or long function form, flow or block style,
/// quoted or plain scalars, keys in any order. What the change gate
/// compares two versions of a template by.
public enum SameValue {
    public static func equal(_ a: Node?, _ b: Node?) -> Bool {
        guard let a = present(a), let b = present(b) else { return present(a) == nil && present(b) == nil }
        if let x = a.intrinsic {
            guard let y = b.intrinsic, x.name == y.name else { return false }
            // `!GetAtt A.B` and `Fn::GetAtt: [A, B]` name the same attribute.
            if x.name == .getAtt, let p = GetAttTarget(x.argument), let q = GetAttTarget(y.argument) {
                return p.resource == q.resource && p.attribute == q.attribute
            }
            return equal(x.argument, y.argument)
        }
        if b.intrinsic != nil { return false }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            return x.value == y.value
        case (.sequence(let x), .sequence(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            let kept = x.filter { present($0.value) != nil }
            guard kept.count == y.filter({ present($0.value) != nil }).count else { return false }
            return kept.allSatisfy { entry in entry.name.map { equal(entry.value, b[$0]) } ?? false }
        default:
            return false
        }
    }

    /// True when the value holds a function anywhere: it is only known at
    /// deploy time, so two different spellings may still give the same.
    public static func isComputed(_ node: Node?) -> Bool {
        guard let node = present(node) else { return false }
        if node.intrinsic != nil || node.tag != nil { return true }
        switch node.content {
        case .scalar: return false
        case .sequence(let items): return items.contains(where: isComputed)
        case .mapping(let entries): return entries.contains { isComputed($0.value) }
        }
    }

    /// The values at a property path (`A/B`, `A/*/B` for each item of the
    /// list A) below `node`; nil where one is absent. A function on the way
    /// stands for everything below it.
    public static func values(at path: some Collection<Substring>, in node: Node?) -> [Node?] {
        guard let node = present(node), let step = path.first else { return [present(node)] }
        if node.intrinsic != nil { return [node] }
        if step == "*" {
            guard let items = node.sequence else { return [node] }
            return items.flatMap { values(at: path.dropFirst(), in: $0) }
        }
        guard node.mapping != nil else { return [node] }
        return values(at: path.dropFirst(), in: node[String(step)])
    }

    /// The node, unless it is absent or `!Ref AWS::NoValue`.
    private static func present(_ node: Node?) -> Node? {
        guard let node, !Node.isNoValue(node) else { return nil }
        return node
    }
}
