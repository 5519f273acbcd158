import TapLintCore

/// An intrinsic function whose argument has a shape CloudFormation rejects.
public struct MalformedFunction: TemplateRule {
    public static let description = RuleDescription(
        id: "REF004", name: "malformed-function", category: .reference, severity: .error,
        summary: "An intrinsic function's argument has the wrong shape (Fn::Sub given a mapping, Fn::If without three items).",
        rationale: """
        Each intrinsic function takes a fixed shape: `Ref` a name, `Fn::Sub` a string or a \
        string with a mapping of variables, `Fn::If` a condition and two values, `Fn::Join` a \
        delimiter and a list. CloudFormation rejects the whole template when one is called \
        with anything else, and nothing else in taplint can read a call it does not \
        understand, so references inside it go unchecked. Where a function may take another \
        function's result, that result is not judged; `Fn::Transform`, and functions newer \
        than taplint, are accepted anywhere.
        """,
        fix: "write the argument in the shape the function takes (see its reference page)",
        triggering: [
            """
            Conditions:
              IsProd: ↓!Equals [prod]
              IsEast: !Equals [↓[us-east-1], !Ref "AWS::Region"]
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  UserData:
                    ↓Fn::Sub:
                      Script: echo hello
                  InstanceType: ↓!If [IsProd, m5.large]
                  SubnetId: !Sub ["${Net}", ↓[Net, subnet-1]]
                  KeyName: ↓!Join [[a, b]]
                  PlacementGroupName: !Join ["-", ↓a-b]
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: ↓!GetAtt Server
                  DisplayName: ↓!Ref [Server]
            """,
            """
            {
              "Resources": {
                "Topic": {
                  "Type": "AWS::SNS::Topic",
                  "Properties": {
                    "TopicName": ↓{"Fn::Select": ["0"]},
                    "DisplayName": ↓{"Fn::FindInMap": ["Map", "Key"]}
                  }
                }
              }
            }
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsEast: !Not [!Equals [!Ref "AWS::Region", us-east-1]]
              Either: !Or [!Condition IsProd, !Condition IsEast]
            Mappings:
              Sizes:
                prod: {Instance: m5.large}
            Resources:
              Server:
                Type: AWS::EC2::Instance
                Properties:
                  ImageId: ami-12345678
                  AvailabilityZone: !Select [0, !GetAZs ""]
                  InstanceType: !If [IsProd, !FindInMap [Sizes, !Ref Stage, Instance], t3.micro]
                  UserData:
                    Fn::Base64:
                      Fn::Sub:
                        - "echo ${Name} ${Zone}"
                        - Name: !Ref Stage
                          Zone: !Join ["", !Split [",", "a,b"]]
                  KeyName: !Sub "${Stage}-key"
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !GetAtt Server.PrivateDnsName
                  DisplayName: !GetAtt [Server, PublicIp]
            Outputs:
              Id:
                Value: !Ref Server
                Export:
                  Name: !Sub "${AWS::StackName}-server"
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        // A macro or preprocessor may define calls of its own shape.
        if template.isRewrittenBeforeDeploy, !template.isServerlessOnly { return [] }
        // Found by the reference walk, which visits every call anyway.
        return context.references.malformedCalls.map { Violation(at: $0.range, path: $0.path, message: $0.message) }
    }
}
