import TapLintCore

/// `${AWS::Region}` in text that no `Fn::Sub` reads.
public struct LiteralSubVariable: TemplateRule {
    public static let description = RuleDescription(
        id: "REF005", name: "literal-sub-variable", category: .reference, severity: .warning,
        summary: "A ${AWS::Region} or ${Parameter} is written in a plain string or an Fn::Join part, where nothing replaces it.",
        rationale: """
        Only `Fn::Sub` replaces `${…}`. In a plain string, or in a literal part of \
        `Fn::Join`, `${AWS::Region}` stays those fourteen characters: the stack deploys, \
        and an ARN, a name or a URL quietly holds the text instead of the region. This \
        holds for outputs too: their values and export names are text CloudFormation \
        shows and other stacks import. In an ARN it is an error: the ARN names nothing, so \
        a policy grants nothing and a property points nowhere; elsewhere (a name, a \
        description, an output) a warning. \
        (cfn-lint reports the same as E1029.) Inline source code (`ZipFile`, \
        `InlineCode`) is the program's text and is not read.
        """,
        fix: "wrap the string in !Sub, or use !Ref AWS::Region as the Join part",
        triggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  ↓TopicName: !Join ["-", ["alerts", "${AWS::Region}"]]
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  ↓QueueName: "jobs-${AWS::AccountId}"
              Image:
                Type: AWS::EC2::Instance
                Properties:
                  ↓ImageId: "${AMI}"
            Parameters:
              AMI:
                Type: String
            Outputs:
              Url:
                ↓Value: !Join ["", ["https://", !Ref Topic, ".${AWS::URLSuffix}"]]
              Name:
                Value: !Ref Queue
                Export:
                  ↓Name: "${AWS::StackName}-queue"
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Join ["-", ["alerts", !Ref AWS::Region, !Sub "${AWS::AccountId}"]]
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "jobs-${AWS::AccountId}"
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code:
                    ZipFile: "exports.handler = async () => `${AWS::Region}`;"
              Set:
                Type: AWS::CloudFormation::StackSet
                Properties:
                  StackSetName: nested
                  PermissionModel: SELF_MANAGED
                  TemplateBody: |
                    Resources:
                      Topic:
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName: !Sub "alerts-${AWS::Region}"
              Shell:
                Type: AWS::SSM::Parameter
                Properties:
                  Type: String
                  Value: "${HOME}/bin"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.literalVariables.compactMap { string in
            guard let variable = string.literalVariable else { return nil }
            // In an ARN the literal text names nothing: a policy grants nothing, a property points nowhere.
            let inARN = string.text.containsBytes("arn:")
            return Violation(at: string.range, path: string.path,
                             message: "\(string.place) holds the text '\(variable)', which no Fn::Sub replaces; it stays literal"
                                + (inARN ? ", so the ARN names nothing" : ""),
                             resource: string.path.first == .key("Resources") ? string.resource : nil,
                             severity: inARN ? .error : nil)
        }
    }
}
