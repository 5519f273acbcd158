import TapLintCore

/// A Lambda handler that names a file or function its code does not have.
public struct HandlerNotInCode: TemplateRule {
    public static let description = RuleDescription(
        id: "DEP005", name: "handler-not-in-code", category: .deployability, severity: .error,
        summary: "A Python or Node.js function's Handler names a file or function that its code does not have.",
        rationale: """
        Lambda finds the handler only when the function is first invoked: a stack \
        whose `Handler: app.lambda_handler` points at code without `app.py`, or whose \
        `app.py` has no `lambda_handler`, deploys cleanly and fails in production. \
        Inline code (`InlineCode`, `Code.ZipFile`) is saved as `index.py` or \
        `index.js`, so its handler must be `index.<function>`. Code in a local folder \
        (`CodeUri: src/`, or `Code: src/` for `aws cloudformation package`) is read \
        relative to the template, and a SAM function without `CodeUri` or `InlineCode` \
        is packaged from the template's own folder, as `sam build` does; a folder \
        that is not there, code in S3 or an image, a build step (`Metadata: \
        BuildMethod`, TypeScript sources), another transform and other runtimes are \
        not judged, and in the template's own folder a missing handler file only \
        where the handler's folder holds other code in that language. AWS adds the `cfnresponse` (Python) and `cfn-response` \
        (Node.js) modules to inline code only: folder code that imports one without \
        carrying it fails at its first run.
        """,
        fix: "point Handler at <file>.<function> as they are in the code",
        triggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: ↓app.handler
                  InlineCode: |
                    def handler(event, context):
                        return {}
              Custom:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs20.x
                  Handler: ↓index.onEvent
                  Role: !Sub "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/app"
                  Code:
                    ZipFile: |
                      exports.handler = async (event) => ({});
            """,
        ],
        nonTriggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Function:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  InlineCode: |
                    import cfnresponse
                    def handler(event, context):
                        cfnresponse.send(event, context, cfnresponse.SUCCESS, {})
              Packaged:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://artifacts/app.zip
            """,
        ],
        references: ["https://docs.aws.amazon.com/lambda/latest/dg/python-handler.html",
                     "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-lambda-function-code-cfnresponsemodule.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        // Another transform or a preprocessor may rewrite the functions first.
        if template.isRewrittenBeforeDeploy, !template.isServerlessOnly { return [] }
        return template.resources.flatMap { resource -> [Violation] in
            guard let code = FunctionCode(resource, in: template) else { return [] }
            switch code.source {
            case .inline(let text):
                return judgeInline(code, text)
            case .folder(let folder):
                guard let files = context.options.sourceFiles else { return [] }
                let home = Self.folder(of: context.file)
                let path = Self.join(home, folder)
                guard files.isDirectory(path), resource.body["Metadata"]?["BuildMethod"] == nil else { return [] }
                let ownFolder = path == home
                return judgeFolder(code, path, display: ownFolder ? "the template's folder" : folder, files: files,
                                   ownFolder: ownFolder)
            }
        }
    }

    private func judgeInline(_ code: FunctionCode, _ text: String) -> [Violation] {
        let file = code.language == .python ? "index.py" : "index.js"
        guard code.module == "index" else {
            return [code.violation("\(code.resource)'s code is inline, which Lambda saves as \(file); Handler \(code.handler) "
                                   + "names \(code.module), so the function cannot start", fix: "write Handler: index.\(code.function)")]
        }
        guard !CodeText.defines(code.function, in: Array(text.utf8)) else { return [] }
        return [code.violation("\(code.resource)'s inline code has no \(code.function) for Handler \(code.handler)")]
    }

    /// `ownFolder` is true for code beside the template (`CodeUri: .`, or a
    /// SAM function with no code property): that folder exists whether or
    /// not the code was put there, so a missing handler file is judged only
    /// where the handler's folder holds other code in the function's
    /// language (a template kept apart from its code draws nothing).
    private func judgeFolder(_ code: FunctionCode, _ path: String, display: String, files: any SourceFiles,
                             ownFolder: Bool) -> [Violation] {
        let base = Self.join(path, code.modulePath)
        let candidates: [String]
        switch code.language {
        case .python:
            candidates = [base + ".py", base + "/__init__.py"]
        case .node:
            // TypeScript is compiled by a build step this template does not show.
            if files.read(base + ".ts") != nil { return [] }
            candidates = [base + ".js", base + ".mjs", base + ".cjs"]
        }
        guard let (file, bytes) = candidates.lazy.compactMap({ name in files.read(name).map { (name, $0) } }).first else {
            if ownFolder, !Self.holdsCode(Self.folder(of: base), language: code.language, files: files) { return [] }
            let shown = candidates.map { String($0.dropFirst(path.count + 1)) }
            return [code.violation("\(code.resource)'s Handler \(code.handler) names \(shown[0]), which \(display) does not hold"
                                   + (shown.count > 1 ? " (nor \(shown.dropFirst().joined(separator: " or ")))" : ""))]
        }
        var found: [Violation] = []
        if !CodeText.defines(code.function, in: bytes) {
            found.append(code.violation("\(code.resource)'s \(file.dropFirst(path.count + 1)) has no \(code.function) "
                                        + "for Handler \(code.handler)"))
        }
        if let module = CodeText.importsResponseModule(bytes, language: code.language),
           !Self.carries(module, in: path, language: code.language, files: files) {
            found.append(code.violation("\(code.resource)'s \(file.dropFirst(path.count + 1)) imports \(module), which AWS "
                                        + "adds to inline code only, and \(display) does not carry it",
                                        fix: "bundle \(module) with the code, or make the code inline"))
        }
        return found
    }

    /// True when a folder holds a source file in the language.
    private static func holdsCode(_ folder: String, language: FunctionCode.Language, files: any SourceFiles) -> Bool {
        let suffixes = language == .python ? [".py"] : [".js", ".mjs", ".cjs"]
        return files.entries(of: folder).contains { name in suffixes.contains { name.hasSuffix($0) } }
    }

    /// True when the folder brings its own copy of the response module, or
    /// names it as a dependency for the build to fetch.
    private static func carries(_ module: String, in path: String, language: FunctionCode.Language,
                                 files: any SourceFiles) -> Bool {
        let manifest: String
        switch language {
        case .python:
            if files.read(join(path, module + ".py")) != nil || files.isDirectory(join(path, module)) { return true }
            manifest = "requirements.txt"
        case .node:
            if files.isDirectory(join(path, "node_modules/" + module)) { return true }
            manifest = "package.json"
        }
        guard let text = files.read(join(path, manifest)) else { return false }
        return CodeText.contains(Array(module.utf8), in: text)
    }

    /// The folder a template's relative paths start from.
    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return slash == file.startIndex ? "/" : String(file[..<slash])
    }

    static func join(_ folder: String, _ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        while path.hasSuffix("/") { path = path.dropLast() }
        if path.hasPrefix("/") { return String(path) }
        if path.isEmpty || path == "." { return folder }
        return folder == "." ? String(path) : folder + "/" + String(path)
    }
}
