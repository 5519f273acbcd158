/// Reads YAML (and so JSON, which libyaml reads as YAML) into `Node`s.
/// Plain JSON is read by `JSONReader`, several times faster, into the same
/// events libyaml gives for it.
///
/// It pulls libyaml's events and builds the tree with an explicit stack, never
/// by recursion, so input depth cannot overflow the call stack; depth and
/// alias expansion are bounded by `ParseLimits` before they can cost memory.
public enum YAMLParser {
    /// `threads` above one reads a large text on one thread while the tree
    /// is built on another: libyaml and the tree each take about half the
    /// time, and neither waits for the whole of the other. A large
    /// block-style template is read in two parts at once (see `SplitPoint`).
    /// JSON is read on one thread: its reader costs little beside the tree.
    public static func parse(_ bytes: [UInt8], limits: ParseLimits = ParseLimits(), threads: Int = 1) -> ParsedDocument {
        if JSONReader.mayBeJSON(bytes) {
            var builder = TreeBuilder(limits: limits)
            if JSONReader.read(bytes, deliver: { builder.take($0) }), !builder.hasFailed { return builder.finish() }
        }
        return parseAsYAML(bytes, limits: limits, threads: threads)
    }

    /// The text read by libyaml alone, even when it is JSON: what the JSON
    /// reader must give too, which the tests and the fuzzer check.
    public static func parseAsYAML(_ bytes: [UInt8], limits: ParseLimits = ParseLimits(), threads: Int = 1) -> ParsedDocument {
        if bytes.isEmpty { return ParsedDocument(root: nil, issues: [], usesPreprocessor: false) }
        if threads > 1, let split = SplitPoint.find(in: bytes), let document = parse(bytes, at: split, limits: limits) {
            return document
        }
        var builder = TreeBuilder(limits: limits)
        if threads > 1 {
            let pipe = EventPipe()
            let built: Void? = Parallel.alongside({ EventReader.read(bytes, deliver: pipe.send) }) {
                _ = builder.drain(pipe)
                pipe.close()
            }
            if built != nil { return builder.finish() }
        }
        EventReader.read(bytes) { builder.take($0) }
        return builder.finish()
    }

    /// Reads the two parts of a split text at once and builds one tree from
    /// them; nil when the split does not hold and the text must be read whole.
    static func parse(_ bytes: [UInt8], at split: SplitPoint, limits: ParseLimits) -> ParsedDocument? {
        let firstPart = Array(bytes[..<split.offset])
        let secondPart = SplitPoint.resumption + bytes[split.offset...]
        // The second part waits in its pipe while the tree is built from the
        // first: room for a good share of it, bounded for hostile sizes.
        let (pipe1, pipe2) = (EventPipe(), EventPipe(capacity: 64))
        var builder = TreeBuilder(limits: limits)
        var held = false
        _ = Parallel.alongside({ EventReader.read(firstPart, part: .first(line: split.line, indent: split.indent), deliver: pipe1.send) }) {
            let started: Void? = Parallel.alongside({
                EventReader.read(secondPart, part: .second(lineOffset: split.line - 1), deliver: pipe2.send)
            }) {
                defer { pipe1.close(); pipe2.close() }
                // A tree that stopped early (a second document, nesting past
                // the limit) is read whole too: libyaml reads ahead, and read
                // whole it may meet an error further on (bad UTF-8) first.
                held = builder.drain(pipe1, split: true) == .finished && builder.isInResources
                    && builder.drain(pipe2, split: true) == .finished
            }
            // No thread for the second reader: the first must not wait on a full pipe.
            if started == nil { pipe1.close() }
        }
        return held ? builder.finish() : nil
    }
}

/// Turns libyaml's event stream into a tree. Each open collection is a frame
/// on `stack`; the finished children of all open collections wait on one
/// shared `children` stack, so each collection is allocated once, at its
/// final size, when it ends.
struct TreeBuilder {
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
    private var stack: [Frame] = []
    private var children = NodeStack()
    private var anchors: [String: Anchored] = [:]
    private var scalars = ScalarTable()
    private var expanded = 0
    private var documents = 0
    private var root: Node?
    private var issues: [ParseIssue] = []
    private var failed = false
    private var usesPreprocessor = false

    init(limits: ParseLimits) {
        self.limits = limits
    }

    /// How taking the chunks of a pipe ended.
    enum Drained: Equatable {
        /// The stream, or the first part of a split text, was read to its end.
        case finished
        /// The tree stopped on a problem of the text (a limit, an alias).
        case stopped
        /// A part of a split text could not be read on its own.
        case unsplittable
    }

