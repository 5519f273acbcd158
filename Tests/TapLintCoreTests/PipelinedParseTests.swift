import Foundation
import Testing
@testable import TapLintCore

/// Reading on one thread while the tree is built on another must give
/// exactly the tree, the issues and the early stops of reading in turn.
@Suite struct PipelinedParseTests {
    /// A tree in words: every node's kind, tag, range and text.
    static func describe(_ node: Node?) -> String {
        guard let node else { return "nil" }
        let head = "\(node.tag.map { "\($0)" } ?? "-") \(node.range.start.line):\(node.range.start.column)-\(node.range.end.line):\(node.range.end.column)"
        switch node.content {
        case .scalar(let scalar): return "\(head) \(scalar.style) \(scalar.value.debugDescription)"
        case .sequence(let items): return "\(head) [" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "\(head) {" + entries.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "}"
        }
    }

    static func expectSame(_ text: [UInt8], limits: ParseLimits = ParseLimits()) {
        let alone = YAMLParser.parse(text, limits: limits, threads: 1)
        let pipelined = YAMLParser.parse(text, limits: limits, threads: 2)
        #expect(describe(pipelined.root) == describe(alone.root))
        #expect(pipelined.issues == alone.issues)
        #expect(pipelined.usesPreprocessor == alone.usesPreprocessor)
    }

    /// Many more events than one chunk holds, with every kind of event.
    static let large: String = {
        var text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
        for i in 0..<600 {
            text += """
              Queue\(i): &q\(i)
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${AWS::StackName}-\(i)-é"
                  Tags: [{Key: k\(i), Value: !Ref AWS::Region}, {Key: "two", Value: 'x'}]
                  Literal: |
                    line \(i)
              Copy\(i): *q\(i)

            """
        }
        return text
    }()

    @Test func largeTemplateGivesTheSameTree() throws {
        let bytes = Array(Self.large.utf8)
        #expect(bytes.count > 64 * 1024)
        Self.expectSame(bytes)
    }

    @Test func theSampleGivesTheSameTree() throws {
        let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples/TapStack.yml")
        Self.expectSame(Array(try Data(contentsOf: sample)))
    }

    @Test(arguments: [
        "a: 1\nb: [1, 2\n",  // broken flow sequence: libyaml's error
        "a: 1\na: 2\n",  // duplicate key
        "a: !Bogus 1\nb: !Rain::Embed x\n",  // unknown tag, preprocessor
        "a: 1\n---\nb: 2\n",  // a second document
        "a: *nowhere\n",  // alias without anchor
        "",
    ])
    func problemsAreTheSame(_ text: String) {
        Self.expectSame(Array(text.utf8))
    }

    @Test func earlyStopsAreTheSame() {
        // Deeper than the limit, in many chunks: the builder stops the reader.
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        Self.expectSame(Array(deep.utf8))
        // An alias bomb stops at the expansion limit.
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<12 { bomb += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        Self.expectSame(Array(bomb.utf8))
        // A tight limit ends a large template halfway.
        Self.expectSame(Array(Self.large.utf8), limits: ParseLimits(maxDepth: 200, maxExpandedNodes: 5_000))
    }
}
