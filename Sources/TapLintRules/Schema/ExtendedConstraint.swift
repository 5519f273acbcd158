import TapLintCore

/// A resource breaks a constraint that cfn-lint's extension schemas add to
/// the registry schemas.
public struct ExtendedConstraint: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH013", name: "extended-constraint", category: .schema, severity: .error,
        summary: "A property breaks a rule between properties or a list of offered values that the registry schemas leave out (cfn-lint's extension schemas).",
        rationale: """
        The registry schemas describe each property alone. Services also enforce rules \
        between them: `ProvisionedThroughput` only with `BillingMode: PROVISIONED`, no \
        `TTL` on an alias record, a certificate for an HTTPS listener, a CloudWatch \
        alarm period of 10, 30 or a multiple of 60; and they accept only the instance \
        types they offer. cfn-lint writes these down as extension schemas; taplint \
        carries the ones that need nothing but the resource itself (the catalog's \
        header lists the rest) and reports what is certain from the template's text: \
        a value computed at deploy time leaves a rule undecided. An instance type no \
        region offers is an error when it is close to one that exists, and a warning \
        otherwise, since it may be newer than the catalog. cfn-lint's warnings (W…) \
        are warnings here too; cfn-lint's suppressions of its rule ids apply.
        """,
        fix: "change the property, or the one it depends on, as the message says",
        triggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ↓ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0123456789abcdef0
                  InstanceType: ↓t3.micros
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  ComparisonOperator: GreaterThanThreshold
                  EvaluationPeriods: 1
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Threshold: 1
                  Period: ↓90
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Mode:
                Type: String
                AllowedValues: [PAY_PER_REQUEST, PROVISIONED]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: !Ref Mode
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  ProvisionedThroughput: {ReadCapacityUnits: 5, WriteCapacityUnits: 5}
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-0123456789abcdef0
                  InstanceType: t3.micro
              Alarm:
                Type: AWS::CloudWatch::Alarm
                Properties:
                  ComparisonOperator: GreaterThanThreshold
                  EvaluationPeriods: 1
                  MetricName: Errors
                  Namespace: AWS/Lambda
                  Statistic: Sum
                  Threshold: 1
                  Period: 120
            """,
        ],
        references: ["https://github.com/aws-cloudformation/cfn-lint/tree/main/src/cfnlint/data/schemas/extensions"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else { return [] }
        let check = ExtensionCheck()
        var found: [(violation: Violation, rule: String, object: [PathElement], allTraffic: Bool)] = []
        var byType: [String: [CatalogExtension]] = [:]  // one catalog lookup per type, not per resource
        for resource in template.resources {
            guard let type = resource.type, let properties = resource.properties, properties.mapping != nil else { continue }
            let extensions = byType[type] ?? CatalogExtension.all(for: type)
            byType[type] = extensions
            if extensions.isEmpty { continue }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            let judged = type.hasPrefix("AWS::RDS::") ? Self.engineInLowerCase(properties) : properties
            for constraint in extensions {
                for (node, path) in Self.nodes(at: constraint.path[...], in: judged, path: base) {
                    for failure in check.failures(constraint.schema, node, path: path) {
                        let severity: Severity = failure.mayBeNew ? .warning
                            : constraint.rule.hasPrefix("W") ? .warning : constraint.rule.hasPrefix("I") ? .info : .error
                        let message = "\(resource.name): \(failure.detail) (\(constraint.summary), cfn-lint \(constraint.rule))"
                            + (failure.mayBeNew ? "; if it is newer than taplint's catalog (\(Catalog.provenance)), suppress this" : "")
                        found.append((Violation(at: failure.node.valueRange, path: failure.path, message: message, severity: severity),
                                      constraint.rule, path, Self.takesAllTraffic(node)))
                    }
                }
            }
        }
        return Self.withoutContradictions(found)
    }

    /// cfn-lint's rules about a security group rule's ports: ports by
    /// protocol (E3687), both or neither -1 (E3688), and no ports for a
    /// protocol that has none (W3687).
    static let portRules: Set<String> = ["E3687", "E3688", "W3687"]

    /// `IpProtocol: -1` with its ports left out or -1: every protocol on
    /// every port, said consistently. (Ports that look like a narrowing,
    /// `FromPort: 443`, are ignored by EC2, which W3687 still says.)
    static func takesAllTraffic(_ rule: Node) -> Bool {
        guard rule["IpProtocol"]?.scalar?.value == "-1" else { return false }
        return ["FromPort", "ToPort"].allSatisfy { port in rule[port].map { $0.scalar?.value == "-1" } ?? true }
    }

    /// Two findings on one place never give opposite advice: the port rules
    /// do not apply to a rule for all traffic on all ports, and where a
    /// protocol takes no ports (W3687) the rules that ask for ports (E3687,
    /// E3688) yield to it.
    static func withoutContradictions(_ found: [(violation: Violation, rule: String, object: [PathElement], allTraffic: Bool)])
        -> [Violation] {
        let portless = Set(found.filter { $0.rule == "W3687" || $0.allTraffic }.map(\.object))
        return found.compactMap { item in
            guard portRules.contains(item.rule) else { return item.violation }
            if item.allTraffic { return nil }
            if item.rule != "W3687", portless.contains(item.object) { return nil }
            return item.violation
        }
    }

    /// The nodes a constraint's path reaches: names step into mappings, `*`
    /// into every item of a list; a computed value on the way ends it.
    static func nodes(at path: ArraySlice<String>, in node: Node, path at: [PathElement]) -> [(Node, [PathElement])] {
        guard let step = path.first else { return [(node, at)] }
        if step == "*" {
            return (node.sequence ?? []).enumerated().flatMap { i, item in nodes(at: path.dropFirst(), in: item, path: at + [.index(i)]) }
        }
        guard let child = node[step] else { return [] }
        return nodes(at: path.dropFirst(), in: child, path: at + [.key(step)])
    }

    /// RDS reads engine names without regard to case (`MySQL` is `mysql`),
    /// and so do cfn-lint's RDS rules; the schemas write them in lower case.
    static func engineInLowerCase(_ properties: Node) -> Node {
        guard let entries = properties.mapping, let engine = properties.entry("Engine"), let scalar = engine.value.scalar,
              scalar.value != scalar.value.lowercased() else { return properties }
        let lowered = Node(.scalar(Scalar(scalar.value.lowercased(), style: scalar.style)), tag: engine.value.tag,
                           range: engine.value.range)
        return Node(.mapping(entries.map { $0.name == "Engine" ? Entry(key: $0.key, value: lowered) : $0 }),
                    tag: properties.tag, range: properties.range)
    }
}
