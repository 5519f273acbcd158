import TapLintCore

/// A logical id CloudFormation rejects.
public struct InvalidLogicalID: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH008", name: "invalid-logical-id", category: .schema, severity: .error,
        summary: "A resource, parameter or output has a logical id that is not alphanumeric, or is longer than 255 characters.",
        rationale: """
        Logical ids may hold only the letters A–Z and a–z and the digits 0–9: \
        `orders_queue` or `orders-queue` fails validation when the stack is created, \
        although the YAML is fine and every reference to it resolves.
        """,
        fix: "rename it with letters and digits only (orders_queue → OrdersQueue), and every reference to it",
        triggering: [
            """
            Parameters:
              ↓env-name:
                Type: String
            Resources:
              ↓orders_queue:
                Type: AWS::SQS::Queue
            Outputs:
              ↓Queue.Url:
                Value: !Ref orders_queue
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              EnvName:
                Type: String
            Resources:
              OrdersQueue2:
                Type: AWS::SQS::Queue
            Outputs:
              QueueUrl:
                Value: !Ref OrdersQueue2
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else { return [] }
        // Section by section, in place: no list of the declarations is built for each file.
        var found: [Violation] = []
        for parameter in template.parameters { check(parameter, in: "Parameters", into: &found) }
        for resource in template.resources { check(resource.declaration, in: "Resources", into: &found) }
        for output in template.outputs { check(output, in: "Outputs", into: &found) }
        return found
    }

    private func check(_ declaration: Declaration, in section: String, into found: inout [Violation]) {
        let name = declaration.name
        // Fn::ForEach without its transform is SCH007's finding.
        if name.hasPrefix("Fn::ForEach::") { return }
        let valid = !name.isEmpty && name.utf8.count <= 255 && name.utf8.allSatisfy(\.isASCIIAlphanumeric)
        guard !valid else { return }
        let why = name.utf8.count > 255 ? "is longer than 255 characters" : "is not alphanumeric (A–Z, a–z, 0–9)"
        let suggestion = Self.alphanumeric(name)
        found.append(Violation(at: declaration.key.range, path: [.key(section), .key(name)],
                               message: "logical id '\(name)' in \(section) \(why)",
                               resource: section == "Resources" ? name : nil,
                               fix: suggestion.isEmpty ? nil : "rename it, e.g. to '\(suggestion)', and every reference to it"))
    }

    /// `orders_queue` → `OrdersQueue`: the letters and digits, each word capitalised.
    static func alphanumeric(_ name: String) -> String {
        name.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}
