/// A position in a template, as an editor shows it: lines and columns count
/// from 1, and a column counts characters (not bytes), which is what libyaml
/// reports and what users see.
///
/// Two 32-bit numbers; a tree's nodes keep theirs packed in `SourceRange`.
public struct SourcePosition: Hashable, Comparable, Sendable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// A range's numbers, which fit.
    fileprivate init(packedLine line: UInt32, column: UInt32) {
        storedLine = Int32(bitPattern: line)
        storedColumn = Int32(bitPattern: column)
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// Where a node starts and where it ends (exclusive), so that reports can
/// underline exactly the offending text.
///
/// Stored as four 24-bit numbers in three 32-bit words: every node of a
/// tree holds a range, and at 12 bytes instead of 16 a node takes 24 bytes
/// instead of 32, a quarter less of the tree to allocate, copy and walk.
/// Lines and columns above 16,777,215 read as that number: no template
/// taplint reads by default (10 MB at most) reaches it.
public struct SourceRange: Hashable, Sendable {
    /// Start line, then the start column's high 8 bits.
    private var first: UInt32
    /// The start column's low 16 bits, then the end line's high 16.
    private var second: UInt32
    /// The end line's low 8 bits, then the end column.
    private var third: UInt32

    private static let largest = 0xFF_FFFF

    /// Inlined: the parser makes one for every event.
    @inline(__always)
    public init(start: SourcePosition, end: SourcePosition) {
        let (startLine, startColumn) = (Self.packed(start.line), Self.packed(start.column))
        let (endLine, endColumn) = (Self.packed(end.line), Self.packed(end.column))
        first = startLine << 8 | startColumn >> 16
        second = (startColumn & 0xFFFF) << 16 | endLine >> 8
        third = (endLine & 0xFF) << 24 | endColumn
    }

    public var start: SourcePosition {
        get { SourcePosition(packedLine: first >> 8, column: (first & 0xFF) << 16 | second >> 16) }
        set { self = SourceRange(start: newValue, end: end) }
    }

    public var end: SourcePosition {
        get { SourcePosition(packedLine: (second & 0xFFFF) << 8 | third >> 24, column: third & 0xFF_FFFF) }
        set { self = SourceRange(start: start, end: newValue) }
    }

    @inline(__always)
    private static func packed(_ number: Int) -> UInt32 {
        UInt32(min(max(number, 0), largest))
    }

    public static let origin = SourceRange(
        start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
}
