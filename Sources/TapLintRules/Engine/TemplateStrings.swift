import TapLintCore

/// A string the template builds, as far as it can be read without deploying:
/// literal text, with `${Name}` standing for each part only known at deploy
/// time (a parameter, a pseudo parameter, an attribute).
public struct BuiltString: Sendable {
    public var text: String
    /// The resource whose properties hold it.
    public var resource: String
    /// Where it is, from the template's root.
    public var path: [PathElement]
    /// What a finding about it points at: the property key that holds it,
    /// or the list item itself.
    public var range: SourceRange
    /// The intrinsic-function node or scalar that produces it.
    public var node: Node

    /// `Resource.Property.Path`, the way messages name the place
    /// (`Resource.Properties.X` reads better as `Resource.X`).
    public var place: String {
        let inner = Array(path.dropFirst(2)).beforeIntrinsic.dotted
        if inner.hasPrefix("Properties.") { return resource + "." + inner.dropFirst("Properties.".count) }
        return inner.isEmpty ? resource : resource + "." + inner
    }
}

/// Every string built in the resources' properties: scalars, `Fn::Sub`
/// and `Fn::Join` (with a literal delimiter), in every `Fn::If` branch.
public enum TemplateStrings {
    /// The strings that contain one of `needles`. Rules look for a few
    /// markers (`arn:`, a domain); keeping only those strings spares
    /// recording every scalar of a large template.
    public static func all(in template: Template, containing needles: [StaticString]) -> [BuiltString] {
        var walker = Walker(needles: needles)
        for resource in template.resources {
            guard let properties = resource.properties, let key = resource.body.entry("Properties")?.key else { continue }
            walker.path = [.key("Resources"), .key(resource.name), .key("Properties")]
            walker.walk(properties, key: key, resource: resource.name)
        }
        return walker.found
    }

    private struct Walker {
        let needles: [StaticString]
        var found: [BuiltString] = []
        /// A stack: each level pushes its step and pops it on the way out,
        /// so only the strings kept copy it.
        var path: [PathElement] = []

        mutating func walk(_ node: Node, key: Node, resource: String) {
            let call = node.intrinsic
            // A needle is in an Fn::Sub's text only if it is in its template
            // (`${!…}` escapes hold no needle); most Subs need no parsing.
            if let call, call.name == .sub, let raw = SubCall.templateString(of: call.argument),
               !needles.contains(where: raw.containsBytes) {
                return
            }
            if let text = if let call { build(call) } else { node.string } {
                if needles.contains(where: text.containsBytes) {
                    found.append(BuiltString(text: text, resource: resource, path: path, range: key.range, node: node))
                }
                return
            }
            guard let call else { return walkChildren(of: node, resource: resource) }
            path.append(.key(call.name.rawValue))
            defer { path.removeLast() }
            if call.name == .if, let items = call.argument.sequence, items.count == 3 {
                for i in 1...2 {
                    path.append(.index(i))
                    walk(items[i], key: key, resource: resource)
                    path.removeLast()
                }
            } else {
                walk(call.argument, key: key, resource: resource)
            }
        }

        private mutating func walkChildren(of node: Node, resource: String) {
            switch node.content {
            case .scalar: break
            case .sequence(let items):
                for (i, item) in items.enumerated() {
                    path.append(.index(i))
                    walk(item, key: item, resource: resource)
                    path.removeLast()
                }
            case .mapping(let entries):
                for entry in entries {
                    path.append(.key(entry.name ?? "?"))
                    walk(entry.value, key: entry.key, resource: resource)
                    path.removeLast()
                }
            }
        }
    }

    /// The text a node builds, or nil when it is not a string.
    static func build(_ node: Node) -> String? {
        if let text = node.string { return text }
        guard let call = node.intrinsic else { return nil }
        return build(call)
    }

    /// The text a call builds, or nil when it builds no string.
    static func build(_ call: Intrinsic) -> String? {
        switch call.name {
        case .sub:
            return SubCall(call.argument)?.text.literalText
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let parts = items[1].sequence else { return nil }
            return parts.map { part in build(part) ?? placeholder(part) }.joined(separator: delimiter)
        default:
            return nil
        }
    }

    /// `${Name}` for a Ref, `${Name.Attr}` for a GetAtt, `${?}` otherwise.
    static func placeholder(_ node: Node) -> String {
        guard let call = node.intrinsic else { return "${?}" }
        switch call.name {
        case .ref: return "${\(call.argument.string ?? "?")}"
        case .getAtt:
            guard let target = GetAttTarget(call.argument) else { return "${?}" }
            return "${\(target.resource).\(target.attribute ?? "?")}"
        default: return "${?}"
        }
    }
}
