import TapLintCore

/// Tag keys CloudFormation rejects: repeated keys and the reserved `aws:` prefix.
public struct InvalidTagKey: TemplateRule {
    public static let description = RuleDescription(
        id: "TAG002", name: "invalid-tag-key", category: .tagging, severity: .error,
        summary: "A resource repeats a tag key, or uses a key with the reserved aws: prefix.",
        rationale: """
        Tag keys must be unique per resource, and the `aws:` prefix is reserved for tags \
        AWS itself sets; CloudFormation rejects either, failing the deploy.
        """,
        fix: "give each tag a unique key without the aws: prefix",
        triggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
                    - Key: ↓Environment
                      Value: dev
                    - Key: ↓aws:team
                      Value: payments
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags:
                    - Key: Environment
                      Value: prod
                    - Key: team
                      Value: payments
            """,
        ],
        references: ["https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        var violations: [Violation] = []
        for tags in context.tags {
            for outcome in tags.outcomes {
                var seen = Set<String>(minimumCapacity: outcome.tags.count)
                for tag in outcome.tags {
                    if !seen.insert(tag.key).inserted {
                        violations.append(Violation(at: tag.node.range, path: tags.path,
                                                    message: "\(tags.resource.name) repeats tag key '\(tag.key)'"))
                    } else if Self.isReserved(tag.key) {
                        violations.append(Violation(at: tag.node.range, path: tags.path,
                                                    message: "\(tags.resource.name)'s tag key '\(tag.key)' uses the reserved aws: prefix"))
                    }
                }
            }
        }
        return violations
    }

    /// `aws:` in any letter case, read from the bytes: most resources carry
    /// many tags, and a lowercased copy of every key is the slow way to ask.
    static func isReserved(_ key: String) -> Bool {
        var bytes = key.utf8.makeIterator()
        for expected in "aws".utf8 {
            guard let byte = bytes.next(), byte | 0x20 == expected else { return false }
        }
        return bytes.next() == UInt8(ascii: ":")
    }
}
