import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// Reports are written through a sink that hands them on in chunks; what
/// arrives must be the report, byte for byte, however it is cut.
@Suite struct ByteSinkTests {
    @Test func chunksArriveInOrderAndWhole() {
        var chunks: [[UInt8]] = []
        var sink = ByteSink(chunk: 4) { chunks.append($0) }
        for word in ["ab", "cd", "efg", "h", "ijklmn"] { sink.append(word) }
        // Handed on once a chunk is full, never before.
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) } == ["abcd", "efgh", "ijklmn"])
        sink.write(Array("o".utf8))
        sink.write(UInt8(ascii: "p"))
        sink.pass()
        #expect(chunks.count == 3)
        sink.flush()
        sink.flush()
        #expect(chunks.map { String(decoding: $0, as: UTF8.self) }.joined() == "abcdefghijklmnop")
    }

    /// Single bytes, literals and pieces far longer than the buffer, mixed:
    /// the sink grows and loses nothing.
    @Test func growsForPiecesOfAnySize() {
        var streamed: [UInt8] = []
        var expected: [UInt8] = []
        var sink = ByteSink(chunk: 8) { streamed += $0 }
        for round in 0..<50 {
            let long = [UInt8](repeating: UInt8(ascii: "a") + UInt8(round % 26), count: round * 37)
            sink.write(long)
            sink.write(UInt8(ascii: "|"))
            sink.write("<>")
            expected += long + Array("|<>".utf8)
            if round % 3 == 0 { sink.pass() }
        }
        sink.flush()
        #expect(streamed == expected)
    }

    @Test func objectsWriteAsTheSameArrayWould() {
        let items: [JSON] = (0..<3).map { .object([("n", .int($0)), ("tags", .array([.string("a\"b"), .null]))]) }
        for count in [0, 1, 3] {
            let eager = JSON.object([("list", .array(Array(items.prefix(count)))), ("after", .bool(true))]).rendered()
            let lazy = JSON.object([("list", .objects(count: count) { items[$0].write(into: &$1, depth: $2) }), ("after", .bool(true))]).rendered()
            #expect(lazy == eager)
        }
    }

    /// The JSON and SARIF reports of a template with many findings, written
    /// in small chunks, are the reports rendered whole.
    @Test(arguments: ["json", "sarif"])
    func longReportsSurviveChunking(_ format: String) throws {
        var template = "Resources:\n"
        for i in 0..<40 {
            template += "  Bucket\(i):\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: arn:aws:s3:::bucket-\(i)\n"
        }
        let report = Linter(options: LintOptions(asOf: "2026-12-03")).lint(Array(template.utf8), file: "t.yaml")
        let result = RunResult(reports: [report], seconds: 0)
        #expect(result.findings.count >= 40)
        let reporter: any Reporter = format == "json" ? JSONReporter() : SARIFReporter(rules: RuleRegistry.all)
        var chunks = 0
        var streamed: [UInt8] = []
        var sink = ByteSink(chunk: 512) { streamed += $0; chunks += 1 }
        reporter.write(result, to: &sink)
        sink.flush()
        #expect(chunks > 10)
        #expect(String(decoding: streamed, as: UTF8.self) == reporter.render(result))
    }
}
