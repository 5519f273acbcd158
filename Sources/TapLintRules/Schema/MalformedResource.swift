import TapLintCore

/// A `Resources` section or resource of a shape CloudFormation rejects.
public struct MalformedResource: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH007", name: "malformed-resource", category: .schema, severity: .error,
        summary: "The Resources section is empty or not a mapping, or a resource has no body, no Type, or a Type that is not a string.",
        rationale: """
        CloudFormation rejects a template whose `Resources` is empty (`Resources:` \
        with nothing under it, or `{}`) or a list, and a resource that is null, has no \
        `Type`, or has a `Type` that is a list or a mapping. These shapes come from an \
        indentation slip or a half-finished edit, and every other check passes over \
        them in silence, since a resource with no type has no schema to judge it by. \
        (`Properties` of the wrong kind is SCH004's finding.)
        """,
        fix: "give every resource a mapping with a Type string, and the template at least one resource",
        triggering: [
            """
            Resources:
              ↓NoType:
                Properties:
                  DelaySeconds: 5
              ↓Empty:
              Listed:
                Type: ↓[AWS::SNS::Topic]
            """,
            """
            AWSTemplateFormatVersion: '2010-09-09'
            ↓Resources:
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                Properties: {}
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resources-section-structure.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        // A macro or preprocessor may build resources from other shapes.
        guard !template.isRewrittenBeforeDeploy || template.isServerlessOnly else { return [] }
        var violations: [Violation] = []
        if let section = template.root.entry("Resources") {
            let path: [PathElement] = [.key("Resources")]
            if section.value.sequence != nil || section.value.scalar?.isNull == false {
                violations.append(Violation(at: section.key.range, path: path,
                                            message: "Resources must be a mapping of logical ids to resources"))
            } else if section.value.mapping?.isEmpty ?? true, section.value.tag == nil, section.value.intrinsic == nil {
                violations.append(Violation(at: section.key.range, path: path,
                                            message: "Resources is empty; CloudFormation requires at least one resource",
                                            fix: "add a resource, or remove the file if it is not a template"))
            }
        }
        for resource in template.resources {
            let path: [PathElement] = [.key("Resources"), .key(resource.name)]
            let body = resource.body
            if resource.name.hasPrefix("Fn::ForEach::") {
                // With the transform, a macro would have expanded it (and this check not run).
                violations.append(Violation(at: resource.declaration.key.range, path: path,
                                            message: "\(resource.name) needs Transform: AWS::LanguageExtensions",
                                            fix: "add Transform: AWS::LanguageExtensions at the top of the template"))
                continue
            }
            if body.mapping == nil {
                guard body.tag == nil, body.intrinsic == nil else { continue }
                let what = body.scalar?.isNull == true ? "has no body" : body.sequence != nil ? "is a list" : "is a single value"
                violations.append(Violation(at: resource.declaration.key.range, path: path,
                                            message: "\(resource.name) \(what); a resource is a mapping with at least Type",
                                            fix: "indent the resource's Type and Properties under its name"))
            } else if let type = body.entry("Type") {
                if resource.type == nil, type.value.tag == nil, type.value.intrinsic == nil {
                    let kind = type.value.sequence != nil ? "a list" : type.value.mapping != nil ? "a mapping" : "empty"
                    violations.append(Violation(at: type.value.range, path: path + [.key("Type")],
                                                message: "\(resource.name)'s Type is \(kind); it must be a resource type name",
                                                fix: "write the type as one string, e.g. Type: AWS::SNS::Topic"))
                }
            } else {
                violations.append(Violation(at: resource.declaration.key.range, path: path,
                                            message: "\(resource.name) has no Type", fix: "add Type: with the resource type"))
            }
        }
        return violations
    }
}
