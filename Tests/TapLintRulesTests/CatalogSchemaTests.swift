import Testing
import TapLintCore
@testable import TapLintRules

/// Properties of the schema engine over the whole catalog, with values
/// built from the schemas themselves rather than written by hand.
@Suite struct CatalogSchemaTests {
    /// Every type in the catalog, parsed once for the suite.
    static let types: [ResourceType] = Catalog.typeNames.compactMap { Catalog.type(named: $0) }

    /// For every union (oneOf/anyOf) in the catalog, a valid value of each
    /// branch draws no problem; and where a branch is closed, the same value
    /// with a property only another branch has draws exactly one.
    @Test func everyUnionBranchAcceptsItsOwnValues() throws {
        var branches = 0, mixed = 0
        for type in Self.types {
            for (name, shapes) in type.unions.sorted(by: { $0.key < $1.key }) {
                for (i, shape) in shapes.enumerated() {
                    var builder = ValueBuilder(type: type)
                    guard let text = builder.value(shape) else { continue }
                    let node = try #require(YAMLParser.parse(Array(text.utf8)).root, "\(text)")
                    let problems = SchemaCheck.problems(of: node, shape: .union(name), in: type).filter(\.isShapeProblem)
                    #expect(problems.isEmpty, "\(type.name) \(name) branch \(i + 1): \(text) → \(problems.map(\.kind))")
                    branches += 1

                    // Exclusive branches (closed objects): add a property that
                    // another branch has, and that no branch takes beside these.
                    let objects = shapes.compactMap { shape -> ObjectShape? in
                        guard case .object(let name) = shape else { return nil }
                        return type.definitions[name]
                    }
                    guard objects.count == shapes.count, objects.allSatisfy({ !$0.isOpen }),
                          let present = node.mapping?.compactMap(\.name) else { continue }
                    let foreign = objects.enumerated().filter { $0.offset != i }.lazy.compactMap { other in
                        other.element.properties.sorted { $0.key < $1.key }.first { candidate in
                            objects[i].properties[candidate.key] == nil && !objects.contains { branch in
                                (present + [candidate.key]).allSatisfy { branch.properties[$0] != nil }
                            }
                        }
                    }.first
                    guard let (extra, extraShape) = foreign, let extraValue = builder.value(extraShape) else { continue }
                    let combined = "{" + ([text.dropFirst().dropLast()].filter { !$0.isEmpty }.map(String.init)
                        + ["\"\(extra)\": \(extraValue)"]).joined(separator: ", ") + "}"
                    let both = try #require(YAMLParser.parse(Array(combined.utf8)).root)
                    let found = SchemaCheck.problems(of: both, shape: .union(name), in: type).filter(\.isShapeProblem)
                    #expect(found.count == 1, "\(type.name) \(name): \(combined) → \(found.map(\.kind))")
                    mixed += 1
                }
            }
        }
        // The catalog has about two hundred unions; a generator change that
        // lost them would otherwise pass here by testing nothing.
        #expect(branches > 300, "\(branches) branches checked")
        #expect(mixed > 100, "\(mixed) mixed values checked")
    }

    /// Every record is found where the index says, whole: a catalog text
    /// the compiler reads differently (an escape in a raw string) shifts
    /// every record after it.
    @Test func everyTypeReadsAsItself() {
        let names = Catalog.typeNames
        #expect(names.count > 1400)
        for (name, type) in zip(names, names.map { Catalog.type(named: $0) }) {
            #expect(type?.name == name, "\(name) reads as \(type?.name ?? "nothing")")
        }
    }

    /// A property that is create-only is one the author sets; the catalog
    /// must keep it even when the schema also lists it as read-only
    /// (SageMaker's EndpointName, Signer's ProfileName).
    @Test func createOnlyPropertiesAreSettable() {
        var checked = 0
        for type in Self.types where !type.name.hasPrefix("AWS::Serverless::") {
            for path in type.createOnly {
                let name = String(path.prefix { $0 != "/" })
                #expect(type.properties.properties[name] != nil, "\(type.name).\(path) is create-only but not settable")
                checked += 1
            }
        }
        #expect(checked > 1000)
        let endpoint = Catalog.type(named: "AWS::SageMaker::Endpoint")
        #expect(endpoint?.properties.properties["EndpointName"] != nil)
        #expect(endpoint?.properties.properties["EndpointArn"] == nil, "read-only alone is an output, not a property")
    }

