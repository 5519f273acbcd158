import CYAML

/// Reads YAML (and so JSON, which libyaml reads as YAML) into `Node`s.
///
/// It pulls libyaml's events and builds the tree with an explicit stack, never
/// by recursion, so input depth cannot overflow the call stack; depth and
/// alias expansion are bounded by `ParseLimits` before they can cost memory.
public enum YAMLParser {
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = ParseLimits()) -> ParsedDocument {
        if bytes.isEmpty { return ParsedDocument(root: nil, issues: [], usesPreprocessor: false) }
        var builder = TreeBuilder(limits: limits, text: bytes)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return ParsedDocument(root: nil, issues: [ParseIssue(.malformed, "libyaml could not start (out of memory)", at: .origin)],
                                  usesPreprocessor: false)
        }
        defer { yaml_parser_delete(&parser) }
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var running = true
            while running {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    builder.fail(ParseIssue(.malformed, describeError(parser, text: bytes), at: errorRange(parser, text: bytes)))
                    return
                }
                running = builder.handle(event) && event.type != YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
            }
        }
        return builder.finish()
    }

    private static func errorRange(_ parser: yaml_parser_t, text: [UInt8]) -> SourceRange {
        let position: SourcePosition
        if parser.error == YAML_READER_ERROR {
            position = TextIndex.position(ofByte: parser.problem_offset, in: text)
        } else {
            position = SourcePosition(parser.problem_mark)
        }
        return SourceRange(start: position, end: SourcePosition(line: position.line, column: position.column + 1))
    }

    /// libyaml's problem in words a template author can act on.
    private static func describeError(_ parser: yaml_parser_t, text: [UInt8]) -> String {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return "out of memory while reading YAML"
        case YAML_READER_ERROR:
            let value = parser.problem_value
            if problem == "control characters are not allowed" {
                return "the file holds control character \(hex(value)), which YAML does not allow; is it a binary file?"
            }
            return "the file is not valid UTF-8 text: \(problem)" + (value >= 0 ? " (byte \(hex(value)))" : "")
        default:
            let mark = SourcePosition(parser.problem_mark)
            if problem == "found character that cannot start any token", TextIndex.character(at: mark, in: text) == UInt8(ascii: "\t") {
                return "a tab cannot indent YAML; use spaces"
            }
            guard let context = parser.context.map({ String(cString: $0) }) else { return problem }
            let where_ = SourcePosition(parser.context_mark)
            return "\(problem), \(context) that starts at line \(where_.line), column \(where_.column)"
        }
    }

    private static func hex(_ value: Int32) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }
}

