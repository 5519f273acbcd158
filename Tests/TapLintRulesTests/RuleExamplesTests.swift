import Testing
import TapLintCore
import TapLintRules

/// Runs every registered rule's examples through the whole pipeline: each
/// triggering example must draw the rule exactly at its `↓` markers, each
/// non-triggering example must not draw it at all. A rule added to the
/// registry is tested here without anyone writing a test for it.
@Suite struct RuleExamplesTests {
    /// Rules whose findings cannot come from template text; each has its
    /// own test elsewhere, named here.
    static let exempt: Set<String> = [
        "SYN007",  // unreadable file: TapLintCLITests.unreadableFileInDirectoryIsAFinding
        "DEP006",  // needs a deployment's values: ParameterValueTests
        "DEP007",  // needs a deployment's regions: RegionTests
        "REF007",  // needs a deployment's regions or values: RegionTests
        // Read several templates together: RepositoryTests (TapLintCLITests) and samples/repository.
        "REF008", "REF009", "DEP008", "DEP009", "CYC002", "CHG005", "CYC003",
    ]

    static var rules: [RuleDescription] { RuleRegistry.all }

    @Test(arguments: rules)
    func ruleHasExamples(_ rule: RuleDescription) {
        guard !Self.exempt.contains(rule.id) else { return }
        #expect(!rule.triggering.isEmpty, "\(rule.id) has no triggering example")
        #expect(!rule.nonTriggering.isEmpty, "\(rule.id) has no non-triggering example")
    }

    /// A doubled backslash before a line break in a description's source
    /// is a literal backslash in `explain`, not a continued line.
    @Test(arguments: rules)
    func proseHasNoStrayBackslashes(_ rule: RuleDescription) {
        for text in [rule.summary, rule.rationale, rule.fix ?? ""] {
            #expect(!text.contains("\\\n"), "\(rule.id)'s prose holds a backslash before a line break")
        }
    }

    @Test(arguments: rules)
    func triggeringExamplesTriggerAtMarkers(_ rule: RuleDescription) {
        for example in rule.triggering {
            let (text, markers) = Example.strip(example)
            #expect(!markers.isEmpty, "\(rule.id): a triggering example marks no location")
            let found = Example.findings(of: rule, in: text)
            guard rule.category == .change else {
                #expect(found.map(\.range.start) == markers, "\(rule.id) in:\n\(text)")
                continue
            }
            // A change rule's markers count from the start of their version:
            // the new one's, or the old one's for what the new one lacks.
            let (old, new) = Example.versions(example)
            let expected = Example.strip(old).1.map { "old.yaml \($0.line):\($0.column)" }
                + Example.strip(new).1.map { "example.yaml \($0.line):\($0.column)" }
            #expect(found.map { "\($0.file) \($0.range.start.line):\($0.range.start.column)" }.sorted() == expected.sorted(),
                    "\(rule.id) in:\n\(text)")
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesStayQuiet(_ rule: RuleDescription) {
        for example in rule.nonTriggering {
            let (text, markers) = Example.strip(example)
            #expect(markers.isEmpty)
            let found = Example.findings(of: rule, in: text)
            #expect(found.isEmpty, "\(rule.id) in:\n\(text)\nfound: \(found.map(\.message))")
        }
    }
}

extension RuleDescription: CustomTestStringConvertible {
    public var testDescription: String { id }
}

/// Helpers for examples written with `↓` markers.
enum Example {
    /// The text without markers, and the position each marker stood at.
    static func strip(_ example: String) -> (String, [SourcePosition]) {
        var text = ""
        var markers: [SourcePosition] = []
        var line = 1
        var column = 1
        for character in example {
            if character == RuleDescription.marker {
                markers.append(SourcePosition(line: line, column: column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (text, markers)
    }

    /// The rule's findings on the text, in report order. A change rule's
    /// example is two documents, the old version `---` the new, and its
    /// markers count from the new one's start.
    static func findings(of rule: RuleDescription, in text: String) -> [Finding] {
        guard rule.category == .change else {
            return Linter().lint(Array(text.utf8), file: "example.yaml").findings.filter { $0.rule == rule.id }
        }
        let (old, new) = versions(text)
        return Linter().lint(Array(new.utf8), file: "example.yaml", base: Base(bytes: Array(old.utf8), name: "old.yaml"))
            .findings.filter { $0.rule == rule.id }
    }

    /// A change example's two versions.
    static func versions(_ text: String) -> (old: String, new: String) {
        guard let split = text.firstRange(of: "\n---\n") else { return ("", text) }
        return (String(text[..<split.lowerBound]) + "\n", String(text[split.upperBound...]))
    }
}
