import TapLintCore

/// An action name that no service has.
public struct UnknownAction: TemplateRule {
    public static let description = RuleDescription(
        id: "IAM011", name: "iam-unknown-action", category: .iam, severity: .info,
        summary: "A policy names an action that does not exist (a typo such as s3:GetObjcet).",
        rationale: """
        IAM accepts any action name without complaint, so a typo grants nothing and \
        fails only at run time, with an access-denied error far from its cause. Names \
        are checked against AWS's Service Authorization Reference, case-insensitively as \
        IAM compares them. The actions of SAM's policy templates are AWS's, and left alone.
        """,
        fix: "correct the action name",
        triggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [↓s3:GetObjcet, s3:putobject]
                        Resource: arn:aws:s3:::reports/*
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Policy:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: [s3:GetObject, s3:PutObject, s3:Get*]
                        Resource: arn:aws:s3:::reports/*
            """,
        ],
        references: ["https://docs.aws.amazon.com/service-authorization/latest/reference/reference.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.policies.filter { $0.template == nil }.flatMap { document in
            document.statements.flatMap { statement in
                (statement.actions + (statement.notActions ?? [])).compactMap { action -> Violation? in
                    guard let text = action.text, !text.containsBytes("${"), !text.containsBytes("*"), !text.containsBytes("?"),
                          let colon = text.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
                    let service = String(text[..<colon])
                    guard let (actions, known) = ActionCatalog.actions(of: service, naming: String(text[text.utf8.index(after: colon)...])),
                          !known else { return nil }
                    return Violation(at: action.range, path: action.path,
                                     message: "\(PolicyChecks.place(document, statement.path)) names '\(text)', which \(service) does not have",
                                     resource: document.resource, misspelt: text, candidates: actions.map { "\(service):\($0.name)" })
                }
            }
        }
    }
}
