import TapLintCore

/// A literal CIDR block that is not one, where the property takes a block.
public struct InvalidAddressBlock: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH006", name: "invalid-address-block", category: .schema, severity: .error,
        summary: "A property that takes an IP address block (CIDR) is given one that is malformed or has host bits set.",
        rationale: """
        Security group rules, VPCs, subnets and routes take address blocks such as \
        `10.0.0.0/16`. A block whose address has bits set past its prefix \
        (`192.168.1.0/0`, `10.0.0.1/16`) is rejected by EC2 and by cfn-lint, and it \
        almost always hides a typo that changes who can reach what: `/0` where `/24` \
        was meant opens a rule to the whole internet. Which properties take a block \
        comes from the resource schemas. A lone address counts as the block of that one \
        address; values computed by intrinsic functions or dynamic references are not \
        judged.
        """,
        fix: "write the block's first address with the prefix meant (e.g. 192.168.1.0/24), or 0.0.0.0/0 if everything is meant",
        triggering: [
            """
            Resources:
              Ingress:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: ↓192.168.1.0/0
              Egress:
                Type: AWS::EC2::SecurityGroupEgress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: "-1"
                  CidrIp: ↓10.0.0.300/8
                  CidrIpv6: ↓"2001:db8::1/32"
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Office:
                Type: String
            Resources:
              Ingress:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIp: 192.168.1.0/24
              Everyone:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 443
                  ToPort: 443
                  CidrIpv6: "::/0"
              FromParameterStore:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: "{{resolve:ssm:office-cidr}}"
              FromParameter:
                Type: AWS::EC2::SecurityGroupIngress
                Properties:
                  GroupId: sg-12345678
                  IpProtocol: tcp
                  FromPort: 22
                  ToPort: 22
                  CidrIp: !Ref Office
            """,
        ],
        references: ["https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        context.schema.problems.compactMap { problem in
            guard case .invalidNetwork(let value, let why) = problem.kind else { return nil }
            let place = problem.path.place(from: 2)
            return Violation(at: problem.range, path: problem.path,
                             message: "\(problem.naming(place)) '\(value)' \(why)", resource: problem.resourceName)
        }
    }
}
