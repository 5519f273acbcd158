/// One node of a parsed template. YAML and JSON both end up here, with every
/// position kept, so that a rule can point at the exact key or value it means.
///
/// Short-form tags such as `!Ref` stay on the node (`tag`) instead of being
/// rewritten into the long form: the model decodes both forms the same way,
/// and reports can still speak about what the user wrote.
public struct Node: Sendable {
    public enum Content: Sendable {
        case scalar(Scalar)
        case sequence([Node])
        case mapping([Entry])
    }

    public var content: Content
    /// The node's explicit tag (`!Ref`, …); nil when untagged.
    public var tag: Tag?
    public var range: SourceRange

    public init(_ content: Content, tag: Tag? = nil, range: SourceRange) {
        self.content = content
        self.tag = tag
        self.range = range
    }
}

/// A mapping entry. Keys are kept as nodes so that findings about a key
/// (a duplicate, an unknown property) point at the key itself.
public struct Entry: Sendable {
    public var key: Node
    public var value: Node

    public init(key: Node, value: Node) {
        self.key = key
        self.value = value
    }

    /// The key's text when the key is a scalar; non-scalar keys have none.
    public var name: String? { key.scalar?.value }
}

/// A scalar keeps its style because CloudFormation tells `'true'` (a string)
/// from `true` (a boolean), and `yes`/`no` are booleans only when plain.
///
/// A class, so that every case of `Node.Content` holds one reference: a
/// node is then copied with a single reference count, and rules copy nodes
/// hundreds of thousands of times on a large template.
public final class Scalar: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public let value: String
    public let style: Style

    public init(_ value: String, style: Style = .plain) {
        self.value = value
        self.style = style
    }

    public static func == (a: Scalar, b: Scalar) -> Bool {
        a.value == b.value && a.style == b.style
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(style)
    }

    /// True for an unquoted YAML 1.1 null (`~`, `null`, empty).
    public var isNull: Bool {
        // The length first: comparing a long value with each spelling is most of the cost.
        style == .plain && value.utf8.count <= 4
            && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// The boolean a plain scalar spells, the YAML 1.1 way CloudFormation reads it.
    public var boolValue: Bool? {
        guard style == .plain, value.utf8.count <= 5 else { return nil }
        switch value {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
}

extension Node {
    public var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    /// The scalar's text, for untagged scalars only: `!Ref X` is not the string "X".
    public var string: String? {
        guard tag == nil, case .scalar(let s) = content else { return nil }
        return s.value
    }

    public var sequence: [Node]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The first entry with that key. Duplicate keys are reported by the parser,
    /// and CloudFormation keeps the last; the first is where the user looks.
    public func entry(_ key: String) -> Entry? {
        guard case .mapping(let entries) = content, let i = Self.index(of: key, in: entries) else { return nil }
        return entries[i]
    }

    /// The first entry's value, read without an `Entry?` to let go after
    /// (rules ask this of most nodes they read).
    public subscript(key: String) -> Node? {
        guard case .mapping(let entries) = content, let i = Self.index(of: key, in: entries) else { return nil }
        return entries[i].value
    }

    /// Where the first entry with that key stands. By index: `first(where:)`
    /// copied every entry it passed (two nodes each). Lengths are compared
    /// first: most keys differ from the one asked in length, and two
    /// strings cost several times more to compare than their counts.
    private static func index(of key: String, in entries: [Entry]) -> Int? {
        let length = key.utf8.count
        for i in entries.indices {
            if let name = entries[i].name, name.utf8.count == length, name == key { return i }
        }
        return nil
    }

    /// Where the scalar's own text stands, without a tag before it
    /// (`!Ref Name` → `Name`); the node's range where that is not known.
    public var valueRange: SourceRange { exactValueRange ?? range }

    /// The scalar's text position, found from the end mark: known only for
    /// a one-line scalar written without escapes.
    public var exactValueRange: SourceRange? {
        guard let scalar, range.start.line == range.end.line else { return nil }
        var forbidden: UInt8 = 0  // a character that the style escapes
        switch scalar.style {
        case .plain: forbidden = 0
        case .singleQuoted: forbidden = UInt8(ascii: "'")
        case .doubleQuoted: forbidden = UInt8(ascii: "\\")
        default: return nil
        }
        // Read as a buffer: Sub texts and policies run to hundreds of bytes.
        let counted: Int? = scalar.value.withBytes { bytes in
            var codePoints = 0
            var start = 0
            // Eight bytes at a time while they are plain ASCII, which each
            // count one: most texts are, and ARNs and Sub texts are long.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while start + 8 <= bytes.count,
                      WordBytes.isPlainScalarText(base.loadUnaligned(fromByteOffset: start, as: UInt64.self), quoting: forbidden) {
                    codePoints += 8
                    start += 8
                }
            }
            for byte in bytes[start...] {
                if byte < 0x20 || byte == 0x7F || (forbidden != 0 && (byte == forbidden || byte == UInt8(ascii: "\""))) {
                    return nil
                }
                if byte & 0xC0 != 0x80 { codePoints += 1 }
            }
            return codePoints
        }
        guard let codePoints = counted else { return nil }
        let width = codePoints + (scalar.style == .plain ? 0 : 2)
        guard range.end.column - range.start.column >= width else { return nil }
        return SourceRange(start: SourcePosition(line: range.end.line, column: range.end.column - width), end: range.end)
    }

    /// A single value or a list of values as a list, the way CloudFormation
    /// accepts `DependsOn: A` and `DependsOn: [A, B]` alike.
    public var items: [Node] { sequence ?? [self] }
}

extension Node {
    /// The tree in words, every node's tag, range, style and text: two trees
    /// are the same exactly when their outlines are. The tests and the
    /// fuzzer compare the parallel readers' trees with the serial one's by it.
    public var outline: String {
        let head = "\(tag.map { "\($0)" } ?? "-") \(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
        switch content {
        case .scalar(let scalar): return "\(head) \(scalar.style) \(scalar.value.debugDescription)"
        case .sequence(let items): return "\(head) [" + items.map(\.outline).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "\(head) {" + entries.map { $0.key.outline + ": " + $0.value.outline }.joined(separator: ", ") + "}"
        }
    }
}
