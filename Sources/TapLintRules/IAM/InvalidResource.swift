import TapLintCore

/// A policy's `Resource` that IAM refuses: neither `*` nor a whole ARN.
public struct InvalidResource: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM012", name: "iam-invalid-resource", category: .iam, severity: .error,
        summary: "A policy's Resource or NotResource is neither * nor an ARN with all its parts (a placeholder, a name, arn:aws:sns:*:*).",
        rationale: """
        IAM takes a statement's `Resource` and `NotResource` only as `*` or an ARN of six \
        parts, `arn:partition:service:region:account:resource`, where the region and \
        account may be empty (`arn:aws:s3:::bucket/*`) and any part may hold wildcards. \
        Anything else, a bare name (`reports-bucket`), a placeholder left from an example \
        (`<your_secret_arn>`), or an ARN cut short (`arn:aws:sns:*:*`, five parts), makes \
        IAM refuse the whole policy (`MalformedPolicyDocument: Resource … must be in ARN \
        format or "*"`) and the stack fails to deploy. Values built with `Fn::Sub` are \
        judged when every variable is a pseudo parameter (whose values hold no colon); a \
        value from a parameter's default is a warning, since another may be passed. \
        Resource policies (bucket, queue, topic, key) are not judged here.
        """,
        fix: "write the resource's whole ARN (arn:partition:service:region:account:resource), or *",
        triggering: [
            """
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: app
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: sns:Publish
                            Resource: ↓arn:aws:sns:*:*
                          - Effect: Allow
                            Action: secretsmanager:GetSecretValue
                            Resource: ↓<your_secret_arn>
                          - Effect: Allow
                            Action: sqs:SendMessage
                            Resource: !Sub ↓"arn:${AWS::Partition}:sqs:${AWS::Region}:jobs"
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              TopicArn:
                Type: String
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: app
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [s3:GetObject, sns:Publish, sqs:SendMessage, logs:PutLogEvents]
                            Resource:
                              - arn:aws:s3:::reports/*
                              - !Ref TopicArn
                              - !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs"
                              - !Sub "arn:${AWS::Partition}:logs:*:*:log-group:/aws/lambda/*:*"
                              - "*"
            """,
        ],
        references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html",
                     "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.policies.filter { $0.kind == .identity && $0.template == nil }.flatMap { document in
            document.statements.flatMap { statement in
                (statement.resources + (statement.notResources ?? [])).compactMap { value -> Violation? in
                    // The text first: nearly every resource is well formed, and reading it is cheap.
                    guard let text = value.text, let problem = Self.problem(text),
                          let certainty = Self.certainty(of: value, in: context.template) else { return nil }
                    return Violation(at: value.range, path: value.path,
                                     message: "\(PolicyChecks.place(document, statement.path)) names '\(text)' as a resource: \(problem)"
                                        + (certainty == .parameter ? " (the parameter's default; another value may be passed)" : ""),
                                     resource: document.resource, severity: certainty == .parameter ? .warning : nil)
                }
            }
        }
    }

    enum Certainty { case literal, parameter }

    /// Whether the text is what IAM will see: a literal, an `Fn::Sub` whose
    /// variables are all pseudo parameters, or a parameter's default; nil
    /// for values other variables or functions build.
    static func certainty(of value: PolicyValue, in template: Template) -> Certainty? {
        guard let node = value.node else { return nil }
        if node.string != nil { return .literal }
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .sub:
            guard let sub = SubCall(call.argument), sub.variables.isEmpty,
                  sub.text.variables.allSatisfy({ PseudoParameters.all.contains($0.name) }) else { return nil }
            return .literal
        case .ref:
            return call.argument.string.map(template.hasParameter) == true ? .parameter : nil
        default:
            return nil
        }
    }

    /// Why IAM refuses the resource, or nil when it takes it. Read in one
    /// pass over the bytes: a `${…}` stands for a value without colons
    /// (pseudo parameters have none) and fills the part it is in.
    static func problem(_ text: String) -> String? {
        if text == "*" { return nil }
        guard text.hasPrefix("arn:") else { return "IAM takes only * or an ARN" }
        // The parts begun, the current one's length (a variable's text in
        // the part it is in), and the lengths the answer needs.
        var (parts, length, partition, service) = (1, 0, 0, 0)
        var inVariable = false
        var previous: UInt8 = 0
        text.withBytes { bytes in
            for byte in bytes {
                if inVariable {
                    if byte == UInt8(ascii: "}") { inVariable = false }
                } else if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") {
                    inVariable = true
                } else if byte == UInt8(ascii: ":"), parts < 6 {
                    if parts == 2 { partition = length } else if parts == 3 { service = length }
                    (parts, length, previous) = (parts + 1, 0, byte)
                    continue
                }
                length += 1
                previous = byte
            }
        }
        guard parts == 6 else {
            return "an ARN has six parts, arn:partition:service:region:account:resource, and this has \(parts)"
        }
        if partition == 0 { return "the ARN has no partition" }
        if service == 0 { return "the ARN has no service" }
        if length == 0 { return "the ARN has no resource part" }
        return nil
    }
}
