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
                var seen = Set<String>()
                for (i, tag) in outcome.tags.enumerated() {
                    if Self.repeats(outcome.tags, at: i, seen: &seen) {
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

    /// Up to this many tags, a key is compared with each before it; a set
    /// of keys costs a hash of every key, several times a comparison.
    static let comparedDirectly = 16

    /// Whether the key of `tags[i]` is the key of a tag before it. Long
    /// lists keep the keys seen in `seen`, so the work stays linear.
    static func repeats(_ tags: [ResourceTags.Tag], at i: Int, seen: inout Set<String>) -> Bool {
        let key = tags[i].key
        if tags.count <= comparedDirectly {
            let length = key.utf8.count
            return tags[..<i].contains { $0.key.utf8.count == length && $0.key == key }
        }
        return !seen.insert(key).inserted
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
