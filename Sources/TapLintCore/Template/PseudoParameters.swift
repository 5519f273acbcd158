/// Names CloudFormation defines in every stack; `Ref` and `${}` may use them
/// without a declaration, and they are never resources.
public enum PseudoParameters {
    public static let all: Set<String> = [
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition",
        "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    ]
}
