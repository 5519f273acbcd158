import TapLintCore

/// Object lock on a bucket that does not enable versioning.
public struct ObjectLockWithoutVersioning: TemplateRule {
    public static let description = RuleDescription(
        id: "VER002", name: "object-lock-without-versioning", category: .versioning, severity: .error,
        summary: "An S3 bucket enables object lock but not versioning.",
        rationale: """
        Object lock protects object versions from deletion, so S3 requires versioning \
        on any bucket with object lock; the bucket fails to create, or its lock protects \
        nothing.
        """,
        fix: "add VersioningConfiguration: {Status: Enabled}",
        triggering: [
            """
            Resources:
              Audit:
                Type: AWS::S3::Bucket
                Properties:
                  ↓ObjectLockEnabled: true
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Audit:
                Type: AWS::S3::Bucket
                Properties:
                  ObjectLockEnabled: true
                  VersioningConfiguration:
                    Status: Enabled
            """,
        ],
        references: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.template.resources.compactMap { resource in
            guard resource.type == "AWS::S3::Bucket", let properties = resource.properties,
                  let lock = properties.entry("ObjectLockEnabled") ?? properties.entry("ObjectLockConfiguration"),
                  lock.value.scalar?.boolValue != false, lock.value.string?.lowercased() != "false",
                  !Versioning.isEnabled(resource, in: context.template) else { return nil }
            return Violation(at: lock.key.range, path: [.key("Resources"), .key(resource.name), .key("Properties"), .key(lock.name ?? "")],
                             message: "\(resource.name) enables object lock without enabling versioning")
        }
    }
}
