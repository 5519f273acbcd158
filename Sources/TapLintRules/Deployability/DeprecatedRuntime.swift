import TapLintCore

/// A Lambda function on a runtime AWS has deprecated or blocked.
public struct DeprecatedRuntime: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP004", name: "deprecated-runtime", category: .deployability, severity: .error,
        summary: "A Lambda function uses a runtime past its deprecation date (warning) or past the date AWS blocks creating functions with it (error).",
        rationale: """
        AWS retires Lambda runtimes on a published schedule: first it deprecates one \
        (no more security patches), a month or so later it blocks creating functions \
        with it, then updating them. A template that deployed last month can then fail \
        on its next deploy, at the function, after everything before it was created. \
        The dates and successors come from AWS's runtime lifecycle as the cfn-lint \
        package carries it; the day judged is `--as-of` (default today, UTC). \
        Functions packaged as images have no runtime and are not judged; a runtime \
        from a parameter is judged by the parameter's default. In SAM templates a \
        runtime set in `Globals` is reported once, at `Globals`.
        """,
        fix: "move to the successor runtime and test the function on it",
        triggering: [
            """
            Resources:
              Legacy:
                Type: AWS::Lambda::Function
                Properties:
                  ↓Runtime: python2.7
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
            """,
            """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                ↓Runtime: nodejs12.x
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: index.handler
                  InlineCode: "exports.handler = async () => 1;"
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Runtime:
                Type: String
            Resources:
              Image:
                Type: AWS::Lambda::Function
                Properties:
                  PackageType: Image
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ImageUri: "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"}
              Chosen:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: !Ref Runtime
                  Handler: index.handler
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code: {ZipFile: "def handler(e, c): pass"}
            """,
        ],
        references: ["https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        let asOf = context.options.asOf
        var violations: [Violation] = []
        let sam = template.transforms.contains(ServerlessWithoutTransform.transform)
        let globalEntry = sam ? template.root["Globals"]?["Function"]?.entry("Runtime") : nil
        var globalUsers: [String] = []
        for resource in template.resources {
            guard resource.type == "AWS::Lambda::Function" || (sam && resource.type == "AWS::Serverless::Function") else { continue }
            let properties = resource.properties
            if properties?["PackageType"]?.string == "Image" { continue }
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties"), .key("Runtime")]
            if let entry = properties?.entry("Runtime") {
                guard let runtime = template.stringValue(of: entry.value),
                      let finding = Self.judge(runtime, asOf: asOf, who: resource.name) else { continue }
                violations.append(Violation(at: entry.key.range, path: base, message: finding.message,
                                            resource: resource.name, fix: finding.fix, severity: finding.severity))
            } else if resource.type == "AWS::Serverless::Function", globalEntry != nil,
                      template.property("Runtime", of: resource) != nil {  // unless IgnoreGlobals leaves it out
                globalUsers.append(resource.name)
            }
        }
        if let globalEntry, !globalUsers.isEmpty, let runtime = template.stringValue(of: globalEntry.value),
           let finding = Self.judge(runtime, asOf: asOf, who: globalUsers.joined(separator: ", ")) {
            violations.append(Violation(at: globalEntry.key.range, path: [.key("Globals"), .key("Function"), .key("Runtime")],
                                        message: finding.message + " (set in Globals)", fix: finding.fix,
                                        severity: finding.severity))
        }
        return violations
    }

    static func judge(_ runtime: String, asOf: String, who: String)
        -> (message: String, fix: String?, severity: Severity)? {
        guard let life = RuntimeLifecycle.named(runtime), asOf >= life.deprecated else { return nil }
        let fix = life.successor.map { "use \($0) (the runtime AWS names as the successor) and test the function on it" }
        if asOf >= life.createBlock {
            let updates = asOf >= life.updateBlock ? "and updating them since \(life.updateBlock)"
                : "and will block updating them on \(life.updateBlock)"
            return ("\(who) uses \(runtime), deprecated on \(life.deprecated); AWS blocks creating functions with it "
                    + "since \(life.createBlock) \(updates)", fix, .error)
        }
        return ("\(who) uses \(runtime), deprecated on \(life.deprecated); AWS blocks creating functions with it "
                + "from \(life.createBlock)", fix, .warning)
    }
}
