import TapLintCore

/// What may be typed at the cursor, read from the text before it on its
/// line and the template around it: resource types after `Type:`, logical
/// ids in `Ref`, `GetAtt` and `DependsOn` (SAM's generated names too),
/// `GetAtt` attributes after `Name.`, condition names, a property's allowed
/// values after its key, and a resource's property names from its schema,
/// required ones first.
enum Completion {
    struct Item {
        var label: String
        /// LSP's completion item kinds: 7 class, 10 property, 6 variable, 5 field, 20 enum member, 21 constant.
        var kind: Int
        var detail: String?
        var sortText: String?
    }

    static func items(before prefix: String, lines: [Substring], line: Int, template: Template?) -> [Item] {
        let trimmed = prefix.drop { $0 == " " || $0 == "-" }
        if trimmed.hasPrefix("Type:") {
            return Catalog.typeNames.map { Item(label: $0, kind: 7) }
        }
        guard let template else { return [] }
        if let range = prefix.ranges(of: "!GetAtt ").last ?? prefix.ranges(of: "Fn::GetAtt: ").last {
            let typed = prefix[range.upperBound...]
            if let dot = typed.firstIndex(of: ".") {
                let name = String(typed[..<dot])
                let type = template.resource(named: name)?.type ?? template.generatedResource(named: name)?.type
                return (type.flatMap(Catalog.type(named:))?.attributes ?? []).filter { $0 != "*" }.map { Item(label: $0, kind: 5) }
            }
            return resources(template)
        }
        if prefix.hasSuffix("!Ref ") || prefix.hasSuffix("Ref: ") {
            return resources(template) + template.parameters.map { Item(label: $0.name, kind: 6, detail: $0["Type"]?.string) }
                + PseudoParameters.all.sorted().map { Item(label: $0, kind: 21) }
        }
        if trimmed.hasPrefix("DependsOn:") || (prefix.hasSuffix("- ") && enclosingKey(lines, line) == "DependsOn") {
            return resources(template)
        }
        if trimmed.hasPrefix("Condition:") || prefix.hasSuffix("!If [") || prefix.hasSuffix("!Condition ") {
            return template.conditions.map { Item(label: $0.name, kind: 21, detail: "condition") }
        }
        // After a property's key: the values its schema allows.
        if prefix.hasSuffix(": "), let key = trimmed.split(separator: ":").first, trimmed.hasSuffix(": "),
           key.allSatisfy({ $0.isLetter || $0.isNumber }) {
            let column = prefix.count - trimmed.count + 1
            let allowed = PropertyHover.allowedValues(at: SourcePosition(line: line + 1, column: column), in: template)
            if !allowed.isEmpty { return allowed.map { Item(label: $0, kind: 20) } }
        }
        // A key under a resource's Properties: its schema's properties not yet written.
        if trimmed.allSatisfy({ $0.isLetter || $0.isNumber }), let (resource, written) = properties(at: line, lines: lines, template: template),
           let type = resource.type.flatMap(Catalog.type(named:)) {
            let required = Set(type.properties.required)
            return type.properties.properties.keys.sorted().filter { !written.contains($0) }.map { name in
                Item(label: name, kind: 10, detail: required.contains(name) ? "required" : nil,
                     sortText: (required.contains(name) ? "0" : "1") + name)
            }
        }
        return []
    }

    private static func resources(_ template: Template) -> [Item] {
        template.resources.map { Item(label: $0.name, kind: 7, detail: $0.type) }
            + template.generated.filter { !$0.hashed }.map { Item(label: $0.name, kind: 7, detail: $0.type + " (SAM)") }
    }

    private static func indentation(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    /// The key of the nearest line above, less indented than this one.
    private static func enclosingKey(_ lines: [Substring], _ line: Int) -> String? {
        guard line < lines.count else { return nil }
        let own = indentation(lines[line])
        for above in lines[..<line].reversed() where !above.allSatisfy({ $0 == " " }) && indentation(above) < own {
            return above.drop { $0 == " " || $0 == "-" }.split(separator: ":", maxSplits: 1).first.map { String($0).trimmingSpaces }
        }
        return nil
    }

    /// The resource whose `Properties` mapping holds this line directly,
    /// and the property names it already has.
    private static func properties(at line: Int, lines: [Substring], template: Template) -> (Resource, Set<String>)? {
        guard line < lines.count, enclosingKey(lines, line) == "Properties" else { return nil }
        let own = indentation(lines[line])
        guard let propertiesLine = lines[..<line].lastIndex(where: { $0.drop { $0 == " " }.hasPrefix("Properties:") && indentation($0) < own }),
              let resourceLine = lines[..<propertiesLine].lastIndex(where: { indentation($0) < indentation(lines[propertiesLine])
                  && !$0.allSatisfy { $0 == " " } }) else { return nil }
        let name = lines[resourceLine].drop { $0 == " " }.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        guard let resource = template.resource(named: name) else { return nil }
        return (resource, Set(resource.properties?.mapping?.compactMap(\.name) ?? []))
    }
}
