import Testing
import TapLintCore
import TapLintRules

/// DEP005 against code folders: the rule examples cover inline code; these
/// hand the linter a small file tree, as the command line hands it the disk.
@Suite struct HandlerCodeTests {
    /// Files by path; a folder exists when some file is under it.
    struct Tree: SourceFiles {
        var files: [String: String]

        func read(_ path: String) -> [UInt8]? { files[path].map { Array($0.utf8) } }

        func isDirectory(_ path: String) -> Bool {
            path == "." || files.keys.contains { $0.hasPrefix(path + "/") }
        }

        func entries(of folder: String) -> [String] {
            let prefix = folder == "." ? "" : folder + "/"
            let names = files.keys.compactMap { path -> String? in
                guard path.hasPrefix(prefix) else { return nil }
                return path.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
            }
            return Set(names).sorted()
        }
    }

    static func messages(_ template: String, file: String = "t.yaml", _ files: [String: String]) -> [String] {
        let linter = Linter(options: LintOptions(sourceFiles: Tree(files: files)))
        return linter.lint(Array(template.utf8), file: file).findings.filter { $0.rule == "DEP005" }.map(\.message)
    }

    static func function(_ properties: String) -> String {
        """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: python3.12
        Resources:
          Function:
            Type: AWS::Serverless::Function
            Properties:
        \(properties.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
    }

    static let app = "import json\n\ndef lambda_handler(event, context):\n    return {}\n"

    @Test func aHandlerThatIsThereIsQuiet() {
        let template = Self.function("Handler: app.lambda_handler\nCodeUri: src/")
        #expect(Self.messages(template, ["src/app.py": Self.app]).isEmpty)
        // Dotted modules are folders; a package's __init__.py counts.
        #expect(Self.messages(Self.function("Handler: handlers.app.lambda_handler\nCodeUri: src"),
                              ["src/handlers/app.py": Self.app]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.lambda_handler\nCodeUri: src"),
                              ["src/app/__init__.py": Self.app]).isEmpty)
    }

    @Test func aMissingFunctionOrFileIsNamed() {
        #expect(Self.messages(Self.function("Handler: app.handler\nCodeUri: src/"), ["src/app.py": Self.app])
                == ["Function's app.py has no handler for Handler app.handler"])
        #expect(Self.messages(Self.function("Handler: main.lambda_handler\nCodeUri: src/"), ["src/app.py": Self.app])
                == ["Function's Handler main.lambda_handler names main.py, which src/ does not hold (nor main/__init__.py)"])
    }

    @Test func codeIsReadRelativeToTheTemplate() {
        let template = Self.function("Handler: app.handler\nCodeUri: ./src")
        #expect(Self.messages(template, file: "stacks/api/template.yaml", ["stacks/api/src/app.py": Self.app]).count == 1)
        #expect(Self.messages(template, file: "stacks/api/template.yaml", ["src/app.py": Self.app]).isEmpty)
    }

    @Test func whatCannotBeReadIsNotJudged() {
        // No folder (built elsewhere), S3, a build step, an image, another runtime.
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: build/"), [:]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: s3://b/app.zip"), [:]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: src/\nRuntime: java21"), ["src/app.py": Self.app]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: src/\nPackageType: Image"), ["src/app.py": Self.app]).isEmpty)
        let built = Self.function("Handler: app.x\nCodeUri: src/") + "\n    Metadata:\n      BuildMethod: makefile"
        #expect(Self.messages(built, ["src/app.py": Self.app]).isEmpty)
        // The template's own folder holds the template whether or not the code was put beside it.
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: ."), [:]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.x\nCodeUri: ."), ["app.py": Self.app]).count == 1)
    }

    /// `sam build` packages a function without CodeUri from the template's
    /// folder, as the SAM CLI's `sam init` event starters expect.
    @Test func withoutCodeUriTheHandlerIsReadBesideTheTemplate() {
        let worker = Self.function("Runtime: nodejs22.x\nHandler: src/handlers/sqs-payload-logger.sqsPayloadLoggerHandler")
        let code = "exports.sqsPayloadLoggerHandler = async (event) => {};"
        #expect(Self.messages(worker, file: "app/template.yaml",
                              ["app/src/handlers/sqs-payload-logger.js": code, "app/package.json": "{}"]).isEmpty)
        #expect(Self.messages(worker, file: "app/template.yaml", ["app/src/handlers/sqs-payload-logger.js": "exports.other = 1;"])
                == ["Function's src/handlers/sqs-payload-logger.js has no sqsPayloadLoggerHandler for Handler "
                    + "src/handlers/sqs-payload-logger.sqsPayloadLoggerHandler"])
        // A handler file missing where the same folder holds other code of its language.
        #expect(Self.messages(worker, file: "app/template.yaml", ["app/src/handlers/other.js": code])
                == ["Function's Handler src/handlers/sqs-payload-logger.sqsPayloadLoggerHandler names "
                    + "src/handlers/sqs-payload-logger.js, which the template's folder does not hold "
                    + "(nor src/handlers/sqs-payload-logger.mjs or src/handlers/sqs-payload-logger.cjs)"])
        // A template kept apart from its code, or with code only in another language, is not judged.
        #expect(Self.messages(worker, file: "app/template.yaml", [:]).isEmpty)
        #expect(Self.messages(worker, file: "app/template.yaml", ["app/src/handlers/worker.py": Self.app]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.lambda_handler"), ["README.md": "# app"]).isEmpty)
        #expect(Self.messages(Self.function("Handler: app.lambda_handler"), ["main.py": Self.app]).count == 1)
    }

    @Test func nodeHandlersFindTheirExportInAnyModuleKind() {
        let template = Self.function("Runtime: nodejs22.x\nHandler: src/index.handler\nCodeUri: app")
        #expect(Self.messages(template, ["app/src/index.mjs": "export const handler = async () => ({});"]).isEmpty)
        #expect(Self.messages(template, ["app/src/index.cjs": "exports.main = async () => ({});"])
                == ["Function's src/index.cjs has no handler for Handler src/index.handler"])
        // TypeScript is built by a step the template does not show.
        #expect(Self.messages(template, ["app/src/index.ts": "export const main = 1;"]).isEmpty)
    }

    @Test func theResponseModuleMustTravelWithFolderCode() {
        let template = Self.function("Handler: app.lambda_handler\nCodeUri: src/")
        let code = "import cfnresponse\n" + Self.app
        #expect(Self.messages(template, ["src/app.py": code])
                == ["Function's app.py imports cfnresponse, which AWS adds to inline code only, and src/ does not carry it"])
        #expect(Self.messages(template, ["src/app.py": code, "src/cfnresponse.py": "def send(): pass"]).isEmpty)
        #expect(Self.messages(template, ["src/app.py": code, "src/requirements.txt": "cfnresponse==1.1.2\n"]).isEmpty)
    }

    @Test func globalsGiveTheHandlerAndCode() {
        let template = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
                Handler: app.lambda_handler
                CodeUri: src/
            Resources:
              One:
                Type: AWS::Serverless::Function
              Two:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.other
            """
        #expect(Self.messages(template, ["src/app.py": Self.app]) == ["Two's app.py has no other for Handler app.other"])
    }
}
