import Foundation
import Testing
@testable import TapLintCore

/// Reading on one thread while the tree is built on another, or reading a
/// template in two parts at once, must give exactly the tree, the issues and
/// the early stops of reading it whole in turn.
/// Fifty lines made by `line`, for texts long enough to be cut.
private func lines(_ line: (Int) -> String) -> String {
    (0..<50).map(line).joined()
}

@Suite struct PipelinedParseTests {
    static func expectSame(_ text: [UInt8], limits: ParseLimits = ParseLimits()) {
        let alone = YAMLParser.parse(text, limits: limits, threads: 1)
        let pipelined = YAMLParser.parse(text, limits: limits, threads: 2)
        let (expected, found) = (alone.root?.outline ?? "nil", pipelined.root?.outline ?? "nil")
        let same = expected.commonPrefix(with: found).count
        #expect(found == expected, "differs from character \(same): \(found.dropFirst(same).prefix(120)) instead of \(expected.dropFirst(same).prefix(120))")
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
        let split = try #require(SplitPoint.find(in: bytes))
        #expect(YAMLParser.parse(bytes, at: split, limits: ParseLimits()) != nil, "the template is read in two parts")
        Self.expectSame(bytes)
    }

    /// Cuts that must not be made, or that must be undone: each still gives
    /// the tree of the whole text.
    @Test(arguments: [
        // Resources is not the section in the middle.
        "Resources:\n  A: {Type: AWS::SNS::Topic}\nOutputs:\n" + lines { i in "  O\(i):\n    Value: x\n" },
        // The middle line at resource indentation is inside a flow mapping.
        "Resources:\n  A:\n    Properties: {a: 1,\n" + lines { i in "  b\(i): \(i),\n" } + "  z: 0}\n",
        // ... and inside a double-quoted string.
        "Resources:\n  A:\n    Description: \"one\n" + lines { i in "  line\(i)\n" } + "  end\"\n",
        // A resource whose value is empty at the cut.
        "Resources:\n" + lines { i in "  R\(i):\n" },
        // An alias in the second part to an anchor in the first.
        "Resources:\n  A: &a {Type: AWS::SNS::Topic}\n" + lines { i in "  R\(i): *a\n" },
        // Carriage returns: read whole.
        "Resources:\r\n" + lines { i in "  R\(i): {Type: X}\r\n" },
        // A duplicate resource across the cut, and a second document after it.
        "Resources:\n" + lines { i in "  R\(i % 30): {Type: X}\n" } + "---\nb: 1\n",
        // A broken line after the cut.
        "Resources:\n" + lines { i in "  R\(i): {Type: X}\n" } + "  Z: [\n",
        // A second top-level key before the cut, its mapping deeper than the
        // line the cut falls on: read whole, a syntax error there; cut, the
        // second part read well (the fuzzer's find, kept in Tests/Fuzz).
        "Resources:\n  A: {Type: X}\nResources:\n    B:\n" + lines { i in "      C\(i): \(i)\n" } + "  R0: {Type: X}\n  R1: {Type: X}\n",
    ])
    func splitsThatDoNotHoldAreReadWhole(_ text: String) {
        Self.expectSame(Array(text.utf8))
    }

    /// Inputs on which the fuzzer (scripts/fuzz) found the parallel readers
    /// building something else, kept in Tests/Fuzz/parallel-reading.
    @Test func fuzzFindingsGiveTheSameTree() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/parallel-reading")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files { Self.expectSame(Array(try Data(contentsOf: file))) }
    }

    /// The shared corpus of real templates, where it is checked out beside
    /// the repository (as in CI); a fresh clone has none.
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Every template of the shared corpus: real files are where a cut would go wrong.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpus.path),
                   "needs the shared corpus checked out beside the repository (../shared/corpus)"))
    func everyCorpusTemplateGivesTheSameTree() throws {
        let walker = try #require(FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil))
        var split = 0
        for case let file as URL in walker where ["yaml", "yml", "json", "template"].contains(file.pathExtension) {
            let bytes = Array(try Data(contentsOf: file))
            if let point = SplitPoint.find(in: bytes), YAMLParser.parse(bytes, at: point, limits: ParseLimits()) != nil {
                split += 1
            }
            Self.expectSame(bytes)
        }
        #expect(split > 10, "the corpus has block-style templates that are read in two parts")
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