    /// What the change gate knows of each type: the reviewed list of types
    /// that hold data names only types the catalog has, and the physical
    /// name and create-only paths read from the schemas.
    @Test func changeKnowledgeIsThere() throws {
        let holding = Catalog.typeNames.filter { Catalog.type(named: $0)?.holdsData == true }
        #expect(holding.count == 35, "\(holding)")
        for name in ["AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::RDS::DBInstance", "AWS::SQS::Queue", "AWS::Logs::LogGroup"] {
            #expect(holding.contains(name), "\(name) holds data")
        }
        #expect(Catalog.type(named: "AWS::Lambda::Function")?.holdsData == false)
        let table = try #require(Catalog.type(named: "AWS::DynamoDB::Table"))
        #expect(table.nameProperty == "TableName")
        #expect(table.createOnly.contains("KeySchema"), "the template reference: KeySchema requires replacement")
        #expect(Catalog.type(named: "AWS::SQS::Queue")?.createOnly.contains("FifoQueue") == true)
        #expect(Catalog.type(named: "AWS::RDS::DBInstance")?.nameProperty == "DBInstanceIdentifier")
        let nested = Self.types.flatMap(\.createOnly).filter { $0.contains("/") }
        #expect(nested.count > 50, "nested create-only paths are kept")
        #expect(Self.types.contains { !$0.conditionallyCreateOnly.isEmpty })
    }
}

/// Builds the smallest valid value of a shape, as flow-style YAML: every
/// required property, the first of each required-one-of group.
struct ValueBuilder {
    let type: ResourceType
    private var depth = 0

    init(type: ResourceType) {
        self.type = type
    }

    /// nil when the shape nests deeper than a value should.
    mutating func value(_ shape: Shape) -> String? {
        guard depth < 24 else { return nil }
        depth += 1
        defer { depth -= 1 }
        switch shape {
        case .string, .anything: return "\"x\""
        case .network(let version): return version == 4 ? "\"10.0.0.0/16\"" : "\"2001:db8::/32\""
        case .integer: return "1"
        case .number: return "1.5"
        case .boolean: return "true"
        case .anyObject: return "{}"
        case .list(let item): return value(item).map { "[\($0)]" }
        case .map(let item): return value(item).map { "{\"k\": \($0)}" }
        case .oneOf(let kinds): return kinds.contains("o") ? "{}" : kinds.contains("l") ? "[]" : "\"x\""
        case .union(let name): return type.unions[name]?.first.flatMap { value($0) }
        case .constrained(let number, let inner):
            // Values that meet the constraint where that is easy; patterns
            // are not generated (the union test leaves value problems out).
            guard let constraint = type.constraints[number] else { return value(inner) }
            if let first = constraint.allowed.first { return "\"\(first)\"" }
            if let minimum = constraint.minimum ?? constraint.exclusiveMinimum.map({ $0 + 1 }) { return "\(Int(minimum))" }
            if let minItems = constraint.minItems, case .list(let item) = inner, let one = value(item) {
                return "[" + Array(repeating: one, count: max(1, minItems)).joined(separator: ", ") + "]"
            }
            if let minLength = constraint.minLength, case .string = inner {
                return "\"" + String(repeating: "x", count: max(1, minLength)) + "\""
            }
            return value(inner)
        case .object(let name):
            guard let object = type.definitions[name] else { return "{}" }
            var names = object.required
            for group in object.requiredOneOf where !group.contains(where: names.contains) {
                if let first = group.first { names.append(first) }
            }
            var members: [String] = []
            for name in names {
                guard let shape = object.properties[name], let member = value(shape) else { return nil }
                members.append("\"\(name)\": \(member)")
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }
}

extension SchemaCheck.Problem {
    /// A problem of shape (names, kinds, required properties), not of a
    /// value's constraints, which the union test's made-up values may break.
    var isShapeProblem: Bool {
        if case .invalidValue = kind { return false }
        return true
    }
}
