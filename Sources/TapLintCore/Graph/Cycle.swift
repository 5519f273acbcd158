/// A circular dependency: resources in order, each edge going from
/// `resources[i]` to `resources[(i + 1) % count]`.
public struct Cycle: Sendable {
    public var resources: [Int]
    public var edges: [DependencyGraph.Edge]

    /// At most this many cycles are listed per strongly connected component:
    /// a dense tangle has exponentially many, and the first few say enough.
    static let maxPerComponent = 10
    /// Edge visits the search may spend on one component.
    static let searchBudget = 200_000

    /// Every elementary cycle, each once (starting at its resource that comes
    /// first in the template), up to the limits above; `truncated` is true
    /// when a component had more than could be listed.
    static func find(in edges: [DependencyGraph.Edge], nodeCount: Int) -> (cycles: [Cycle], truncated: Bool) {
        // No edge, no cycle: most small templates stop here.
        guard !edges.isEmpty else { return ([], false) }
        // The first edge for each (from, to) pair, in source order: each
        // node's edges in turn, a target marked with the node that last
        // reached it. Lists indexed by node, not sets: no hashing, and no
        // set of numbers, whose first use costs a fifth of a million
        // instructions (the runtime looks up how numbers hash).
        // The edges are ordered by source with a counting sort (stable, so
        // each node's edges stay in source order) into one list.
        var first = [Int](repeating: 0, count: nodeCount + 1)
        for edge in edges { first[edge.from + 1] += 1 }
        for node in 0..<nodeCount { first[node + 1] += first[node] }
        var bySource = [Int](repeating: 0, count: edges.count)
        var place = first
        for (i, edge) in edges.enumerated() {
            bySource[place[edge.from]] = i
            place[edge.from] += 1
        }
        var outgoing = [[DependencyGraph.Edge]](repeating: [], count: nodeCount)
        var reachedFrom = [Int](repeating: -1, count: nodeCount)
        for from in 0..<nodeCount {
            for k in first[from]..<first[from + 1] {
                let edge = edges[bySource[k]]
                guard reachedFrom[edge.to] != from else { continue }
                reachedFrom[edge.to] = from
                outgoing[from].append(edge)
            }
        }
        var cycles: [Cycle] = []
        var truncated = false
        var member = [Bool](repeating: false, count: nodeCount)
        var onPath = [Bool](repeating: false, count: nodeCount)
        for component in StronglyConnected.components(outgoing.map { $0.map(\.to) }) {
            guard component.count > 1 || outgoing[component[0]].contains(where: { $0.to == component[0] }) else { continue }
            for node in component { member[node] = true }
            let (found, cut) = elementaryCycles(in: component.sorted(), member: member, onPath: &onPath, outgoing: outgoing)
            for node in component { member[node] = false }
            cycles += found
            truncated = truncated || cut
        }
        cycles.sort { ($0.resources[0], $0.resources.count) < ($1.resources[0], $1.resources.count) }
        return (cycles, truncated)
    }

    /// Depth-first search from each member in index order, through members
    /// with a higher index only, so each cycle is found once, from its
    /// lowest member. Iterative: a long chain cannot overflow the stack.
    /// `members` is the component in index order; `member` marks them,
    /// and `onPath` the nodes on the path searched, by node. A search cut
    /// short leaves some of its nodes marked on the path: no other
    /// component has them, and `member` keeps every search inside its own.
    private static func elementaryCycles(in members: [Int], member: [Bool], onPath: inout [Bool],
                                         outgoing: [[DependencyGraph.Edge]]) -> (cycles: [Cycle], truncated: Bool) {
        var cycles: [Cycle] = []
        var budget = searchBudget
        for start in members {
            var frames: [(node: Int, next: Int)] = [(start, 0)]
            onPath[start] = true
            var path: [DependencyGraph.Edge] = []
            while let (node, next) = frames.last {
                budget -= 1
                if budget < 0 { return (cycles, true) }
                guard next < outgoing[node].count else {
                    frames.removeLast()
                    onPath[node] = false
                    if !path.isEmpty { path.removeLast() }
                    continue
                }
                frames[frames.count - 1].next += 1
                let edge = outgoing[node][next]
                guard edge.to >= start, member[edge.to] else { continue }
                if edge.to == start {
                    let loop = path + [edge]
                    cycles.append(Cycle(resources: loop.map(\.from), edges: loop))
                    if cycles.count >= maxPerComponent { return (cycles, true) }
                } else if !onPath[edge.to] {
                    onPath[edge.to] = true
                    frames.append((edge.to, 0))
                    path.append(edge)
                }
            }
        }
        return (cycles, false)
    }
}

/// Tarjan's algorithm with an explicit stack, so a long chain of resources
/// cannot overflow the call stack.
enum StronglyConnected {
    static func components(_ successors: [[Int]]) -> [[Int]] {
        let count = successors.count
        var index = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var next = 0
        for root in 0..<count where index[root] < 0 {
            // Each frame: a node and how many of its successors were visited.
            var frames: [(node: Int, child: Int)] = [(root, 0)]
            index[root] = next; low[root] = next; next += 1
            stack.append(root); onStack[root] = true
            while let (node, child) = frames.last {
                if child < successors[node].count {
                    frames[frames.count - 1].child += 1
                    let target = successors[node][child]
                    if index[target] < 0 {
                        index[target] = next; low[target] = next; next += 1
                        stack.append(target); onStack[target] = true
                        frames.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { low[parent] = min(low[parent], low[node]) }
                guard low[node] == index[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component)
            }
        }
        return components
    }
}