extension SourcePosition {
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

/// Turns libyaml's event stream into a tree. Each open collection is a frame
/// on `stack`; the finished children of all open collections wait on one
/// shared `children` stack, so each collection is allocated once, at its
/// final size, when it ends.
private struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var tag: Tag?
        var anchor: String?
        var start: SourcePosition
        /// Where this collection's children begin on `children`.
        var firstChild: Int
        var weight = 1
        var height = 1
        /// Keys seen, with their first line; built only for large mappings,
        /// small ones are scanned instead.
        var keyLines: [String: Int]?
    }

    /// What an anchor stands for, with the cost of repeating it.
    private struct Anchored {
        var node: Node
        var weight: Int
        var height: Int
    }

    /// Mappings up to this many keys look for duplicates by scanning.
    private static let scanLimit = 16

    let limits: ParseLimits
    let text: [UInt8]
    private var stack: [Frame] = []
    private var children: [Node] = []
    private var anchors: [String: Anchored] = [:]
    private var expanded = 0
    private var documents = 0
    private var root: Node?
    private var issues: [ParseIssue] = []
    private var failed = false
    private var usesPreprocessor = false

    init(limits: ParseLimits, text: [UInt8]) {
        self.limits = limits
        self.text = text
        children.reserveCapacity(256)
    }

    mutating func fail(_ issue: ParseIssue) {
        issues.append(issue)
        failed = true
    }

    /// A tree cut short by an error is dropped: rules would only report
    /// the symptoms of the one syntax finding that explains them.
    func finish() -> ParsedDocument {
        ParsedDocument(root: failed ? nil : root, issues: issues, usesPreprocessor: usesPreprocessor)
    }

    /// Takes one event; false when reading must stop.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = SourcePosition(event.start_mark)
        let range = SourceRange(start: start, end: SourcePosition(event.end_mark))
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fail(ParseIssue(.malformed, "a template is one YAML document, but a second one starts here", at: range))
                return false
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
            let tag = checkedTag(data.tag, at: range)
            let node = Node(.scalar(Scalar(value, style: style(data.style))), tag: tag, range: range)
            return add(node, weight: 1, height: 1, anchor: string(data.anchor))
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let (tagPointer, anchorPointer) = isMapping
                ? (event.data.mapping_start.tag, event.data.mapping_start.anchor)
                : (event.data.sequence_start.tag, event.data.sequence_start.anchor)
            if stack.count + 1 > limits.maxDepth {
                fail(ParseIssue(.tooComplex, "nesting deeper than \(limits.maxDepth) levels; no template needs that", at: range))
                return false
            }
            guard count(1, at: range) else { return false }
            stack.append(Frame(isMapping: isMapping, tag: checkedTag(tagPointer, at: range), anchor: string(anchorPointer),
                               start: start, firstChild: children.count))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let content: Node.Content
            if frame.isMapping {
                var entries: [Entry] = []
                entries.reserveCapacity((children.count - frame.firstChild) / 2)
                var i = frame.firstChild
                while i + 1 < children.count {
                    entries.append(Entry(key: children[i], value: children[i + 1]))
                    i += 2
                }
                content = .mapping(entries)
            } else {
                content = .sequence(Array(children[frame.firstChild...]))
            }
            children.removeSubrange(frame.firstChild...)
            let node = Node(content, tag: frame.tag, range: SourceRange(start: frame.start, end: range.end))
            return add(node, weight: frame.weight, height: frame.height, anchor: frame.anchor, counted: true)
        case YAML_ALIAS_EVENT:
            let name = string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                fail(ParseIssue(.malformed, "alias *\(name) refers to no anchor defined before it", at: range))
                return false
            }
            if stack.count + anchored.height > limits.maxDepth {
                fail(ParseIssue(.tooComplex, "alias *\(name) nests deeper than \(limits.maxDepth) levels", at: range))
                return false
            }
            return add(anchored.node, weight: anchored.weight, height: anchored.height, anchor: nil)
        default:
            break
        }
        return true
    }

    /// Counts nodes as if every alias were expanded, which is what a rule
    /// walking the tree pays: an alias bomb stops here, not in a rule.
    private mutating func count(_ weight: Int, at range: SourceRange) -> Bool {
        expanded += weight
        if expanded > limits.maxExpandedNodes {
            fail(ParseIssue(.tooComplex, "aliases expand to more than \(limits.maxExpandedNodes) nodes (an alias bomb?)", at: range))
            return false
        }
        return true
    }

    private mutating func add(_ node: Node, weight: Int, height: Int, anchor: String?, counted: Bool = false) -> Bool {
        if !counted, !count(weight, at: node.range) { return false }
        if let anchor { anchors[anchor] = Anchored(node: node, weight: weight, height: height) }
        guard !stack.isEmpty else {
            root = node
            return true
        }
        let top = stack.count - 1
        stack[top].weight += weight
        stack[top].height = max(stack[top].height, height + 1)
        if stack[top].isMapping {
            let isKey = (children.count - stack[top].firstChild) % 2 == 0
            if isKey { checkKey(node, frame: top) }
        }
        children.append(node)
        return true
    }

    /// Reports a key that is not a plain string, or that the mapping already has.
    private mutating func checkKey(_ key: Node, frame top: Int) {
        guard let name = key.scalar?.value else {
            return issues.append(ParseIssue(.nonScalarKey, "a mapping key must be a string, not a list or a mapping", at: key.range))
        }
        // The JSON form of a Rain directive: {"Rain::Module": "vpc.yml"}.
        if name.utf8.first == UInt8(ascii: "R"), name.hasPrefix("Rain::") { usesPreprocessor = true }
        if key.tag != nil {
            issues.append(ParseIssue(.nonScalarKey, "a mapping key must be a plain string, not a tagged value or function call", at: key.range))
        }
        let first = stack[top].firstChild
        let keyCount = (children.count - first) / 2
        var firstLine: Int?
        if keyCount < Self.scanLimit {
            var i = first
            while i < children.count {
                if children[i].scalar?.value == name {
                    firstLine = children[i].range.start.line
                    break
                }
                i += 2
            }
        } else {
            if stack[top].keyLines == nil {
                var lines: [String: Int] = [:]
                var i = first
                while i < children.count {
                    if let existing = children[i].scalar?.value, lines[existing] == nil {
                        lines[existing] = children[i].range.start.line
                    }
                    i += 2
                }
                stack[top].keyLines = lines
            }
            firstLine = stack[top].keyLines?[name]
            if firstLine == nil { stack[top].keyLines?[name] = key.range.start.line }
        }
        if let firstLine {
            issues.append(ParseIssue(.duplicateKey, "duplicate key '\(name)': first defined on line \(firstLine)", at: key.range))
        }
    }

    /// The tag to keep on the node, reporting unknown ones; core YAML tags are dropped.
    private mutating func checkedTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, at range: SourceRange) -> Tag? {
        guard let text = string(pointer), let tag = Tag(text) else { return nil }
        switch tag {
        case .preprocessor: usesPreprocessor = true
        case .unknown:
            issues.append(ParseIssue(.unknownTag, "unknown tag \(text); CloudFormation knows only its intrinsic-function short forms such as !Ref and !Sub", at: range))
        case .intrinsic, .rulesFunction: break
        }
        return tag
    }

    private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
