import Testing
import TapLintCore
import TapLintReport
import TapLintRules

/// `rules/<ID>.md` is what `taplint explain` prints, generated from the
/// rule's description; these tests keep the two from drifting apart.
@Suite struct RuleDocTests {
    @Test(arguments: RuleRegistry.all.map(\.id))
    func docMatchesRule(_ id: String) throws {
        let rule = try #require(RuleRegistry.rule(named: id))
        let expected = RuleDoc.markdown(rule)
        let path = "rules/\(id).md"
        if Repository.recording { try Repository.write(expected, to: path) }
        #expect(Repository.read(path) == expected, "\(path) is stale: run TAPLINT_RECORD=1 swift test")
    }

    @Test func everyDocNamesARule() {
        let ids = Set(RuleRegistry.all.map(\.id))
        for path in Repository.files(under: "rules", extensions: ["md"]) {
            let id = String(path.dropFirst("rules/".count).dropLast(".md".count))
            #expect(ids.contains(id), "\(path) documents no registered rule")
        }
    }

    @Test func docHasTheStyleGuideHeadings() throws {
        let rule = try #require(RuleRegistry.rule(named: "circular-dependency"))
        let doc = RuleDoc.markdown(rule)
        for heading in ["# CYC001 circular-dependency", "## What it does", "## Why is this bad?", "## Example",
                        "## Use instead", "## References"] {
            #expect(doc.contains(heading + "\n"), "missing \(heading)")
        }
        #expect(!doc.contains("↓"), "markers must not leak into docs")
    }

    @Test func idsAndNamesAreUniqueAndWellFormed() {
        let rules = RuleRegistry.all
        #expect(Set(rules.map(\.id)).count == rules.count)
        #expect(Set(rules.map(\.name)).count == rules.count)
        for rule in rules {
            #expect(rule.id.wholeMatch(of: /[A-Z]{2,4}[0-9]{3}/) != nil, "\(rule.id)")
            #expect(rule.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(rule.name)")
        }
    }
}
