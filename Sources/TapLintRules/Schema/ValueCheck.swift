import TapLintCore

/// Judges a literal value against a schema's constraint, in words a finding
/// can use. Values computed at deploy time (functions, dynamic references)
/// are not judged.
enum ValueCheck {
    /// Each way `node` breaks `constraint`, with a fix where one is certain.
    static func problems(of node: Node, under constraint: ValueConstraint) -> [(String, String?)] {
        if let items = node.sequence { return listProblems(items, constraint) }
        guard let scalar = node.scalar, !scalar.isNull, node.tag == nil else { return [] }
        return problems(of: scalar.value, under: constraint)
    }

    /// Each way a scalar's text breaks `constraint`.
    static func problems(of text: String, under constraint: ValueConstraint) -> [(String, String?)] {
        // A dynamic reference ({{resolve:ssm:…}}, spaces allowed) is filled in at deploy time.
        if text.containsBytes("{{"), text.containsBytes("resolve:") { return [] }
        var found: [(String, String?)] = []
        if !constraint.allowed.isEmpty, !constraint.allows(text), !isAllowedNumber(text, constraint.allowed) {
            found.append(allowedProblem(text, constraint.allowed))
        }
        let bounded = constraint.minimum != nil || constraint.maximum != nil || constraint.exclusiveMinimum != nil
            || constraint.exclusiveMaximum != nil
        if bounded, let number = Double(text.trimmingSpaces) {
            if let minimum = constraint.minimum, number < minimum { found.append((range(text, constraint), nil)) }
            else if let maximum = constraint.maximum, number > maximum { found.append((range(text, constraint), nil)) }
            else if let minimum = constraint.exclusiveMinimum, number <= minimum { found.append((range(text, constraint), nil)) }
            else if let maximum = constraint.exclusiveMaximum, number >= maximum { found.append((range(text, constraint), nil)) }
        }
        // A scalar is one to four UTF-8 bytes, so the byte count alone
        // settles most lengths without counting.
        let bytes = text.utf8.count
        if bytes > constraint.maxLength ?? .max || bytes < 4 * (constraint.minLength ?? 0) {
            let length = text.scalarCount
            if let minLength = constraint.minLength, length < minLength {
                found.append(("'\(text)' is \(length) characters long; the schema allows at least \(minLength)", nil))
            } else if let maxLength = constraint.maxLength, length > maxLength {
                found.append(("the value is \(length) characters long; the schema allows at most \(maxLength)", nil))
            }
        }
        // An allowed value that fails the pattern is the schema's own inconsistency, not the author's.
        if found.isEmpty, let pattern = constraint.pattern, !SchemaPattern.matches(pattern, text) {
            found.append(("'\(text)' does not match the schema's pattern \(pattern)", nil))
        }
        return found
    }

    private static func listProblems(_ items: [Node], _ constraint: ValueConstraint) -> [(String, String?)] {
        var found: [(String, String?)] = []
        // A function inside a list may expand to several items (Fn::Split,
        // Fn::GetAZs) or none (Fn::If with AWS::NoValue); a Sub or Join
        // gives exactly one string.
        let counted = !items.contains { item in
            guard let call = item.intrinsic else { return item.tag != nil }
            return call.name != .sub && call.name != .join
        }
        if counted, let minItems = constraint.minItems, items.count < minItems {
            found.append(("the list has \(items.count) item\(items.count == 1 ? "" : "s"); the schema requires at least \(minItems)", nil))
        }
        if counted, let maxItems = constraint.maxItems, items.count > maxItems {
            found.append(("the list has \(items.count) items; the schema allows at most \(maxItems)", nil))
        }
        if constraint.uniqueItems {
            var seen = Set<String>()
            for item in items {
                guard let (text, condition) = literalItem(item) else { continue }
                if !seen.insert(condition + "\u{0}" + text).inserted {
                    found.append(("the list repeats '\(text)'; the schema requires unique items", "remove the repeated '\(text)'"))
                    break
                }
            }
        }
        return found
    }

    /// An item's literal text, with the condition it is there under: an
    /// `Fn::If` that gives a literal or nothing (`AWS::NoValue`) is that
    /// literal when its condition holds, so two such items on the same
    /// condition repeat.
    private static func literalItem(_ item: Node) -> (String, String)? {
        if item.intrinsic == nil, item.tag == nil, let text = item.scalar?.value { return (text, "") }
        // The same Fn::Sub text twice gives the same string twice.
        if let call = item.intrinsic, call.name == .sub, call.argument.intrinsic == nil, let text = call.argument.scalar?.value {
            return (text, "Fn::Sub")
        }
        guard let call = item.intrinsic, call.name == .if, let parts = call.argument.sequence, parts.count == 3,
              let condition = parts[0].string else { return nil }
        if Node.isNoValue(parts[2]), parts[1].intrinsic == nil, let text = parts[1].scalar?.value {
            return (text, condition + " true")
        }
        if Node.isNoValue(parts[1]), parts[2].intrinsic == nil, let text = parts[2].scalar?.value {
            return (text, condition + " false")
        }
        return nil
    }

    static func isAllowed(_ text: String, _ allowed: [String]) -> Bool {
        allowed.contains(text) || isAllowedNumber(text, allowed)
    }

    /// Numbers compare as numbers: `5`, `5.0` and "5" are one value.
    private static func isAllowedNumber(_ text: String, _ allowed: [String]) -> Bool {
        guard let number = Double(text.trimmingSpaces) else { return false }
        return allowed.contains { Double($0) == number }
    }

    private static func allowedProblem(_ text: String, _ allowed: [String]) -> (String, String?) {
        let numbers = allowed.compactMap(Double.init)
        if numbers.count == allowed.count, let number = Double(text.trimmingSpaces) {
            let sorted = zip(numbers, allowed).sorted { abs($0.0 - number) < abs($1.0 - number) }.prefix(2).map(\.1)
            return ("'\(text)' is not an allowed value; the closest are \(sorted.joined(separator: " and ")) "
                    + "(allowed: \(list(allowed)))", nil)
        }
        if let guess = Suggestion.closest(to: text, in: allowed) {
            return ("'\(text)' is not an allowed value; did you mean '\(guess)'?", "use '\(guess)'")
        }
        return ("'\(text)' is not an allowed value (allowed: \(list(allowed)))", nil)
    }

    private static func list(_ values: [String]) -> String {
        values.prefix(12).joined(separator: ", ") + (values.count > 12 ? ", … (\(values.count) in all)" : "")
    }

    private static func range(_ text: String, _ constraint: ValueConstraint) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        let low = constraint.minimum.map { "at least \(number($0))" } ?? constraint.exclusiveMinimum.map { "more than \(number($0))" }
        let high = constraint.maximum.map { "at most \(number($0))" } ?? constraint.exclusiveMaximum.map { "less than \(number($0))" }
        let bounds = [low, high].compactMap { $0 }.joined(separator: " and ")
        return "\(text.trimmingSpaces) is out of range; the schema allows \(bounds)"
    }
}
