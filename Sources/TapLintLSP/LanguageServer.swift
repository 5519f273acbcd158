import TapLintCore
import TapLintReport
import TapLintRules

/// `taplint lsp`: the linter behind an editor, over the Language Server
/// Protocol on standard input and output. It keeps the open documents,
/// lints one whenever it changes (a burst of changes read together is
/// linted once, at its newest version, so no stale result is published),
/// and answers from the same engine the CLI runs: diagnostics, quick fixes,
/// hover, go to definition, references, document symbols and completion.
public final class LanguageServer {
    /// A configuration file that could not be read: where, and why.
    public struct ConfigurationProblem: Sendable, Equatable {
        public var file: String
        public var line: Int
        public var column: Int
        public var message: String

        public init(file: String, line: Int, column: Int, message: String) {
            (self.file, self.line, self.column, self.message) = (file, line, column, message)
        }
    }

    /// The options to lint a file with (the nearest `.taplint.yml`'s), by
    /// path, and the problem of that configuration when it is broken.
    private let options: (String) -> (LintOptions, ConfigurationProblem?)
    /// Configuration files with a diagnostic published, to clear it once fixed.
    private var brokenConfigurations: Set<String> = []
    private var transport = Transport()
    private var documents: [String: Document] = [:]
    /// The findings last published for each document, for code actions and hover.
    private var findings: [String: [Finding]] = [:]
    /// Documents changed since they were last linted.
    private var dirty: Set<String> = []
    private var shutDown = false

    public init(options: @escaping (String) -> (LintOptions, ConfigurationProblem?)) {
        self.options = options
    }

    /// Serves until `exit` (0 after `shutdown`, 1 without) or the end of input (1).
    public func run() -> Int32 {
        while true {
            if let message = transport.buffered() {
                if let code = handle(message) { return code }
                continue
            }
            // Nothing more has arrived: lint what changed, at its newest version.
            for uri in dirty.sorted() { publish(uri) }
            dirty.removeAll()
            guard transport.fill() else { return shutDown ? 0 : 1 }
        }
    }

    /// Handles one message; an exit code when the server is to stop.
    private func handle(_ bytes: [UInt8]) -> Int32? {
        guard let message = JSONValue.parse(bytes) else {
            Transport.send(["jsonrpc": "2.0", "id": .null, "error": ["code": -32700, "message": "the message is no JSON"]])
            return nil
        }
        let method = message["method"]?.string ?? ""
        let id = message["id"]
        let params = message["params"] ?? .null
        if method == "exit" { return shutDown ? 0 : 1 }
        guard let id else {
            notification(method, params)
            return nil
        }
        if shutDown, method != "shutdown" {
            Transport.send(["jsonrpc": "2.0", "id": id, "error": ["code": -32600, "message": "the server is shutting down"]])
            return nil
        }
        // A request whose answer fails gets an error; the server goes on.
        if let result = request(method, params) {
            Transport.send(["jsonrpc": "2.0", "id": id, "result": result])
        } else {
            Transport.send(["jsonrpc": "2.0", "id": id, "error": ["code": -32601, "message": .string("taplint does not handle \(method)")]])
        }
        return nil
    }

    private func notification(_ method: String, _ params: JSONValue) {
        let uri = params["textDocument"]?["uri"]?.string ?? ""
        switch method {
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let text = item["text"]?.string else { return }
            documents[uri] = Document(uri: uri, version: item["version"]?.int ?? 0, text: text)
            dirty.insert(uri)
        case "textDocument/didChange":
            guard var document = documents[uri] else { return }
            for change in params["contentChanges"]?.array ?? [] {
                document.apply(range: change["range"], text: change["text"]?.string ?? "")
            }
            document.version = params["textDocument"]?["version"]?.int ?? document.version + 1
            documents[uri] = document
            dirty.insert(uri)
        case "textDocument/didSave":
            if documents[uri] != nil { dirty.insert(uri) }
        case "textDocument/didClose":
            documents[uri] = nil
            findings[uri] = nil
            dirty.remove(uri)
            Transport.send(Self.notification("textDocument/publishDiagnostics", ["uri": .string(uri), "diagnostics": []]))
        default:
            break  // initialized, $/cancelRequest (answers are immediate), and the rest
        }
    }

    private func request(_ method: String, _ params: JSONValue) -> JSONValue? {
        switch method {
        case "initialize": return Self.capabilities
        case "shutdown":
            shutDown = true
            return .null
        case "textDocument/codeAction": return codeActions(params)
        case "textDocument/hover": return hover(params)
        case "textDocument/definition": return definition(params)
        case "textDocument/documentSymbol": return symbols(params)
        case "textDocument/completion": return completion(params)
        case "textDocument/references": return references(params)
        default: return nil
        }
    }

