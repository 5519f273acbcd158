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

    /// True when two built strings (`Fn::Sub`, `Fn::Join`) can never give
    /// the same text: they take the same values in the same order, and
    /// their literal text differs in a way no value can make up for (its
    /// total length, or the first differing piece at one place with the
    /// same length), so `uploads-${AWS::AccountId}` and
    /// `user-uploads-${AWS::AccountId}` differ in every account.
    public static func alwaysDiffer(_ a: Node?, _ b: Node?) -> Bool {
        guard let x = present(a).flatMap(pieces), let y = present(b).flatMap(pieces) else { return false }
        let (xValues, yValues) = (x.compactMap(\.value), y.compactMap(\.value))
        guard xValues.count == yValues.count, zip(xValues, yValues).allSatisfy({ $0.same(as: $1) }) else { return false }
        let (xText, yText) = (literals(x), literals(y))
        if xText.reduce(0, { $0 + $1.count }) != yText.reduce(0, { $0 + $1.count }) { return true }
        guard let first = xText.indices.first(where: { xText[$0] != yText[$0] }) else { return false }
        return xText[first].count == yText[first].count
    }

    /// A built string as its pieces: literal text, or a value (a variable's
    /// `Ref`/`GetAtt`, an item that is a function); nil for anything else.
    private static func pieces(_ node: Node) -> [(text: String, value: BuiltValue?)]? {
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .sub:
            guard let sub = SubCall(call.argument) else { return nil }
            return sub.text.parts.map { part in
                switch part {
                case .literal(let text): return (text, nil)
                case .variable(let name, _):
                    // A variable given in the call's map stands for its value; any other for itself.
                    if let given = sub.variables.first(where: { $0.name == name }) { return ("", .node(given.value)) }
                    return ("", .variable(name))
                }
            }
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let list = items[1].sequence else { return nil }
            var found: [(text: String, value: BuiltValue?)] = []
            for (i, item) in list.enumerated() {
                if i > 0 { found.append((delimiter, nil)) }
                found.append(item.string.map { ($0, nil) } ?? ("", .node(item)))
            }
            return found
        default:
            return nil
        }
    }

    /// The literal text between values: one piece before each value and one after the last.
    private static func literals(_ pieces: [(text: String, value: BuiltValue?)]) -> [String] {
        var text = [""]
        for piece in pieces {
            if piece.value != nil { text.append("") } else { text[text.count - 1] += piece.text }
        }
        return text
    }

    /// A value in a built string: a `${Name}` of `Fn::Sub`, or a value
    /// written out (a variable's map entry, a `Fn::Join` item).
    private enum BuiltValue {
        case variable(String)
        case node(Node)

        func same(as other: BuiltValue) -> Bool {
            switch (self, other) {
            case (.variable(let a), .variable(let b)): a == b
            case (.node(let a), .node(let b)): SameValue.equal(a, b)
            default: false
            }
        }
    }

    /// The node, unless it is absent or `!Ref AWS::NoValue`.
    private static func present(_ node: Node?) -> Node? {
        guard let node, !Node.isNoValue(node) else { return nil }
        return node
    }
}
