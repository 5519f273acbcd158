/// A string the template builds, as far as it can be read without deploying:
/// literal text, with `${Name}` standing for each part only known at deploy
/// time (a parameter, a pseudo parameter, an attribute).
public struct BuiltString: Sendable {
    public var text: String
    /// The resource whose properties hold it.
    public var resource: String
    /// Where it is, from the template's root.
    public var path: [PathElement]
    /// What a finding about it points at: the property key that holds it,
    /// or the list item itself.
    public var range: SourceRange
    /// The intrinsic-function node or scalar that produces it.
    public var node: Node
    /// For a string in `TemplateStrings.Found.literals`: the first `${X}`
    /// written in plain text outside `Fn::Sub` (a scalar, or a literal part
    /// of `Fn::Join`), X a pseudo parameter or a name of the template, where
    /// CloudFormation keeps it as those very characters.
    public var literalVariable: String?
    /// The other texts it gives at deploy time (an `Fn::If` inside it
    /// taken either way, an `Fn::Select` or `Fn::FindInMap` read), when
    /// they differ from `text`: what ARN agreement compares.
    public var variants: [String] = []

    /// `Resource.Property.Path`, the way messages name the place
    /// (`Resource.Properties.X` reads better as `Resource.X`).
    public var place: String { path.place(under: resource, from: 2, droppingProperties: true) }
}

/// Every string built in the resources' properties: scalars, `Fn::Sub`
/// and `Fn::Join` (with a literal delimiter), in every `Fn::If` branch,
/// found on the reference walk; and what a string can spell.
public enum TemplateStrings {
    /// What the reference walk finds of the resources' strings.
    public struct Found: Sendable {
        /// The strings that contain one of the needles.
        public var strings: [BuiltString] = []
        /// Plain text holding `${X}` that no Fn::Sub replaces.
        public var literals: [BuiltString] = []
    }

    /// Properties that hold another template or a document with `${…}` of
    /// its own (a StackSet's template, a state machine's substitutions).
    static let documents: [String: String] = [
        "AWS::CloudFormation::StackSet": "TemplateBody",
        "AWS::SSM::Document": "Content",
        "AWS::StepFunctions::StateMachine": "DefinitionString",
        "AWS::Serverless::StateMachine": "Definition",
        "AWS::ImageBuilder::Component": "Data",
        "AWS::CodeBuild::Project": "Source",
    ]

    /// Properties that hold a program's source text, by resource type. Its
    /// strings are the program's, not the template's: an ARN in a Python
    /// string is the code's business (and `${…}` there is no Sub variable).
    static let inlineCode: [String: [String]] = [
        "AWS::Lambda::Function": ["Code", "ZipFile"],
        "AWS::Serverless::Function": ["InlineCode"],
        "AWS::Synthetics::Canary": ["Code", "Script"],
        "AWS::CloudFront::Function": ["FunctionCode"],
        "AWS::AppSync::Resolver": ["Code"],
        "AWS::AppSync::FunctionConfiguration": ["Code"],
    ]

    /// Collects the strings of one template's resource properties, node by
    /// node, as the reference walk (`ReferenceIndex`) passes them: the
    /// template is walked once for both. Rules look for a few markers
    /// (`arn:`, a domain); keeping only the strings that hold one spares
    /// recording every scalar of a large template.
    struct Collector {
        let needles: [StaticString]
        let template: Template
        var found = Found()
        /// The resource whose properties are being walked.
        private var resource = ""
        /// The resource's property that holds a document, whose `${…}` are its own.
        private var document: PathElement?
        /// The path of the resource's inline code, whose strings are not the template's.
        private var skip: [PathElement]?
        /// True in an output: its plain `${…}` are read, but its strings
        /// are no resource's for the rules that read `strings`.
        private var literalsOnly = false

        init(needles: [StaticString], template: Template) {
            self.needles = needles
            self.template = template
        }

        /// Starts on a resource's properties, at `path`.
        mutating func enter(_ resource: Resource, path: [PathElement]) {
            literalsOnly = false
            self.resource = resource.name
            skip = resource.type.flatMap { inlineCode[$0] }.map { path + $0.map { .key($0) } }
            document = resource.type.flatMap { documents[$0] }.map { PathElement.key($0) }
        }

        /// Starts on an output's entries (`Value`, `Export`): messages name
        /// it `Outputs.Name`.
        mutating func enter(output name: String) {
            (resource, skip, document, literalsOnly) = ("Outputs." + name, nil, nil, true)
        }

        /// True for the inline code's path, which is not read for strings.
        func skips(_ path: [PathElement]) -> Bool { path == skip }