    /// Takes chunks from `pipe` until its last. In a part of a split text
    /// any libyaml error means the text must be read whole, where the error
    /// has its true position and context.
    mutating func drain(_ pipe: EventPipe, split: Bool = false) -> Drained {
        while true {
            let chunk = pipe.receive()
            if split, chunk.failure != nil { return .unsplittable }
            guard take(chunk) else { return failed ? .stopped : .finished }
            if chunk.isLast { return .finished }
        }
    }

    /// True after the first part of a split text: what is open is the
    /// template's mapping and, as its last key's value, `Resources`.
    var isInResources: Bool {
        guard stack.count == 2, stack[0].isMapping, stack[1].isMapping, stack[1].firstChild >= 1,
              (children.count - stack[1].firstChild) % 2 == 0 else { return false }
        return children[stack[1].firstChild - 1].string == "Resources"
    }

    /// Takes a chunk of events; false when reading must stop.
    mutating func take(_ chunk: EventChunk) -> Bool {
        for event in chunk.events {
            guard handle(event, in: chunk), event.kind != .streamEnd else { return false }
        }
        if let failure = chunk.failure {
            fail(failure)
            return false
        }
        return true
    }

    /// True once the tree stopped on a problem of the text.
    var hasFailed: Bool { failed }

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
    private mutating func handle(_ event: Event, in chunk: EventChunk) -> Bool {
        let range = event.range
        switch event.kind {
        case .documentStart:
            documents += 1
            if documents > 1 {
                fail(ParseIssue(.malformed, "a template is one YAML document, but a second one starts here", at: range))
                return false
            }
        case .scalar:
            let tag = checkedTag(chunk.string(event.tag), at: range)
            let scalar = chunk.withBytes(event.value) { scalars.scalar($0, style: event.style) }
            let node = Node(.scalar(scalar), tag: tag, range: range)
            return add(node, weight: 1, height: 1, anchor: chunk.string(event.anchor))
        case .sequenceStart, .mappingStart:
            if stack.count + 1 > limits.maxDepth {
                fail(ParseIssue(.tooComplex, "nesting deeper than \(limits.maxDepth) levels; no template needs that", at: range))
                return false
            }
            guard count(1, at: range) else { return false }
            stack.append(Frame(isMapping: event.kind == .mappingStart, tag: checkedTag(chunk.string(event.tag), at: range),
                               anchor: chunk.string(event.anchor), start: range.start, firstChild: children.count))
        case .sequenceEnd, .mappingEnd:
            // Taken with removeLast, not popLast: letting go of a `Frame?` went
            // through its generic witness, ninety instructions a container.
            guard !stack.isEmpty else { return true }
            let frame = stack.removeLast()
            let content: Node.Content = frame.isMapping ? .mapping(children.moveEntries(from: frame.firstChild))
                : .sequence(children.moveItems(from: frame.firstChild))
            let node = Node(content, tag: frame.tag, range: SourceRange(start: frame.start, end: range.end))
            return add(node, weight: frame.weight, height: frame.height, anchor: frame.anchor, counted: true)
        case .alias:
            let name = chunk.string(event.value)
            guard let anchored = anchors[name] else {
                fail(ParseIssue(.malformed, "alias *\(name) refers to no anchor defined before it", at: range))
                return false
            }
            if stack.count + anchored.height > limits.maxDepth {
                fail(ParseIssue(.tooComplex, "alias *\(name) nests deeper than \(limits.maxDepth) levels", at: range))
                return false
            }
            return add(anchored.node, weight: anchored.weight, height: anchored.height, anchor: nil)
        case .streamStart, .documentEnd, .streamEnd:
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
            // Lengths first: most keys differ from the new one in length,
            // and comparing two strings costs several times their counts.
            let length = name.utf8.count
            var i = first
            while i < children.count {
                if let other = children[i].scalar?.value, other.utf8.count == length, other == name {
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
    private mutating func checkedTag(_ text: String?, at range: SourceRange) -> Tag? {
        guard let text, let tag = Tag(text) else { return nil }
        switch tag {
        case .preprocessor: usesPreprocessor = true
        case .unknown:
            issues.append(ParseIssue(.unknownTag, "unknown tag \(text); CloudFormation knows only its intrinsic-function short forms such as !Ref and !Sub", at: range))
        case .intrinsic, .rulesFunction: break
        }
        return tag
    }
}
