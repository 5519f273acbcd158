@testable import TapLintCore
import Testing

/// The template's name indexes answer as a dictionary of first
/// positions would, however the names fall into the table.
@Suite struct NameIndexTests {
    /// What a plain dictionary says: the first position of each name.
    private func expected(_ names: [String]) -> [String: Int] {
        var first: [String: Int] = [:]
        for (i, name) in names.enumerated() where first[name] == nil { first[name] = i }
        return first
    }

    private func check(_ names: [String], maxProbes: Int, asking others: [String]) {
        let index = NameIndex(names, maxProbes: maxProbes)
        let first = expected(names)
        for name in Set(names) { #expect(index.position(of: name) == first[name], "\(name), \(maxProbes) probes") }
        for name in others { #expect(index.position(of: name) == first[name], "\(name), \(maxProbes) probes") }
    }

    @Test(arguments: [8, 2, 1])
    func firstPositionWins(_ maxProbes: Int) {
        let names = ["Queue", "Topic", "Queue", "", "Bücket", "Queue1", "Queue2", "Topic"]
        check(names, maxProbes: maxProbes, asking: ["queue", "Queue3", "Bucket", " ", "Bücket"])
    }

    /// Thousands of names, most of them colliding into the overflow when
    /// only one probe is allowed.
    @Test(arguments: [8, 1])
    func manyNames(_ maxProbes: Int) {
        let names = (0..<3000).map { "Resource\($0 % 2500)" }
        check(names, maxProbes: maxProbes, asking: ["Resource2500", "Resource", "resource1"])
    }

    @Test func anEmptyIndexHoldsNothing() {
        #expect(NameIndex([]).position(of: "") == nil)
        #expect(NameIndex([]).position(of: "A") == nil)
    }
}
