import Foundation
import Testing
import TapLintCore
@testable import TapLintRules

/// `--fix` over every template of the shared corpus, on copies in memory:
/// (a) the fixed template means what the original meant, (b) the fixed
/// findings are gone and none appears, (c) a second run changes no byte,
/// (d) lines no edit touched are there, in order, byte for byte.
@Suite struct FixCorpusTests {
    @Test(Corpus.needed)
    func everyFixableFindingIsFixedAndNothingElseChanges() throws {
        let linter = Linter()
        var (files, fixed, fixable) = (0, 0, 0)
        for file in try Corpus.templateFiles() {
            let bytes = Array(try Data(contentsOf: file))
            let before = linter.lint(bytes, file: "t", explicit: false)
            let offered = before.findings.filter { !$0.edits.isEmpty }
            guard !offered.isEmpty else { continue }
            let name = file.lastPathComponent
            let outcome = Fixer.fix(bytes, file: "t", explicit: false, linter: linter)
            (files, fixed, fixable) = (files + 1, fixed + outcome.report.fixed, fixable + offered.count)
            // (b) Nothing fixable is left, and no rule finds more on a resource than before.
            #expect(!outcome.report.findings.contains { !$0.edits.isEmpty }, "\(name): fixable findings left")
            let count = { (findings: [Finding]) in Dictionary(findings.map { ($0.rule + " " + ($0.resource ?? ""), 1) }, uniquingKeysWith: +) }
            let (old, new) = (count(before.findings), count(outcome.report.findings))
            for (key, n) in new where n > old[key, default: 0] {
                Issue.record("\(name): \(key) found \(n) times after --fix, \(old[key, default: 0]) before")
            }
            // (c) A fixed point.
            #expect(Fixer.fix(outcome.bytes, file: "t", explicit: false, linter: linter).bytes == outcome.bytes, "\(name)")
            // (d) Untouched lines stay, in order.
            let touched = Self.lines(touchedBy: offered.flatMap(\.edits), in: bytes)
            let kept = Self.split(bytes).enumerated().filter { !touched.contains($0.offset) }.map(\.element)
            #expect(Self.isSubsequence(kept, of: Self.split(outcome.bytes)), "\(name): a line no edit touched changed")
            // (a) The same meaning, node by node.
            let a = try #require(YAMLParser.parse(bytes).root), b = try #require(YAMLParser.parse(outcome.bytes).root)
            if let difference = Self.difference(a, b, path: "") { Issue.record("\(name): \(difference)") }
        }
        print("fix corpus: \(files) templates with fixes, \(fixed) findings fixed (\(fixable) offered on the first read)")
        #expect(files > 50)
    }

    static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    static func lines(touchedBy edits: [Edit], in bytes: [UInt8]) -> Set<Int> {
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        func line(_ offset: Int) -> Int { (starts.lastIndex { $0 <= offset } ?? 0) }
        return Set(edits.flatMap { edit in Array(line(edit.start)...line(max(edit.start, edit.end - 1))) })
    }

    static func isSubsequence(_ small: [ArraySlice<UInt8>], of large: [ArraySlice<UInt8>]) -> Bool {
        var i = 0
        for line in large where i < small.count && line == small[i] { i += 1 }
        return i == small.count
    }

    /// Where the fixed tree means something else, or nil. Allowed: a
    /// string that became an Fn::Sub giving it back with the pseudo
    /// parameters' values, and DependsOn entries removed.
    static func difference(_ a: Node, _ b: Node, path: String) -> String? {
        if SameValue.equal(a, b) { return nil }
        if let sub = b.intrinsic, sub.name == .sub, let text = sub.argument.scalar?.value {
            let before = a.intrinsic.flatMap { $0.name == .sub ? $0.argument.scalar?.value : nil } ?? a.scalar?.value
            guard let before else { return "\(path): \(a) became a Sub" }
            let literal = a.intrinsic == nil
            return gives(text, back: before, literal: literal) ? nil : "\(path): '\(text)' does not give back '\(before)'"
        }
        switch (a.content, b.content) {
        case (.mapping(let x), .mapping(let y)):
            for entry in x {
                guard let key = entry.name else { continue }
                guard let other = b[key] else {
                    if key == "DependsOn" { continue }
                    return "\(path).\(key) went"
                }
                if key == "DependsOn", let old = entry.value.sequence, let new = other.sequence {
                    if !isSubsequence(new.compactMap { $0.string.map { ArraySlice($0.utf8) } }, of: old.compactMap { $0.string.map { ArraySlice($0.utf8) } }) {
                        return "\(path).DependsOn changed"
                    }
                    continue
                }
                if let found = difference(entry.value, other, path: path + "." + key) { return found }
            }
            return y.count > x.count ? "\(path): keys added" : nil
        case (.sequence(let x), .sequence(let y)):
            guard x.count == y.count else { return "\(path): \(x.count) items became \(y.count)" }
            for (i, (p, q)) in zip(x, y).enumerated() {
                if let found = difference(p, q, path: path + "[\(i)]") { return found }
            }
            return nil
        default:
            return "\(path) changed"
        }
    }

    /// True when the Sub text, its pseudo parameters read as the values the
    /// old text spelled, gives the old text back (a plain string's `${`
    /// was escaped as `${!`).
    static func gives(_ text: String, back old: String, literal: Bool) -> Bool {
        let pseudo = ["${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}", "${AWS::URLSuffix}"]
        // The text between the pseudo parameters, and each one's name.
        var pieces: [(literal: String, pseudo: String?)] = []
        var rest = Substring(text)
        while let (range, name) = pseudo.compactMap({ name in rest.firstRange(of: name).map { ($0, name) } })
            .min(by: { $0.0.lowerBound < $1.0.lowerBound }) {
            pieces.append((String(rest[..<range.lowerBound]), name))
            rest = rest[range.upperBound...]
        }
        pieces.append((String(rest), nil))
        // A value the old text spelled, or the same pseudo parameter the old Sub already had.
        func value(_ name: String, _ candidate: Substring) -> Bool {
            if candidate == name { return true }
            switch name {
            case "${AWS::Partition}": return candidate.hasPrefix("aws") && candidate.allSatisfy { $0.isLetter || $0 == "-" }
            case "${AWS::Region}": return ARN.isRegion(String(candidate))
            case "${AWS::AccountId}": return ARN.isAccountID(String(candidate))
            default: return candidate == "amazonaws.com"
            }
        }
        func match(_ index: Int, _ remaining: Substring) -> Bool {
            guard index < pieces.count else { return remaining.isEmpty }
            let piece = pieces[index]
            let literalText = literal ? piece.literal.replacingOccurrences(of: "${!", with: "${") : piece.literal
            guard remaining.hasPrefix(literalText) else { return false }
            let after = remaining.dropFirst(literalText.count)
            guard let name = piece.pseudo else { return match(index + 1, after) }
            var end = after.startIndex
            while true {
                if value(name, after[after.startIndex..<end]), match(index + 1, after[end...]) { return true }
                if end == after.endIndex { return false }
                end = after.index(after: end)
            }
        }
        return match(0, Substring(old))
    }
}
