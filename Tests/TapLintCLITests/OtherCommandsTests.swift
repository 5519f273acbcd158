import Foundation
import Testing

@Suite struct OtherCommandsTests {
    @Test func rulesListsEveryRuleInBothFormats() throws {
        let text = try CLI.run(["rules"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("CYC001  circular-dependency"))
        let json = try CLI.run(["rules", "--format", "json"])
        let rules = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: String]] ?? []
        #expect(rules.count == text.stdout.split(separator: "\n").count)
        #expect(rules.contains { $0["id"] == "REF001" && $0["name"] == "undefined-reference" && $0["severity"] == "error" })
    }

    @Test func explainPrintsTheCommittedDocByIdOrName() throws {
        let doc = try String(contentsOf: CLI.repository.appendingPathComponent("rules/CYC001.md"), encoding: .utf8)
        #expect(try CLI.run(["explain", "CYC001"]).stdout == doc)
        #expect(try CLI.run(["explain", "circular-dependency"]).stdout == doc)
        let typo = try CLI.run(["explain", "circular-dependancy"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'circular-dependency'"))
    }

    @Test func graphMarksCycleEdgesInEveryFormat() throws {
        let dot = try CLI.run(["graph", "samples/bad/cycle.yaml"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph template {"))
        #expect(dot.stdout.contains("\"Bucket\" -> \"Permission\" [label=\"DependsOn\", style=dashed, color=red"))
        #expect(dot.stdout.contains("\"Bucket\" [label=\"Bucket\\nAWS::S3::Bucket\"]"))

        let mermaid = try CLI.run(["graph", "--format", "mermaid", "samples/bad/cycle.yaml"])
        #expect(mermaid.stdout.hasPrefix("graph LR\n"))
        #expect(mermaid.stdout.contains("stroke:red"))

        let json = try CLI.json(try CLI.run(["graph", "--format", "json", "samples/bad/cycle.yaml"]).stdout)
        let cycles = json["cycles"] as? [[String]] ?? []
        #expect(cycles.first == ["Bucket", "Permission"])
        let edges = json["edges"] as? [[String: Any]] ?? []
        #expect(edges.contains { $0["from"] as? String == "Bucket" && $0["onCycle"] as? Bool == true })
    }

    @Test func graphOfTheSampleHasNoCycle() throws {
        let run = try CLI.run(["graph", "samples/TapStack.yml"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("color=red"))
        #expect(run.stdout.contains("\"ProcessingFunction\" -> \"LambdaExecutionRole\" [label=\"GetAtt\"]"))
    }

    @Test func graphOfBrokenYAMLExplainsWhere() throws {
        let run = try CLI.run(["graph", "samples/bad/broken.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("taplint: cannot draw samples/bad/broken.yaml:8:1: "))
    }
}
