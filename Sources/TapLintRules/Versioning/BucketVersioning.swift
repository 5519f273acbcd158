import TapLintCore

/// An S3 bucket that does not keep object versions, in some branch.
public struct BucketVersioning: TemplateRule {
    public static let description = RuleDescription(
        id: "VER001", name: "bucket-versioning", category: .versioning, severity: .warning,
        summary: "An S3 bucket does not enable versioning, or enables it only under some conditions.",
        rationale: """
        Without versioning, an overwrite or a delete (by a bug, a person, or ransomware) \
        destroys data for good. With `VersioningConfiguration: {Status: Enabled}` every \
        version is kept and can be restored. `Suspended`, a missing configuration, or an \
        `Fn::If` that enables it only in some branches (often only in production, which \
        then differs from what was tested) all leave objects unprotected; the finding \
        names the condition.
        """,
        fix: "set VersioningConfiguration.Status to Enabled, in every branch",
        triggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              ↓Logs:
                Type: AWS::S3::Bucket
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  ↓VersioningConfiguration:
                    Status: !If [IsProd, Enabled, Suspended]
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration:
                    Status: Enabled
            """,
        ],
        references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::S3::Bucket" else { return nil }
            let base: [PathElement] = [.key("Resources"), .key(resource.name)]
            guard let entry = resource.properties?.entry("VersioningConfiguration") else {
                return Violation(at: resource.declaration.key.range, path: base,
                                 message: "\(resource.name) does not enable versioning (no VersioningConfiguration)")
            }
            let outcomes = Versioning.status(of: entry.value, in: context.template)
            let off = outcomes.filter { $0.text != "Enabled" && !($0.text == nil && !$0.absent) }
            guard !off.isEmpty else { return nil }
            let whens = off.compactMap { $0.conditions.isEmpty ? nil : $0.conditions.joined(separator: " and ") }
            let state = off.first?.absent == true ? "off" : "'\(off.first?.text ?? "")'"
            let message = whens.isEmpty
                ? "\(resource.name)'s versioning is \(state), not Enabled"
                : "\(resource.name)'s versioning is \(state) when \(whens.joined(separator: ", or when "))"
            return Violation(at: entry.key.range, path: base + [.key("Properties"), .key("VersioningConfiguration")], message: message)
        }
    }
}

/// What a bucket's versioning status can be, per branch.
enum Versioning {
    static func status(of configuration: Node, in template: Template) -> [PossibleValue] {
        if let call = configuration.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3,
           let name = items[0].string {
            return status(of: items[1], in: template).map { tagged($0, "\(name) is true") }
                + status(of: items[2], in: template).map { tagged($0, "\(name) is false") }
        }
        if Node.isNoValue(configuration) { return [PossibleValue(text: nil, absent: true)] }
        return PossibleValue.of(configuration["Status"], in: template)
    }

    private static func tagged(_ value: PossibleValue, _ condition: String) -> PossibleValue {
        var value = value
        value.conditions.insert(condition, at: 0)
        return value
    }

    /// True when every branch enables versioning.
    static func isEnabled(_ bucket: Resource, in template: Template) -> Bool {
        guard let configuration = bucket.properties?["VersioningConfiguration"] else { return false }
        return status(of: configuration, in: template).allSatisfy { $0.text == "Enabled" }
    }
}
