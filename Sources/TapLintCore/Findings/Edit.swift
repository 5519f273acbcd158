/// A change to a template's bytes that fixes a finding: the bytes from
/// `start` up to `end` (offsets into the file as read) become `text`.
public struct Edit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// An edit as a rule states it, by the positions the parser keeps; the
/// linter turns it into byte offsets.
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var text: String

    public init(range: SourceRange, text: String) {
        self.range = range
        self.text = text
    }
}

/// Turns line and column positions into byte offsets in one file's bytes:
/// the line starts are found once, on the first question.
///
/// The starts are 32-bit: on a large template they were the run's peak of
/// memory, a list of 64-bit numbers grown by doubling, which holds its old
/// and new storage at once. (Counting the lines first to make the list at
/// its size cost more instructions than it saved memory.)
public struct SourceOffsets {
    private let bytes: [UInt8]
    private var lineStarts: [UInt32] = []

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The byte offset of a position (columns count characters); nil past
    /// the end, and in a file too large for 32-bit offsets (no edit is made there).
    public mutating func offset(of position: SourcePosition) -> Int? {
        guard bytes.count < UInt32.max else { return nil }
        if lineStarts.isEmpty { lineStarts = bytes.withUnsafeBufferPointer { TapLintCore.fileLineStarts(in: $0) } }
        guard position.line >= 1, position.line <= lineStarts.count else { return nil }
        var offset = Int(lineStarts[position.line - 1])
        var column = 1
        while column < position.column {
            guard offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") else { return nil }
            offset += 1
            // A character is its lead byte and the continuation bytes after it.
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// A rule's edit in bytes; nil when a position is not in the file.
    public mutating func edit(_ edit: TextEdit) -> Edit? {
        guard let start = offset(of: edit.range.start), let end = offset(of: edit.range.end), start <= end else { return nil }
        return Edit(start: start, end: end, text: edit.text)
    }
}

extension TextEdit {
    /// Deletes whole lines, `first` through `last`, with their line ends.
    public static func deletingLines(_ first: Int, through last: Int) -> TextEdit {
        TextEdit(range: SourceRange(start: SourcePosition(line: first, column: 1), end: SourcePosition(line: last + 1, column: 1)),
                 text: "")
    }
}

/// What a fix that deletes lines needs to know of a node's layout, read
/// from the positions alone (the tree keeps no styles of collections).
extension Node {
    /// A block mapping starts at its first key; a flow one (`{`, JSON) before it.
    public var isBlockMapping: Bool {
        guard let first = mapping?.first else { return false }
        return first.key.range.start == range.start
    }

    /// A block list starts at its first `- `, the item two columns on; a
    /// flow one (`[`) right before its first item.
    public var isBlockSequence: Bool {
        guard let first = sequence?.first else { return false }
        return first.range.start.line == range.start.line && first.range.start.column == range.start.column + 2
    }

    /// The last line the node's own text reaches: a block collection's end
    /// mark is where the next token starts, often the line after.
    public var lastLine: Int {
        switch content {
        case .scalar: range.end.line
        case .sequence(let items): items.last?.lastLine ?? range.start.line
        case .mapping(let entries): entries.last?.value.lastLine ?? range.start.line
        }
    }
}