        /// Reads one node at `path`, which calls `call`; `key` is what a
        /// finding about it points at (the property key, or the list item). True when the node
        /// settles the strings below it (a string built, or a Sub without a
        /// needle), so the walk reads no deeper.
        mutating func read(_ node: Node, call: Intrinsic?, key: SourceRange, path: [PathElement]) -> Bool {
            // A needle is in an Fn::Sub's text only if it is in its template
            // (`${!…}` escapes hold no needle); most Subs need no parsing.
            if let call, call.name == .sub, let raw = SubCall.templateString(of: call.argument),
               !raw.containsBytes(anyOf: needles) {
                return true
            }
            let plain = call == nil ? node.string : nil
            if let plain {
                if plain.containsBytes("${") { findLiteralVariable(in: [plain], node: node, key: key, path: path) }
            } else if let call, call.name == .join, let parts = call.argument.sequence?.last?.sequence {
                findLiteralVariable(in: parts.compactMap(\.string), node: node, key: key, path: path)
            }
            // An Fn::If around the string is walked on, its branches at
            // their own paths; one inside it gives the string's variants.
            guard let text = if let call { call.name == .if ? nil : TemplateStrings.build(node) } else { plain } else { return false }
            // Only a `${?}` (an If, Select or FindInMap read as written)
            // can be spelled otherwise.
            let variants = call == nil || !text.containsBytes("${?}") ? []
                : TemplateStrings.variants(node, in: template).filter { $0 != text }
            if !literalsOnly, text.containsBytes(anyOf: needles) || variants.contains(where: { $0.containsBytes(anyOf: needles) }) {
                found.strings.append(BuiltString(text: text, resource: resource, path: path, range: key, node: node,
                                                 variants: variants))
            }
            return true
        }

        /// A `${X}` in plain text (a scalar, or a literal part of an
        /// `Fn::Join`), X a pseudo parameter or a parameter or resource of
        /// the template: no Fn::Sub will replace it.
        private mutating func findLiteralVariable(in texts: [String], node: Node, key: SourceRange, path: [PathElement]) {
            if let document, path.count > 3, path[3] == document { return }
            for text in texts where text.containsBytes("${") {
                guard let variable = variable(in: text) else { continue }
                found.literals.append(BuiltString(text: text, resource: resource, path: path, range: key, node: node,
                                                  literalVariable: variable))
                return
            }
        }

        /// The first `${X}` of `text` that names something of the template.
        private func variable(in text: String) -> String? {
            var rest = Substring(text)
            while let start = rest.firstRange(of: "${") {
                let after = rest[start.upperBound...]
                guard let close = after.firstIndex(of: "}") else { return nil }
                let name = after[..<close]
                let head = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
                if name.hasPrefix("AWS::") ? PseudoParameters.all.contains(String(name))
                    : template.hasParameter(head) || template.hasResource(head) {
                    return "${" + name + "}"
                }
                rest = after[close...]
            }
            return nil
        }
    }

    /// At most this many texts for one string: each `Fn::If` inside it
    /// doubles them, and past this its branches read `${?}`.
    public static let maxVariants = 8

