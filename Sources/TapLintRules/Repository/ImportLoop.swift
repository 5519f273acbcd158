import TapLintCore

/// Stacks that import from each other in a loop.
public struct ImportLoop: RepositoryRule {
    public static let description = RuleDescription(
        id: "CYC002", name: "import-loop", category: .circularDependency, severity: .error,
        summary: "Templates checked together import each other's exports in a loop: none of their stacks can be created first.",
        rationale: """
        A stack that imports an export can only be created after the stack that exports \
        it, and while it imports it, that export can be neither changed nor removed. Two \
        stacks that import from each other (or a longer loop) cannot be created from their \
        templates at all: each waits for the other. taplint follows every import that \
        exactly one other template checked in the same run may give, and reports each \
        template of a loop at its import into the loop. See samples/repository.
        """,
        fix: "move what both need into a stack of its own that the others import, or pass the value as a parameter",
        triggering: [],
        nonTriggering: [],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-stack-exports.html"]
    )

    public init() {}

    public func check(_ stacks: Stacks) -> [PlacedViolation] {
        let loops = stacks.importLoops
        let edges = stacks.importEdges
        var found: [PlacedViolation] = []
        for (i, loop) in loops.enumerated() {
            guard let loop, let edge = edges.first(where: { $0.from == i && loops[$0.to] == loop }) else { continue }
            let use = stacks.members[i].facts.imports[edge.use]
            let files = loops.indices.filter { loops[$0] == loop }.map { stacks.members[$0].file }
            found.append(PlacedViolation(member: i, Violation(
                at: use.range, path: use.path,
                message: "imports '\(use.name)' from \(stacks.members[edge.to].file), which imports from this stack in turn "
                    + "(\(files.joined(separator: ", "))): none of them can be created first",
                resource: use.resource)))
        }
        return found
    }

    /// Strongly connected components (Kosaraju, without recursion): the
    /// component number of each node.
    static func components(_ next: [[Int]]) -> [Int] {
        let count = next.count
        var previous = Array(repeating: [Int](), count: count)
        for (from, targets) in next.enumerated() { for to in targets { previous[to].append(from) } }
        var order: [Int] = []
        var seen = Array(repeating: false, count: count)
        for start in 0..<count where !seen[start] {
            var stack = [(node: start, edge: 0)]
            seen[start] = true
            while let top = stack.last {
                if top.edge < next[top.node].count {
                    stack[stack.count - 1].edge += 1
                    let to = next[top.node][top.edge]
                    if !seen[to] { seen[to] = true; stack.append((to, 0)) }
                } else {
                    order.append(top.node)
                    stack.removeLast()
                }
            }
        }
        var component = Array(repeating: -1, count: count)
        var number = 0
        for start in order.reversed() where component[start] < 0 {
            var pending = [start]
            component[start] = number
            while let node = pending.popLast() {
                for from in previous[node] where component[from] < 0 {
                    component[from] = number
                    pending.append(from)
                }
            }
            number += 1
        }
        return component
    }
}
