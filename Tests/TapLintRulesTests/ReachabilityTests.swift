import TapLintCore
import Testing
@testable import TapLintRules

/// PreferGetAtt offers `!GetAtt` only where it closes no cycle, asking
/// which resources each one already depends on: the answers must be the
/// graph's transitive closure.
@Suite struct ReachabilityTests {
    @Test func answersAreTheTransitiveClosure() throws {
        // A chain with a branch, a cycle, and resources nothing reaches.
        let dependsOn = ["R0": ["R1"], "R1": ["R2", "R5"], "R2": ["R3"], "R3": ["R1"], "R4": [], "R5": [], "R6": ["R0"], "R7": []]
        let text = "Resources:\n" + dependsOn.keys.sorted().map { name in
            "  \(name): {Type: AWS::SNS::Topic, DependsOn: [\(dependsOn[name]!.joined(separator: ", "))]}"
        }.joined(separator: "\n")
        let template = try #require(YAMLParser.parse(Array(text.utf8)).root.flatMap { Template(root: $0) })
        let graph = DependencyGraph(template: template, references: ReferenceIndex(template))
        let count = graph.names.count
        var closure = [[Bool]](repeating: [Bool](repeating: false, count: count), count: count)
        for i in 0..<count { closure[i][i] = true }
        for edge in graph.edges { closure[edge.from][edge.to] = true }
        for k in 0..<count { for i in 0..<count where closure[i][k] { for j in 0..<count where closure[k][j] { closure[i][j] = true } } }
        var reach = Reachability(graph)
        // Asked in an order that reuses some searches and starts others late.
        for i in (0..<count).reversed() {
            for j in 0..<count {
                #expect(reach.reaches(i, j) == closure[i][j], "\(graph.names[i]) → \(graph.names[j])")
            }
        }
        #expect(closure[6][3] && !closure[3][0] && !closure[4][1])
    }
}
