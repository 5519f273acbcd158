import TapLintCore

/// The edits that make a built string read a pseudo parameter
/// (`${AWS::Partition}`) where it spells that parameter's value (`aws`):
/// in place inside an `Fn::Sub`, or by turning a plain string into one.
/// Offered only where the edit is certain: a one-line string whose text is
/// exactly what the file spells, in a place that takes an `Fn::Sub`.
enum PseudoParameterFix {
    /// The edits that put `${pseudo}` at `bytes` (offsets into
    /// `string.text`); nil where no fix is certain.
    static func edits(putting pseudo: String, at bytes: Range<Int>, in string: BuiltString,
                      template: Template) -> [TextEdit]? {
        edits(putting: pseudo, at: [bytes], in: string, template: template)
    }

    /// The same for several places of one string, in order and apart.
    static func edits(putting pseudo: String, at places: [Range<Int>], in string: BuiltString,
                      template: Template) -> [TextEdit]? {
        guard !places.isEmpty else { return nil }
        let call = string.node.intrinsic
        // The one-line string the file spells: the plain string, or the
        // Sub's text (its first item in the two-argument form). Up to the
        // last place edited, the text built must be the text written: a
        // `${!…}` or a variable the Sub fills in further on does not matter.
        if let call, call.name != .sub { return nil }
        let scalarNode = call.map { $0.argument.scalar != nil ? $0.argument : $0.argument.sequence?.first ?? $0.argument } ?? string.node
        let end = places.map(\.upperBound).max() ?? 0
        guard let scalar = scalarNode.scalar, let exact = scalarNode.exactValueRange,
              scalar.value.utf8.count >= end, string.text.utf8.count >= end,
              scalar.value.utf8.prefix(end).elementsEqual(string.text.utf8.prefix(end)),
              call != nil || scalar.value == string.text else { return nil }
        let quoted = scalar.style == .plain ? 0 : 1
        func position(_ offset: Int) -> SourcePosition {
            let characters = string.text.utf8.prefix(offset).count { $0 & 0xC0 != 0x80 }
            return SourcePosition(line: exact.start.line, column: exact.start.column + quoted + characters)
        }
        let replacement = "${" + pseudo + "}"
        if call != nil {
            return places.map { TextEdit(range: SourceRange(start: position($0.lowerBound), end: position($0.upperBound)), text: replacement) }
        }
        // A `${` in a plain string is not certain to be text: a Sub the
        // author forgot (REF005), or a variable a tool fills in before
        // CloudFormation reads the file (the Serverless Framework's
        // `${self:…}`). Escaping it would make either look meant.
        guard takesSub(string, template: template), !string.text.containsBytes("${") else { return nil }
        // A plain string becomes an Fn::Sub (with no `${` in it to escape).
        let utf8 = Array(string.text.utf8)
        var value = ""
        var done = 0
        for place in places {
            value += String(decoding: utf8[done..<place.lowerBound], as: UTF8.self) + replacement
            done = place.upperBound
        }
        value += String(decoding: utf8[done...], as: UTF8.self)
        return [TextEdit(range: SourceRange(start: exact.start, end: exact.end), text: SourceStyle(template).sub(value))]
    }

    /// True where an Fn::Sub may stand: a resource's property, not inside a
    /// function other than Fn::If, and not in a SAM resource (whose
    /// transform reads some properties before any function is resolved).
    private static func takesSub(_ string: BuiltString, template: Template) -> Bool {
        guard !template.isRewrittenBeforeDeploy,
              !string.path.contains(where: { if case .key(let key) = $0 { key.hasPrefix("Fn::") && key != "Fn::If" } else { false } })
        else { return false }
        return true
    }
}

/// How the file writes functions, so that an inserted one looks like the
/// rest: JSON, YAML's short forms (`!Sub`), or YAML's long forms (`Fn::Sub:`).
enum SourceStyle {
    case json, shortForm, longForm

    init(_ template: Template) {
        // A flow mapping at the root: JSON, or YAML written like it.
        if template.root.mapping != nil, !template.root.isBlockMapping {
            self = .json
            return
        }
        self = Self.firstFunction(in: template.root).map { $0.tag == nil ? .longForm : .shortForm } ?? .shortForm
    }

    /// The first function the template writes, depth first.
    private static func firstFunction(in node: Node) -> Node? {
        if node.intrinsic != nil { return node }
        for child in node.sequence ?? node.mapping?.map(\.value) ?? [] {
            if let found = firstFunction(in: child) { return found }
        }
        return nil
    }

    /// An Fn::Sub of `text`, written in this style.
    func sub(_ text: String) -> String {
        switch self {
        case .json: "{\"Fn::Sub\": " + Self.jsonString(text) + "}"
        case .shortForm: "!Sub " + Self.singleQuoted(text)
        case .longForm: "{Fn::Sub: " + Self.singleQuoted(text) + "}"
        }
    }

    private static func singleQuoted(_ text: String) -> String {
        var quoted = "'"
        for character in text {
            quoted.append(character)
            if character == "'" { quoted.append("'") }
        }
        return quoted + "'"
    }

    /// A JSON string: the text is one line with no control characters (the
    /// fix is offered only for such), so quotes and backslashes are all to escape.
    private static func jsonString(_ text: String) -> String {
        var out = "\""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}