    /// The text a node builds as written, or nil when it is not a string:
    /// what is only known at deploy time (a function inside, other than a
    /// Sub, Join, Ref or GetAtt) reads `${?}`. The rules about what is
    /// written by hand read this.
    public static func build(_ node: Node) -> String? {
        if let text = node.string { return text }
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .sub:
            // One text that reads as written needs no splitting: policies
            // build every Sub of theirs, which the reference walk has split.
            if let text = call.argument.string, SubTemplate.readsAsWritten(text) { return text }
            guard let sub = SubCall(call.argument) else { return nil }
            if sub.variables.isEmpty { return sub.text.literalText }
            // The two-argument form: a variable of the map stands for its
            // value, as text when that is built, else as what it reads.
            return sub.text.parts.map { part in
                switch part {
                case .literal(let text): return text
                case .variable(let name, _):
                    guard let value = sub.variables.first(where: { $0.name == name })?.value else { return "${\(name)}" }
                    return build(value) ?? placeholder(value)
                }
            }.joined()
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let parts = items[1].sequence else { return nil }
            return parts.map { part in build(part) ?? placeholder(part) }.joined(separator: delimiter)
        default:
            return nil
        }
    }

    /// The texts a node builds as each deploy may spell them: one per way
    /// the `Fn::If`s in it can go (a branch that gives `AWS::NoValue`
    /// builds nothing), with the item an `Fn::Select` picks and the value an
    /// `Fn::FindInMap` with literal keys finds. Empty when it builds no string.
    public static func variants(_ node: Node, in template: Template) -> [String] {
        if let call = node.intrinsic, call.name == .if, let items = call.argument.sequence, items.count == 3 {
            return unique([items[1], items[2]].filter { !Node.isNoValue($0) }.flatMap { variants($0, in: template) })
        }
        if let call = node.intrinsic, call.name == .select || call.name == .findInMap {
            let all = parts(of: node, in: template)
            return all == [placeholder(node)] ? [] : unique(all)
        }
        if let all = texts(node, in: template), all.count <= maxVariants { return unique(all) }
        return build(node).map { [$0] } ?? []
    }

    /// The texts a Sub or Join builds, each part read by `parts(of:)`; a
    /// scalar is its own text. Nil past `maxVariants`.
    private static func texts(_ node: Node, in template: Template) -> [String]? {
        if let text = node.string { return [text] }
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .sub:
            guard let sub = SubCall(call.argument) else { return nil }
            if sub.variables.isEmpty { return [sub.text.literalText] }
            // The two-argument form: a variable of the map stands for its
            // value, as text when that is built, else as what it reads.
            return product(sub.text.parts.map { part in
                switch part {
                case .literal(let text): return [text]
                case .variable(let name, _):
                    guard let value = sub.variables.first(where: { $0.name == name })?.value else { return ["${\(name)}"] }
                    return parts(of: value, in: template)
                }
            }, separator: "")
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let list = items[1].sequence else { return nil }
            return product(list.map { parts(of: $0, in: template) }, separator: delimiter)
        default:
            return nil
        }
    }

    /// What one part of a Sub or Join reads: its texts; each branch of an
    /// `Fn::If`; the item an `Fn::Select` with a literal index picks; the
    /// value an `Fn::FindInMap` with literal keys finds; else a placeholder
    /// for what only the deploy knows.
    private static func parts(of node: Node, in template: Template) -> [String] {
        if let texts = texts(node, in: template) ?? build(node).map({ [$0] }) { return texts }
        guard let call = node.intrinsic, let items = call.argument.sequence else { return [placeholder(node)] }
        switch call.name {
        case .if where items.count == 3 && !items.dropFirst().contains(where: Node.isNoValue):
            return parts(of: items[1], in: template) + parts(of: items[2], in: template)
        case .select:
            guard items.count == 2, let index = items[0].string.flatMap({ Int($0) }), index >= 0 else { break }
            if items[1].intrinsic == nil, let list = items[1].sequence {
                return index < list.count ? parts(of: list[index], in: template) : [placeholder(node)]
            }
            // A literal string split into pieces: the piece is known.
            guard let split = items[1].intrinsic, split.name == .split, let pair = split.argument.sequence, pair.count == 2,
                  let delimiter = pair[0].string, !delimiter.isEmpty, let text = pair[1].string else { break }
            let pieces = text.split(separator: delimiter, omittingEmptySubsequences: false).map(String.init)
            return index < pieces.count ? [pieces[index]] : [placeholder(node)]
        case .findInMap:
            guard items.count >= 3, let map = items[0].string, let first = items[1].string,
                  let second = items[2].string else { break }
            let value = template.mappings.first(where: { $0.name == map })?[first]?[second] ?? items.dropFirst(3).first?["DefaultValue"]
            if let value, let text = value.string { return [text] }
        default:
            break
        }
        return [placeholder(node)]
    }

    /// Every way of taking one text from each slot, joined; nil when there
    /// are more than `maxVariants` (the caller reads the Ifs as one text).
    private static func product(_ slots: [[String]], separator: String) -> [String]? {
        var texts: [[String]] = [[]]
        for slot in slots {
            if slot.count == 1 {
                for i in texts.indices { texts[i].append(slot[0]) }
                continue
            }
            texts = texts.flatMap { prefix in slot.map { prefix + [$0] } }
            if texts.count > maxVariants { return nil }
        }
        return texts.map { $0.joined(separator: separator) }
    }

    /// The texts in their first order, each once.
    private static func unique(_ texts: [String]) -> [String] {
        var seen: Set<String> = []
        return texts.filter { seen.insert($0).inserted }
    }

    /// `${Name}` for a Ref, `${Name.Attr}` for a GetAtt, `${?}` otherwise.
    public static func placeholder(_ node: Node) -> String {
        guard let call = node.intrinsic else { return "${?}" }
        switch call.name {
        case .ref: return "${\(call.argument.string ?? "?")}"
        case .getAtt:
            guard let target = GetAttTarget(call.argument) else { return "${?}" }
            return "${\(target.resource).\(target.attribute ?? "?")}"
        default: return "${?}"
        }
    }
}
