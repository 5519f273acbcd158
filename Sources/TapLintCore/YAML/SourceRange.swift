/// A position in a template, as an editor shows it: lines and columns count
/// from 1, and a column counts characters (not bytes), which is what libyaml
/// reports and what users see.
///
/// Stored in 32 bits each: a tree holds two positions per node, and
/// smaller nodes make a large template faster to read.
public struct SourcePosition: Hashable, Comparable, Sendable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public init(line: Int, column: Int) {
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.storedLine, a.storedColumn) < (b.storedLine, b.storedColumn)
    }
}

/// Where a node starts and where it ends (exclusive), so that reports can
/// underline exactly the offending text.
public struct SourceRange: Hashable, Sendable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public static let origin = SourceRange(
        start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
}
