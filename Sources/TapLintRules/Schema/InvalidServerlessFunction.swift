import TapLintCore

/// A SAM function the SAM transform rejects before anything deploys.
public struct InvalidServerlessFunction: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH014", name: "invalid-serverless-function", category: .schema, severity: .error,
        summary: "A SAM function lacks what its package type needs (Runtime and Handler for Zip; an ImageUri for Image), or has what it forbids.",
        rationale: """
        The SAM transform checks each `AWS::Serverless::Function` (with `Globals` \
        merged in) before CloudFormation sees the template, and one that does not fit \
        fails the whole deploy: a Zip function (the default) needs `Runtime` and \
        `Handler` and takes no `ImageUri` or `ImageConfig` (its code is `InlineCode`, \
        the `CodeUri` folder, or without either the template's own folder, which \
        `sam build` and `sam deploy` package); an Image function needs an `ImageUri` (which `sam build` fills in \
        from `Metadata: Dockerfile`) and takes no `Runtime`, `Handler` or `Layers`; \
        `PackageType` is `Zip` or `Image`; `AutoPublishAlias` is a name or a `Ref` to a \
        parameter. `Globals` count unless the function's `IgnoreGlobals` leaves them \
        out. Values computed at deploy time count as present.
        """,
        fix: "give the function what its package type needs, as the message says",
        triggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              NoRuntime:
                Type: ↓AWS::Serverless::Function
                Properties:
                  Handler: index.handler
                  InlineCode: "exports.handler = async () => ({})"
              NoHandler:
                Type: ↓AWS::Serverless::Function
                Properties:
                  Runtime: nodejs22.x
                  CodeUri: src/
              Image:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ↓Runtime: nodejs22.x
                  ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
              NoPackageType:
                Type: AWS::Serverless::Function
                Properties:
                  ↓ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
            """,
        ],
        nonTriggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Alias:
                Type: String
            Globals:
              Function:
                Runtime: python3.13
                CodeUri: src/
            Resources:
              Zip:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  AutoPublishAlias: !Ref Alias
              CodeBesideTheTemplate:   # sam build packages the template's own folder
                Type: AWS::Serverless::Function
                IgnoreGlobals: [CodeUri]
                Properties:
                  Handler: app.handler
              Built:
                Type: AWS::Serverless::Function
                IgnoreGlobals: "*"   # the Zip functions' Runtime and CodeUri are not for it
                Properties:
                  PackageType: Image
                Metadata:
                  Dockerfile: Dockerfile
                  DockerContext: ./app
            """,
        ],
        references: ["https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-function.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        guard template.isServerlessOnly, template.transforms.contains(ServerlessWithoutTransform.transform) else { return [] }
        return template.resources.flatMap { resource -> [Violation] in
            // Properties that are not a mapping are SCH007's: nothing here can be read.
            guard resource.type == "AWS::Serverless::Function", let typeNode = resource.body["Type"],
                  resource.properties == nil || resource.properties?.mapping != nil else { return [] }
            func has(_ name: String) -> Bool { template.property(name, of: resource).map { !Node.isNoValue($0.entry.value) } ?? false }
            var found: [Violation] = []
            let base: [PathElement] = [.key("Resources"), .key(resource.name)]
            func report(_ message: String, at property: String? = nil) {
                if let property, let entry = resource.properties?.entry(property) {
                    found.append(Violation(at: entry.key.range, path: base + [.key("Properties"), .key(property)],
                                           message: "\(resource.name): \(message)"))
                } else {
                    found.append(Violation(at: typeNode.valueRange, path: base + [.key("Type")], message: "\(resource.name): \(message)"))
                }
            }
            let packageType = template.property("PackageType", of: resource)?.entry.value
            let kind = packageType?.string ?? (packageType == nil ? "Zip" : nil)
            switch kind {
            case "Zip"? where packageType == nil && has("ImageUri"):
                // One mistake, one finding: SAM reads a function without PackageType as Zip.
                report("ImageUri is set but PackageType is not Image (SAM's default is Zip); add PackageType: Image",
                       at: "ImageUri")
            case "Zip"?:
                let missing = ["Runtime", "Handler"].filter { !has($0) }
                if !missing.isEmpty { report("a Zip function needs \(missing.joined(separator: " and ")), which it is not given") }
                for forbidden in ["ImageUri", "ImageConfig"] where has(forbidden) {
                    report("\(forbidden) belongs to Image functions, not to a Zip one", at: forbidden)
                }
            case "Image"?:
                for forbidden in ["Runtime", "Handler", "Layers"] where has(forbidden) {
                    report("an Image function takes no \(forbidden)", at: forbidden)
                }
                let built = resource.body["Metadata"]?["Dockerfile"] != nil || resource.body["Metadata"]?["DockerTag"] != nil
                if !has("ImageUri"), !built { report("an Image function needs an ImageUri (or Metadata: Dockerfile for sam build)") }
            case let other?:
                report("PackageType is '\(other)'; SAM takes Zip or Image", at: "PackageType")
            case nil:
                break  // computed at deploy time
            }
            if let alias = template.property("AutoPublishAlias", of: resource)?.entry.value, alias.string == nil {
                let isParameter = alias.intrinsic.map { $0.name == .ref && $0.argument.string.map(template.hasParameter) == true } ?? false
                if !isParameter { report("AutoPublishAlias must be a name or a Ref to a parameter", at: "AutoPublishAlias") }
            }
            return found
        }
    }
}
