import TapLintCore

/// What the schema says of the property under the cursor: its shape and
/// its constraints, found by following the resource's properties from the
/// key the cursor is on up to the resource.
enum PropertyHover {
    /// A property found at a key: where, its shape, and whether it is required.
    struct Found {
        var path: String
        var shape: Shape?
        var required: Bool
        var type: ResourceType
    }

    static func text(at position: SourcePosition, in template: Template) -> String? {
        guard let found = find(at: position, in: template) else { return nil }
        guard let shape = found.shape else { return "`\(found.path)`: not a property of `\(found.type.name)`" }
        return "`\(found.path)`: " + words(shape, found.type) + (found.required ? " (required)" : "")
    }

    /// The values the property at this key allows (its schema's enum), for completion.
    static func allowedValues(at position: SourcePosition, in template: Template) -> [String] {
        guard let found = find(at: position, in: template), var shape = found.shape else { return [] }
        while true {
            switch shape {
            case .constrained(let number, let wrapped):
                if let allowed = found.type.constraints[number]?.allowed, !allowed.isEmpty { return allowed }
                shape = wrapped
            case .list(let item): shape = item
            default: return []
            }
        }
    }

    /// The property whose key is at `position`, following the resource's
    /// properties through nested objects and list items.
    static func find(at position: SourcePosition, in template: Template) -> Found? {
        for resource in template.resources {
            guard let properties = resource.properties, properties.range.start <= position, position <= properties.range.end,
                  let typeName = resource.type, let type = Catalog.type(named: typeName) else { continue }
            return find(in: properties, object: type.properties, type: type, at: position, path: resource.name)
        }
        return nil
    }

    private static func find(in node: Node, object: ObjectShape, type: ResourceType, at position: SourcePosition,
                             path: String) -> Found? {
        for entry in node.mapping ?? [] {
            guard let name = entry.name else { continue }
            let shape = object.properties[name]
            if entry.key.range.start <= position, position <= entry.key.range.end {
                return Found(path: path + "." + name, shape: shape, required: object.required.contains(name), type: type)
            }
            guard entry.value.range.start <= position, position <= entry.value.range.end, let shape else { continue }
            var inner = shape
            while true {
                switch inner {
                case .constrained(_, let wrapped), .list(let wrapped), .map(let wrapped): inner = wrapped; continue
                default: break
                }
                break
            }
            guard let nested = type.object(inner) else { return nil }
            let items = entry.value.sequence ?? [entry.value]
            for item in items where item.range.start <= position && position <= item.range.end {
                return find(in: item, object: nested, type: type, at: position, path: path + "." + name)
            }
        }
        return nil
    }

    /// A shape in words, with its constraint.
    static func words(_ shape: Shape, _ type: ResourceType) -> String {
        switch shape {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .boolean: "a boolean"
        case .network(let version): "an IPv\(version) address block (CIDR)"
        case .anyObject: "an object"
        case .anything, .oneOf: "a value of several kinds"
        case .object(let name): "an object (`\(name)`)"
        case .union: "one of several shapes"
        case .list(let item): "a list of " + words(item, type).replacing("a ", with: "", maxReplacements: 1) + "s"
        case .map(let value): "a map of " + words(value, type)
        case .constrained(let number, let wrapped): words(wrapped, type) + constraint(type.constraints[number])
        }
    }

    private static func constraint(_ constraint: ValueConstraint?) -> String {
        guard let constraint else { return "" }
        var parts: [String] = []
        if !constraint.allowed.isEmpty { parts.append("one of " + constraint.allowed.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
                                                      + (constraint.allowed.count > 12 ? ", …" : "")) }
        if let minimum = constraint.minimum { parts.append("at least \(minimum.formatted)") }
        if let maximum = constraint.maximum { parts.append("at most \(maximum.formatted)") }
        if let minLength = constraint.minLength { parts.append("\(minLength) characters or more") }
        if let maxLength = constraint.maxLength { parts.append("\(maxLength) characters or fewer") }
        if let pattern = constraint.pattern { parts.append("matching `\(pattern)`") }
        if let minItems = constraint.minItems { parts.append("\(minItems) items or more") }
        if let maxItems = constraint.maxItems { parts.append("\(maxItems) items or fewer") }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }
}

private extension Double {
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
