/// The shape each intrinsic function's argument must have, and what is
/// wrong with a call's argument when it has another: read where the
/// template is walked for references (`ReferenceIndex`), so that REF004 needs
/// no walk of its own.
public enum FunctionShape {
    /// What is wrong with a call's argument, in words, and the item that is
    /// wrong (nil: the call as a whole); nil when the argument fits.
    public static func problem(_ call: Intrinsic) -> (message: String, item: Node?)? {
        let argument = call.argument
        guard let (shape, counts) = takes(call.name) else { return nil }
        func gets(_ what: String, at item: Node? = nil) -> (message: String, item: Node?) {
            ("\(call.name.rawValue) takes \(shape); here it gets \(what)", item)
        }
        // Fn::Transform (a macro) and functions newer than taplint are
        // resolved before the call is read: their result is not judged.
        if let inner = argument.intrinsic, inner.name == .transform { return nil }
        if argument.intrinsic == nil, isCall(argument) { return nil }
        switch call.name {
        case .base64, .getAZs, .importValue:
            return argument.scalar != nil || argument.intrinsic != nil ? nil : gets(kind(argument))
        case .ref, .condition:
            return argument.string != nil ? nil : gets(kind(argument))
        case .getAtt:
            if let text = argument.string { return text.contains(".") ? nil : gets("'\(text)', without an attribute") }
        case .sub:
            if argument.string != nil { return nil }
            if let items = argument.sequence, items.count == 2 {
                if items[0].string == nil { return gets("\(kind(items[0])) for the string", at: items[0]) }
                if items[1].mapping == nil || items[1].intrinsic != nil {
                    return gets("\(kind(items[1])) for the variables", at: items[1])
                }
                return nil
            }
        default:
            break
        }
        guard let items = argument.sequence else { return gets(kind(argument)) }
        guard counts.contains(items.count) else { return gets("a list of \(items.count)") }
        // Fn::Equals compares two strings.
        if call.name == .equals, let other = items.first(where: { $0.scalar == nil && !isCall($0) }) {
            return gets("\(kind(other)) among them", at: other)
        }
        // Fn::Join and Fn::Select read their second item as a list.
        if call.name == .join || call.name == .select, items[1].scalar != nil, !isCall(items[1]) {
            return gets("\(kind(items[1])) for the list", at: items[1])
        }
        return nil
    }

    /// The shape each function takes, in words, and how many items its
    /// list has; nil for functions whose argument is not judged.
    static func takes(_ name: IntrinsicName) -> (String, ClosedRange<Int>)? {
        switch name {
        case .ref: ("a name", 0...0)
        case .condition: ("a condition name", 0...0)
        case .getAtt: ("'Resource.Attribute' or [Resource, Attribute]", 2...2)
        case .sub: ("a string, or a list of a string and a mapping of variables", 2...2)
        case .join: ("a delimiter and a list of values", 2...2)
        case .select: ("an index and a list", 2...2)
        case .split: ("a delimiter and a string", 2...2)
        case .if: ("a condition name, a value if true and a value if false", 3...3)
        case .findInMap: ("a map name, a top-level key and a second-level key", 3...4)
        case .cidr: ("an address block, a count and the subnet mask bits", 3...3)
        case .equals: ("two strings to compare", 2...2)
        case .and, .or: ("from 2 to 10 conditions", 2...10)
        case .not: ("a list of one condition", 1...1)
        case .base64, .getAZs, .importValue: ("a string or a function", 0...0)
        case .transform, .toJsonString, .length: nil
        }
    }

    /// True for a function call: a known intrinsic function, or a one-key
    /// mapping named like one (`Fn::GetStackOutput`, a macro's function).
    static func isCall(_ node: Node) -> Bool {
        if node.intrinsic != nil { return true }
        guard let entries = node.mapping, entries.count == 1, let key = entries[0].name else { return false }
        return key.hasPrefix("Fn::")
    }

    /// A node's kind, in words.
    static func kind(_ node: Node) -> String {
        if let call = node.intrinsic { return "the result of \(call.name.rawValue)" }
        switch node.content {
        case .scalar(let scalar): return scalar.isNull ? "nothing" : "a string"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// The malformed calls in a node and below it, for the parts of a
    /// template the reference walk does not visit. A malformed call's own
    /// argument is not searched further: one finding per broken call.
    static func problems(in node: Node, path: inout [PathElement], into found: inout [MalformedCall]) {
        if let call = node.intrinsic, let problem = problem(call) {
            found.append(MalformedCall(message: problem.message, range: (problem.item ?? node).range, path: path))
            return
        }
        switch node.content {
        case .scalar: break
        case .sequence(let items):
            for (i, item) in items.enumerated() {
                path.append(.index(i))
                problems(in: item, path: &path, into: &found)
                path.removeLast()
            }
        case .mapping(let entries):
            for entry in entries {
                path.append(.key(entry.name ?? "?"))
                problems(in: entry.value, path: &path, into: &found)
                path.removeLast()
            }
        }
    }
}

/// An intrinsic function called with an argument of the wrong shape.
public struct MalformedCall: Sendable {
    public var message: String
    /// The item that is wrong, or the call.
    public var range: SourceRange
    /// To the call.
    public var path: [PathElement]
}
