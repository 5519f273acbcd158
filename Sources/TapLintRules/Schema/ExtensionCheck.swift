import TapLintCore

/// Judges a template's value against one of cfn-lint's extension schemas,
/// in the subset of JSON Schema they are written in (`if`/`then`/`else`,
/// `properties`, `required`, `const`, `enum`, `not`, `allOf`/`anyOf`/
/// `oneOf`, `pattern`, numeric bounds, item counts).
///
/// Values computed at deploy time (a `Ref`, `Fn::If`, any function) are
/// neither right nor wrong: a condition over one is undecided, and an
/// undecided `if` applies neither branch. Only what is certain from the
/// text is reported.
struct ExtensionCheck {
    enum Truth {
        case yes, no, unknown

        /// `and` over what `truth` gives each element, stopping at the first no.
        static func all<S: Sequence>(_ elements: S, _ truth: (S.Element) -> Truth) -> Truth {
            var result = Truth.yes
            for element in elements {
                switch truth(element) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: break
                }
            }
            return result
        }

        var negated: Truth {
            switch self {
            case .yes: .no
            case .no: .yes
            case .unknown: .unknown
            }
        }
    }

    /// One broken constraint: where, and what in words.
    struct Failure {
        var node: Node
        var path: [PathElement]
        var detail: String
        /// An open list of values (the instance types some region offers)
        /// that may simply be older than the value: no close match.
        var mayBeNew = false
    }

    // MARK: Whether a value satisfies a schema

    func holds(_ schema: Node, _ value: Node) -> Truth {
        if let verdict = schema.scalar?.boolValue { return verdict ? .yes : .no }
        guard let keywords = schema.mapping else { return .unknown }
        if Self.isComputed(value) { return .unknown }
        return Truth.all(keywords) { holds(keyword: $0.name ?? "", $0.value, value, in: schema) }
    }

    private func holds(keyword: String, _ argument: Node, _ value: Node, in schema: Node) -> Truth {
        switch keyword {
        case "type": return isType(argument, value)
        case "const": return isOneOf([argument], value)
        case "enum": return isOneOf(argument.items, value)
        case "pattern":
            guard let text = value.scalar?.value, let pattern = argument.string else { return value.scalar == nil ? .yes : .unknown }
            guard SchemaPattern.isSupported(pattern) else { return .unknown }
            return SchemaPattern.matches(pattern, text) ? .yes : .no
        case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
            guard let bound = argument.scalar.flatMap({ Double($0.value) }) else { return .unknown }
            guard let scalar = value.scalar else { return .yes }  // bounds apply to numbers only
            guard let number = Double(scalar.value.trimmingSpaces) else { return .unknown }
            switch keyword {
            case "minimum": return number >= bound ? .yes : .no
            case "maximum": return number <= bound ? .yes : .no
            case "exclusiveMinimum": return number > bound ? .yes : .no
            case "exclusiveMaximum": return number < bound ? .yes : .no
            default: return bound != 0 && (number / bound).rounded() == number / bound ? .yes : .no
            }
        case "minItems", "maxItems":
            guard let items = value.sequence else { return .yes }
            guard let bound = argument.scalar.flatMap({ Int($0.value) }) else { return .unknown }
            if items.contains(where: { $0.intrinsic != nil }) { return .unknown }
            return (keyword == "minItems" ? items.count >= bound : items.count <= bound) ? .yes : .no
        case "items":
            guard let items = value.sequence else { return .yes }
            return Truth.all(items) { holds(argument, $0) }
        case "required":
            guard value.mapping != nil else { return .yes }
            return Truth.all(argument.items) { name in name.string.map { presence(of: $0, in: value) } ?? .yes }
        case "properties":
            guard value.mapping != nil else { return .yes }
            return Truth.all(argument.mapping ?? []) { property -> Truth in
                guard let name = property.name, let entry = value.entry(name) else { return .yes }
                if Node.isNoValue(entry.value) { return .yes }
                if property.value.scalar?.boolValue == false { return presence(of: name, in: value) == .yes ? .no : .unknown }
                return holds(property.value, entry.value)
            }
        case "additionalProperties":
            guard argument.scalar?.boolValue == false, let entries = value.mapping else { return .yes }
            let named = Set((schema["properties"]?.mapping ?? []).compactMap(\.name))
            return entries.allSatisfy { named.contains($0.name ?? "") } ? .yes : .no
        case "not": return holds(argument, value).negated
        case "allOf": return Truth.all(argument.items) { holds($0, value) }
        case "anyOf":
            let results = argument.items.map { holds($0, value) }
            return results.contains(.yes) ? .yes : results.allSatisfy { $0 == .no } ? .no : .unknown
        case "oneOf":
            let results = argument.items.map { holds($0, value) }
            if results.contains(.unknown) { return .unknown }
            return results.filter { $0 == .yes }.count == 1 ? .yes : .no
        case "if":
            switch holds(argument, value) {
            case .yes: return schema["then"].map { holds($0, value) } ?? .yes
            case .no: return schema["else"].map { holds($0, value) } ?? .yes
            case .unknown: return .unknown
            }
        default:
            // then/else are read with their `if`; description and x-open say nothing.
            return .yes
        }
    }

    /// A function, or a dynamic reference (`{{resolve:ssm:…}}`) that
    /// CloudFormation fills in at deploy time.
    static func isComputed(_ value: Node) -> Bool {
        if value.intrinsic != nil || value.tag != nil { return true }
        guard let text = value.scalar?.value else { return false }
        return text.containsBytes("{{") && text.containsBytes("resolve:")
    }

    /// Whether a mapping has a key: a value that may be AWS::NoValue leaves it open.
    private func presence(of name: String, in value: Node) -> Truth {
        guard let entry = value.entry(name) else { return .no }
        if Node.isNoValue(entry.value) { return .no }
        if let call = entry.value.intrinsic, call.name == .if { return .unknown }
        return .yes
    }

    /// Whether the value is of a type the argument names. A scalar is a
    /// string, and also a number, an integer or a boolean where its text
    /// reads as one: CloudFormation reads "5" as a number and 5 as a
    /// string where it must. Each kind is asked only if it is named.
    private func isType(_ argument: Node, _ value: Node) -> Truth {
        let names = argument.items.compactMap(\.string)
        if value.mapping != nil { return names.contains("object") ? .yes : .no }
        if value.sequence != nil { return names.contains("array") ? .yes : .no }
        guard let scalar = value.scalar else { return .unknown }
        let fits = names.contains("string")
            || (names.contains("number") && Double(scalar.value) != nil)
            || (names.contains("integer") && Int(scalar.value) != nil)
            || (names.contains("boolean") && scalar.boolValue != nil)
        return fits ? .yes : .no
    }

    /// A literal against schema constants: the same text, or for a plain
    /// (number or boolean) constant the same number or truth value.
    private func isOneOf(_ constants: [Node], _ value: Node) -> Truth {
        guard let actual = value.scalar else { return .no }
        if constants.contains(where: { $0.scalar?.value == actual.value }) { return .yes }
        let number = Double(actual.value.trimmingSpaces), flag = actual.boolValue
        guard number != nil || flag != nil else { return .no }
        for constant in constants {
            guard let expected = constant.scalar, expected.style == .plain else { continue }
            if let number, Double(expected.value) == number { return .yes }
            if let flag, expected.boolValue == flag { return .yes }
        }
        return .no
    }

    // MARK: What breaks a schema, in words

    /// The constraints `value` certainly breaks, with where each is.
    func failures(_ schema: Node, _ value: Node, path: [PathElement]) -> [Failure] {
        if Self.isComputed(value) { return [] }
        // `false` allows nothing: under an `if`, the combination it names is forbidden.
        if schema.scalar?.boolValue == false { return [Failure(node: value, path: path, detail: "this is not allowed")] }
        guard let keywords = schema.mapping else { return [] }
        var found: [Failure] = []
        for keyword in keywords {
            let argument = keyword.value
            switch keyword.name ?? "" {
            case "if":
                let condition = holds(argument, value)
                let branch = condition == .yes ? schema["then"] : condition == .no ? schema["else"] : nil
                guard let branch else { continue }
                let broken = failures(branch, value, path: path)
                if broken.isEmpty { continue }
                let context = condition == .yes ? Self.describe(argument, of: value)
                    : Self.describe(argument, of: value).map { "not (\($0))" }
                found += broken.map { failure in
                    var failure = failure
                    if let context { failure.detail = "when \(context), \(failure.detail)" }
                    return failure
                }
            case "allOf":
                for part in argument.items { found += failures(part, value, path: path) }
            case "properties":
                var forbidden: [Entry] = []
                for property in argument.mapping ?? [] {
                    guard let name = property.name, let entry = value.entry(name), !Node.isNoValue(entry.value) else { continue }
                    if property.value.scalar?.boolValue == false {
                        if presence(of: name, in: value) == .yes { forbidden.append(entry) }
                    } else {
                        found += failures(property.value, entry.value, path: path + [.key(name)])
                    }
                }
                // Properties that must not be set together are one finding, at the first.
                if let first = forbidden.min(by: { $0.key.range.start < $1.key.range.start }) {
                    let names = forbidden.compactMap(\.name)
                    found.append(Failure(node: first.key, path: path + [.key(first.name ?? "")],
                                         detail: "\(names.joined(separator: " and ")) must not be set"))
                }
            case "required":
                guard value.mapping != nil else { continue }
                let missing = argument.items.compactMap(\.string).filter { presence(of: $0, in: value) == .no }
                if !missing.isEmpty {
                    found.append(Failure(node: value, path: path, detail: "\(missing.joined(separator: " and ")) must be set"))
                }
            case "items":
                for (i, item) in (value.sequence ?? []).enumerated() { found += failures(argument, item, path: path + [.index(i)]) }
            case "enum", "const":
                guard holds(keyword: keyword.name ?? "", argument, value, in: schema) == .no, let text = value.scalar?.value else { continue }
                let allowed = argument.items.compactMap { $0.scalar?.value }
                let guess = Suggestion.closest(to: text, in: allowed)
                let detail = guess.map { "'\(text)' is not allowed; did you mean '\($0)'?" }
                    ?? (allowed.count <= 8 ? "'\(text)' is not one of \(allowed.joined(separator: ", "))"
                        : "'\(text)' is not among the \(allowed.count) values allowed")
                found.append(Failure(node: value, path: path, detail: detail,
                                     mayBeNew: guess == nil && schema["x-open"]?.scalar?.boolValue == true))
            case "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems":
                guard holds(keyword: keyword.name ?? "", argument, value, in: schema) == .no else { continue }
                let shown = value.scalar.map { "'\($0.value)'" } ?? "the list"
                found.append(Failure(node: value, path: path, detail: "\(shown) breaks \(keyword.name ?? "") \(argument.scalar?.value ?? "")"))
            case "not", "anyOf", "oneOf":
                guard holds(keyword: keyword.name ?? "", argument, value, in: schema) == .no else { continue }
                found.append(Failure(node: value, path: path, detail: "the combination is not allowed"))
            default:
                continue
            }
        }
        return found
    }

    /// An `if` in words, for the simple shapes the extension schemas use:
    /// `Engine is aurora-mysql`, `AliasTarget is set`. Nil for others.
    static func describe(_ condition: Node, of value: Node) -> String? {
        var parts: [String] = []
        let required = Set((condition["required"]?.items ?? []).compactMap(\.string))
        var described: Set<String> = []
        func values(_ node: Node?) -> String? {
            var seen: Set<String> = []
            let listed = (node?.items ?? []).compactMap { $0.scalar?.value }.filter { seen.insert($0).inserted }
            guard !listed.isEmpty else { return nil }
            return listed.count == 1 ? listed[0] : "one of \(listed.prefix(6).joined(separator: ", "))" + (listed.count > 6 ? ", …" : "")
        }
        for property in condition["properties"]?.mapping ?? [] {
            guard let name = property.name else { continue }
            let keys = Set((property.value.mapping ?? []).compactMap(\.name)).subtracting(["type"])
            if keys == ["const"], let constant = property.value["const"]?.scalar?.value {
                parts.append("\(name) is \(constant)")
            } else if keys == ["enum"], let listed = values(property.value["enum"]) {
                // The value itself says more than the list it is one of.
                if let actual = value[name]?.scalar?.value,
                   property.value["enum"]?.items.contains(where: { $0.scalar?.value == actual }) == true {
                    parts.append("\(name) is \(actual)")
                } else {
                    parts.append("\(name) is \(listed)")
                }
            } else if keys == ["not"], Set((property.value["not"]?.mapping ?? []).compactMap(\.name)) == ["enum"],
                      let listed = values(property.value["not"]?["enum"]) {
                parts.append("\(name) is not \(listed)")
            } else if keys.isEmpty, required.contains(name) {
                parts.append("\(name) is set")
            } else {
                return nil
            }
            described.insert(name)
        }
        for name in required.subtracting(described).sorted() { parts.append("\(name) is set") }
        if let negated = condition["not"]?["required"]?.items.compactMap(\.string) {
            parts += negated.map { "\($0) is not set" }
        }
        let known: Set<String> = ["properties", "required", "type", "not"]
        guard !parts.isEmpty, (condition.mapping ?? []).allSatisfy({ known.contains($0.name ?? "") }) else { return nil }
        if condition["not"] != nil, condition["not"]?["required"] == nil { return nil }
        return parts.joined(separator: " and ")
    }
}
