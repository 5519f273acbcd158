import Testing
import TapLintCore

/// Ranges are packed into 12 bytes so that a node takes 24: what goes in
/// must come out, up to the 24-bit limit, and the node must stay small.
@Suite struct SourceRangeTests {
    @Test(arguments: [
        (1, 1, 1, 1), (3, 7, 3, 19), (1, 65_536, 2, 70_000), (255, 256, 65_535, 65_537),
        (0xFF_FFFF, 0xFF_FFFF, 0xFF_FFFF, 0xFF_FFFF), (123_456, 9_876_543, 654_321, 1),
    ])
    func positionsSurvivePacking(_ numbers: (Int, Int, Int, Int)) {
        let start = SourcePosition(line: numbers.0, column: numbers.1)
        let end = SourcePosition(line: numbers.2, column: numbers.3)
        let range = SourceRange(start: start, end: end)
        #expect(range.start == start && range.end == end)
        var moved = range
        moved.end = start
        #expect(moved.start == start && moved.end == start)
        moved.start = end
        #expect(moved.start == end && moved.end == start)
    }

    @Test func numbersPastTheLimitReadAsTheLimit() {
        let range = SourceRange(start: SourcePosition(line: 20_000_000, column: -3),
                                end: SourcePosition(line: 5, column: 1 << 30))
        #expect(range.start == SourcePosition(line: 0xFF_FFFF, column: 0))
        #expect(range.end == SourcePosition(line: 5, column: 0xFF_FFFF))
    }

    @Test func equalRangesAreEqualAndHashAlike() {
        let a = SourceRange(start: SourcePosition(line: 2, column: 3), end: SourcePosition(line: 4, column: 5))
        let b = SourceRange(start: SourcePosition(line: 2, column: 3), end: SourcePosition(line: 4, column: 5))
        let c = SourceRange(start: SourcePosition(line: 2, column: 3), end: SourcePosition(line: 4, column: 6))
        #expect(a == b && a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func aNodeTakesTwentyFourBytes() {
        #expect(MemoryLayout<SourceRange>.size == 12)
        #expect(MemoryLayout<Node>.stride == 24)
        #expect(MemoryLayout<Entry>.stride == 48)
    }
}
