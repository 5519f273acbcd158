import Testing
import TapLintReport

/// Findings are written member by member; the bytes must be those of the
/// same object made as a value and written whole.
@Suite struct ObjectWriterTests {
    private static func streamed(depth: Int, _ body: (inout JSON.ObjectWriter, inout ByteSink) -> Void) -> String {
        ByteSink.collect { sink in
            var object = JSON.ObjectWriter(depth: depth)
            body(&object, &sink)
            object.end(into: &sink)
        }
    }

    private static func whole(depth: Int, _ value: JSON) -> String {
        ByteSink.collect { value.write(into: &$0, depth: depth) }
    }

    @Test(arguments: [0, 1, 3])
    func membersOfEveryKindWriteAsTheObjectWould(_ depth: Int) {
        let nested = JSON.array([.object([("start", .int(3)), ("end", .int(-7)), ("text", .string("a\n\"b\""))])])
        let expected = Self.whole(depth: depth, .object([
            ("rule", .string("TL001")), ("line", .int(12)), ("path", .array([.string("Resources"), .int(0), .string("é\\")])),
            ("none", .array([])), ("edits", nested), ("empty", .object([])),
        ]))
        let path: [Any] = ["Resources", 0, "é\\"]
        let written = Self.streamed(depth: depth) { object, sink in
            object.member("rule", "TL001", into: &sink)
            object.member("line", 12, into: &sink)
            object.member("path", plainItems: path.count, into: &sink) { i, sink in
                if let text = path[i] as? String { JSON.quote(text, into: &sink) } else { JSON.int(path[i] as! Int).write(into: &sink, depth: 0) }
            }
            object.member("none", plainItems: 0, into: &sink) { _, _ in }
            object.member("edits", nested, into: &sink)
            object.member("empty", .object([]), into: &sink)
        }
        #expect(written == expected)
    }

    @Test func anObjectWithoutMembersIsEmptyBraces() {
        #expect(Self.streamed(depth: 2) { _, _ in } == Self.whole(depth: 2, .object([])))
    }
}
