import TapLintCore

/// `amazonaws.com` written into a URL where `${AWS::URLSuffix}` belongs.
public struct HardCodedURLSuffix: TemplateRule {
    public static let description = RuleDescription(
        id: "ARN004", name: "hard-coded-url-suffix", category: .arn, severity: .info,
        summary: "A URL built by hand hard-codes the domain amazonaws.com.",
        rationale: """
        Endpoints end in `amazonaws.com` in most partitions but not all: in China they \
        end in `amazonaws.com.cn`. `${AWS::URLSuffix}` gives the right domain wherever \
        the stack runs. Service principals (`lambda.amazonaws.com`) are not URLs and are \
        not reported.
        """,
        fix: "use ${AWS::URLSuffix}",
        triggering: [
            """
            Resources:
              Check:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig:
                    Type: HTTPS
                    ↓FullyQualifiedDomainName: !Sub "https://api.execute-api.${AWS::Region}.amazonaws.com/prod"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Check:
                Type: AWS::Route53::HealthCheck
                Properties:
                  HealthCheckConfig:
                    Type: HTTPS
                    FullyQualifiedDomainName: !Sub "https://api.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod"
              Permission:
                Type: AWS::Lambda::Permission
                Properties:
                  Action: lambda:InvokeFunction
                  FunctionName: f
                  Principal: s3.amazonaws.com
                  SourceAccount: !Ref AWS::AccountId
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html#cfn-pseudo-param-urlsuffix"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.strings.compactMap { string in
            guard string.text.containsBytes("://"), string.text.containsBytes(".amazonaws.com") else { return nil }
            return Violation(at: string.range, path: string.path,
                             message: "URL in \(string.place) hard-codes the domain amazonaws.com", resource: string.resource,
                             edits: PseudoParameterFix.edits(putting: "AWS::URLSuffix", at: Self.domains(in: string.text), in: string,
                                                             template: context.template) ?? [])
        }
    }

    /// Where the text spells the domain as a host's suffix (`.amazonaws.com`
    /// not followed by more of a name, such as `.cn`), in bytes.
    static func domains(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8), domain = Array("amazonaws.com".utf8)
        var found: [Range<Int>] = []
        var i = 1
        while i + domain.count <= bytes.count {
            let after = i + domain.count
            if bytes[i - 1] == UInt8(ascii: "."), bytes[i..<after].elementsEqual(domain),
               after == bytes.count || !(bytes[after] == UInt8(ascii: ".") || bytes[after] == UInt8(ascii: "-")
                   || bytes[after].isASCIIAlphanumeric) {
                found.append(i..<after)
                i = after
            } else {
                i += 1
            }
        }
        return found
    }
}
