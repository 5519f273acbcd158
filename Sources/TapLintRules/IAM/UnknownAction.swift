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
        // Templates repeat a few actions from statement to statement: the
        // first texts found fine are remembered (the catalog's lookups cost
        // thousands of instructions an action) and found again by
        // comparison, which costs less than hashing them.
        var fine: [String] = []
        return context.policies.filter { $0.template == nil }.flatMap { document in
            document.statements.flatMap { statement in
                (statement.actions + (statement.notActions ?? [])).compactMap { action -> Violation? in
                    guard let text = action.text, !fine.contains(text) else { return nil }
                    guard let found = Self.unknown(text) else {
                        if fine.count < Self.remembered { fine.append(text) }
                        return nil
                    }
                    return Violation(at: action.range, path: action.path,
                                     message: "\(PolicyChecks.place(document, statement.path)) names '\(text)', which \(found.service) does not have",
                                     resource: document.resource, misspelt: text,
                                     candidates: found.actions.map { "\(found.service):\($0.name)" })
                }
            }
        }
    }

    /// Fine texts remembered per template: past them, each is judged anew.
    private static let remembered = 16

    /// An action a service of the catalog does not have: the service, and
    /// its actions to suggest from.
    private struct Unknown {
        var service: String
        var actions: [IAMAction]
    }

    /// What `text` names when its service is known and the action is not;
    /// nil for any other text (a wildcard, a `${…}`, no service).
    private static func unknown(_ text: String) -> Unknown? {
        guard !text.containsBytes("${"), !text.containsBytes("*"), !text.containsBytes("?"),
              let (service, name) = text.split(atFirst: UInt8(ascii: ":")),
              let (actions, known) = ActionCatalog.actions(of: service, naming: name), !known else { return nil }
        return Unknown(service: service, actions: actions)
    }
}