    static let capabilities: JSONValue = [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "codeActionProvider": ["codeActionKinds": ["quickfix", "source.fixAll.taplint"]],
            "hoverProvider": true,
            "definitionProvider": true,
            "documentSymbolProvider": true,
            "referencesProvider": true,
            "completionProvider": ["triggerCharacters": [" ", "."]],
        ],
        "serverInfo": ["name": "taplint", "version": .string(TapLintVersion.current)],
    ]

    static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    // MARK: Diagnostics

    /// Lints a document at its current version and publishes what it finds.
    private func publish(_ uri: String) {
        guard let document = documents[uri] else { return }
        let path = Self.path(of: uri)
        // A file that is no template (no Resources or AWSTemplateFormatVersion) gets nothing, as in a folder walk.
        let (lintOptions, problem) = options(path)
        report(problem)
        let report = Linter(options: lintOptions).lint(document.bytes, file: path, explicit: false)
        let found = report.skipped ? [] : report.findings
        findings[uri] = found
        let diagnostics = found.map { Self.diagnostic($0, in: document) }
        Transport.send(Self.notification("textDocument/publishDiagnostics",
                                         ["uri": .string(uri), "version": JSONValue(document.version),
                                          "diagnostics": .array(diagnostics)]))
    }

    /// A broken configuration is a diagnostic on its own file, not a dead
    /// server; one that reads again has its diagnostic cleared.
    private func report(_ problem: ConfigurationProblem?) {
        if let problem {
            brokenConfigurations.insert(problem.file)
            let at: JSONValue = ["line": JSONValue(max(problem.line - 1, 0)), "character": JSONValue(max(problem.column - 1, 0))]
            let diagnostic: JSONValue = ["range": ["start": at, "end": at], "severity": 1, "source": "taplint",
                                         "message": .string(problem.message + "; taplint lints with the defaults until it is fixed")]
            Transport.send(Self.notification("textDocument/publishDiagnostics",
                                             ["uri": .string("file://" + problem.file), "diagnostics": [diagnostic]]))
        } else {
            for file in brokenConfigurations.sorted() {
                Transport.send(Self.notification("textDocument/publishDiagnostics", ["uri": .string("file://" + file), "diagnostics": []]))
            }
            brokenConfigurations.removeAll()
        }
    }

    /// Rules whose findings mark text that can go: the editor greys it.
    static let unnecessary: Set<String> = ["BP001", "BP002", "BP004", "BP005", "BP006"]

    static func diagnostic(_ finding: Finding, in document: Document) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("range", document.range(of: finding.range)),
            ("severity", JSONValue(finding.severity == .error ? 1 : finding.severity == .warning ? 2 : 3)),
            ("code", .string(finding.rule)),
            ("codeDescription", ["href": .string("https://github.com/taplint/taplint/blob/main/rules/\(finding.rule).md")]),
            ("source", "taplint"),
            ("message", .string(finding.message + (finding.fix.map { "\nfix: \($0)" } ?? ""))),
        ]
        if unnecessary.contains(finding.rule) { members.append(("tags", [1])) }
        let related = finding.related.map { place -> JSONValue in
            ["location": ["uri": .string(document.uri), "range": document.range(of: place.range)], "message": .string(place.message)]
        }
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        return .object(members)
    }

    // MARK: Code actions

    private func codeActions(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let range = params["range"], let from = range["start"].flatMap(document.sourcePosition(of:)),
              let to = range["end"].flatMap(document.sourcePosition(of:)) else { return [] }
        let wanted = params["context"]?["only"]?.array?.compactMap(\.string)
        let known = findings[uri] ?? []
        var actions: [JSONValue] = []
        func wants(_ kind: String) -> Bool { wanted.map { $0.contains { kind.hasPrefix($0) } } ?? true }
        for finding in known where finding.range.start <= to && from <= finding.range.end {
            if !finding.edits.isEmpty, wants("quickfix") {
                actions.append(["title": .string("Fix \(finding.rule): \(finding.fix ?? finding.name)"), "kind": "quickfix",
                                "isPreferred": true, "diagnostics": [Self.diagnostic(finding, in: document)],
                                "edit": Self.workspaceEdit(uri, finding.edits, in: document)])
            }
            if wants("quickfix"), let suppression = Self.suppression(finding, in: document) {
                actions.append(["title": .string("Suppress \(finding.rule) on this line, with a reason"), "kind": "quickfix",
                                "edit": Self.workspaceEdit(uri, [suppression], in: document)])
            }
        }
        let fixable = known.flatMap(\.edits)
        if !fixable.isEmpty, wants("source.fixAll.taplint") {
            actions.append(["title": "Fix all certain taplint findings", "kind": "source.fixAll.taplint",
                            "edit": Self.workspaceEdit(uri, Self.disjoint(fixable), in: document)])
        }
        return .array(actions)
    }

    static func workspaceEdit(_ uri: String, _ edits: [Edit], in document: Document) -> JSONValue {
        let changes = edits.map { edit -> JSONValue in
            ["range": ["start": document.position(ofByte: edit.start), "end": document.position(ofByte: edit.end)],
             "newText": .string(edit.text)]
        }
        return ["changes": .object([(uri, .array(changes))])]
    }

    /// The edits of several fixes that do not overlap, in order: the first
    /// of two that touch the same bytes wins; a second run fixes the rest.
    static func disjoint(_ edits: [Edit]) -> [Edit] {
        var kept: [Edit] = []
        for edit in edits.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where kept.last.map({ $0.end <= edit.start }) ?? true {
            kept.append(edit)
        }
        return kept
    }

    /// The comment form of a suppression at the end of the finding's line
    /// (`# taplint: ignore RULE -- reason`), for YAML; JSON has no comments.
    static func suppression(_ finding: Finding, in document: Document) -> Edit? {
        let bytes = document.bytes
        guard bytes.first.map({ $0 != UInt8(ascii: "{") }) ?? false,
              let start = document.offset(of: document.position(of: finding.range.start)) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return Edit(start: end, end: end, text: "  # taplint: ignore \(finding.rule) -- reason")
    }

    // MARK: Hover, definition, symbols

    /// The template of a document and the references in it, read anew: a
    /// question about a document is rarer than a keystroke.
    private func model(_ document: Document) -> (Template, ReferenceIndex)? {
        guard let root = YAMLParser.parse(document.bytes).root, let template = Template(root: root) else { return nil }
        return (template, ReferenceIndex(template))
    }

    private func hover(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let position = params["position"].flatMap(document.sourcePosition(of:)) else { return .null }
        var parts: [String] = []
        for finding in findings[uri] ?? [] where finding.range.start <= position && position <= finding.range.end {
            if let rule = RuleRegistry.rule(named: finding.rule) {
                parts.append("**\(rule.id) \(rule.name)** (\(finding.severity.rawValue))\n\n\(rule.rationale)"
                             + (rule.fix.map { "\n\nfix: \($0)" } ?? ""))
            }
        }
        let modelled = model(document)
        // On a resource's Type: what its schema says.
        if let template = modelled?.0, let resource = template.resources.first(where: { resource in
            resource.body["Type"].map { $0.range.start <= position && position <= $0.range.end } ?? false
        }), let name = resource.type, let type = Catalog.type(named: name) {
            var text = "`\(name)`"
            if !type.properties.required.isEmpty { text += "\n\nrequired: " + type.properties.required.map { "`\($0)`" }.joined(separator: ", ") }
            if !type.createOnly.isEmpty { text += "\n\ncreate-only (a change replaces it): " + type.createOnly.map { "`\($0)`" }.joined(separator: ", ") }
            let attributes = type.attributes.filter { $0 != "*" }
            if !attributes.isEmpty { text += "\n\nGetAtt: " + attributes.map { "`\($0)`" }.joined(separator: ", ") }
            if type.holdsData { text += "\n\nholds data: the change gate guards its replacement and deletion" }
            parts.insert(text, at: 0)
        }
        // On a property's key: its shape and constraints from the schema.
        if let template = modelled?.0, let property = PropertyHover.text(at: position, in: template) {
            parts.insert(property, at: 0)
        }
        if let (template, references) = modelled,
           let reference = references.references.first(where: { $0.range.start <= position && position <= $0.range.end }) {
            let name = String(reference.target.prefix { $0 != "." })
            if let resource = template.resource(named: name) {
                var text = "`\(name)`: resource of type `\(resource.type ?? "?")`"
                if let condition = resource.condition?.string { text += ", exists only when \(condition)" }
                parts.insert(text, at: 0)
            } else if let generated = template.generatedResource(named: name) {
                parts.insert("`\(name)`: `\(generated.type)` that SAM generates" + (generated.origin.map { " from \($0)" } ?? ""), at: 0)
            } else if let parameter = template.parameter(named: name) {
                parts.insert("`\(name)`: parameter of type `\(parameter["Type"]?.string ?? "String")`", at: 0)
            }
        }
        guard !parts.isEmpty else { return .null }
        return ["contents": ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n---\n\n"))]]
    }

    private func definition(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let position = params["position"].flatMap(document.sourcePosition(of:)), let (template, references) = model(document),
              let name = references.references.first(where: { $0.range.start <= position && position <= $0.range.end })
                  .map({ String($0.target.prefix { $0 != "." }) })
                  ?? references.conditionUses.first(where: { $0.range.start <= position && position <= $0.range.end })?.name
                  ?? Self.mapUses(in: template.root).first(where: { $0.range.start <= position && position <= $0.range.end })?.name
        else { return .null }
        let declarations = template.resources.map(\.declaration) + template.parameters + template.conditions + template.mappings
        guard let declaration = declarations.first(where: { $0.name == name }) else { return .null }
        return ["uri": .string(uri), "range": document.range(of: declaration.key.range)]
    }

    private func symbols(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let root = YAMLParser.parse(document.bytes).root, let template = Template(root: root) else { return [] }
        func symbol(_ declaration: Declaration, kind: Int, detail: String?) -> JSONValue {
            var members: [(String, JSONValue)] = [("name", .string(declaration.name)), ("kind", JSONValue(kind)),
                                                  ("range", document.range(of: SourceRange(start: declaration.key.range.start,
                                                                                           end: declaration.body.range.end))),
                                                  ("selectionRange", document.range(of: declaration.key.range))]
            if let detail { members.append(("detail", .string(detail))) }
            return .object(members)
        }
        // LSP's symbol kinds: 13 variable, 14 constant, 5 class, 7 property.
        return .array(template.parameters.map { symbol($0, kind: 13, detail: $0["Type"]?.string) }
            + template.conditions.map { symbol($0, kind: 14, detail: "condition") }
            + template.resources.map { symbol($0.declaration, kind: 5, detail: $0.type) }
            + template.outputs.map { symbol($0, kind: 7, detail: "output") })
    }

    private func completion(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri], let position = params["position"],
              let line = position["line"]?.int, let offset = document.offset(of: position) else { return [] }
        let text = document.text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return [] }
        let lineStart = document.offset(of: ["line": JSONValue(line), "character": 0]) ?? offset
        let prefix = String(decoding: document.bytes[lineStart..<offset], as: UTF8.self)
        let template = model(document)?.0
        let items = Completion.items(before: prefix, lines: lines, line: line, template: template).map { item -> JSONValue in
            var members: [(String, JSONValue)] = [("label", .string(item.label)), ("kind", JSONValue(item.kind))]
            if let detail = item.detail { members.append(("detail", .string(detail))) }
            if let sort = item.sortText { members.append(("sortText", .string(sort))) }
            return .object(members)
        }
        return ["isIncomplete": false, "items": .array(items)]
    }

    /// Every place that names a resource, parameter or condition: its
    /// declaration (when asked) and each reference to it.
    private func references(_ params: JSONValue) -> JSONValue {
        guard let uri = params["textDocument"]?["uri"]?.string, let document = documents[uri],
              let position = params["position"].flatMap(document.sourcePosition(of:)), let (template, index) = model(document)
        else { return [] }
        let declarations = template.resources.map(\.declaration) + template.parameters + template.conditions + template.mappings
        let name = declarations.first { $0.key.range.start <= position && position <= $0.key.range.end }?.name
            ?? index.references.first { $0.range.start <= position && position <= $0.range.end }.map { String($0.target.prefix { $0 != "." }) }
            ?? index.conditionUses.first { $0.range.start <= position && position <= $0.range.end }?.name
        let maps = Self.mapUses(in: template.root)
        guard let name = name ?? maps.first(where: { $0.range.start <= position && position <= $0.range.end })?.name else { return [] }
        var ranges = index.references.filter { String($0.target.prefix { $0 != "." }) == name }.map(\.range)
            + index.conditionUses.filter { $0.name == name }.map(\.range)
            + maps.filter { $0.name == name }.map(\.range)
        if params["context"]?["includeDeclaration"]?.bool == true, let declaration = declarations.first(where: { $0.name == name }) {
            ranges.insert(declaration.key.range, at: 0)
        }
        return .array(ranges.map { ["uri": .string(uri), "range": document.range(of: $0)] })
    }

    /// Every `Fn::FindInMap` of the tree, by the mapping it names and
    /// where that name is written. Asked of a document on request only.
    static func mapUses(in root: Node) -> [(name: String, range: SourceRange)] {
        var found: [(name: String, range: SourceRange)] = []
        var stack = [root]
        while let node = stack.popLast() {
            if let call = node.intrinsic {
                if call.name == .findInMap, let first = call.argument.sequence?.first, let name = first.string {
                    found.append((name, first.range))
                }
                stack.append(call.argument)
                continue
            }
            switch node.content {
            case .scalar: break
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let entries): stack.append(contentsOf: entries.map(\.value))
            }
        }
        return found
    }

    /// A `file://` URI's path, percent-decoded.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var bytes: [UInt8] = []
        var rest = Array(uri.utf8.dropFirst("file://".count))[...]
        while let byte = rest.first {
            if byte == UInt8(ascii: "%"), rest.count >= 3, let value = UInt8(String(decoding: rest.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                rest = rest.dropFirst(3)
            } else {
                bytes.append(byte)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
