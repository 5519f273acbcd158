/// A circular dependency: resources in order, each edge going from
/// `resources[i]` to `resources[(i + 1) % count]`.
public struct Cycle: Sendable {
    public var resources: [Int]
    public var edges: [DependencyGraph.Edge]

    /// One cycle per strongly connected component, so that a tangle of many
    /// overlapping loops is one finding rather than exponentially many. Each
    /// is the shortest loop through the component's first resource in
    /// template order, so the report is stable and as short as it can be.
    static func find(in edges: [DependencyGraph.Edge], nodeCount: Int) -> [Cycle] {
        // The first edge for each (from, to) pair, in source order.
        var outgoing = [[DependencyGraph.Edge]](repeating: [], count: nodeCount)
        var seen = Set<[Int]>()
        for edge in edges where seen.insert([edge.from, edge.to]).inserted {
            outgoing[edge.from].append(edge)
        }
        var cycles: [Cycle] = []
        for component in StronglyConnected.components(outgoing.map { $0.map(\.to) }) {
            let members = Set(component)
            guard let start = component.min() else { continue }
            if members.count == 1, !outgoing[start].contains(where: { $0.to == start }) { continue }
            if let cycle = shortestLoop(from: start, within: members, outgoing: outgoing) { cycles.append(cycle) }
        }
        return cycles.sorted { $0.resources[0] < $1.resources[0] }
    }

    /// Breadth-first search from `start` back to itself.
    private static func shortestLoop(from start: Int, within members: Set<Int>,
                                     outgoing: [[DependencyGraph.Edge]]) -> Cycle? {
        var via: [Int: DependencyGraph.Edge] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for edge in outgoing[node] where members.contains(edge.to) {
                if edge.to == start {
                    var path = [edge]
                    var at = node
                    while at != start, let back = via[at] {
                        path.append(back)
                        at = back.from
                    }
                    path.reverse()
                    return Cycle(resources: path.map(\.from), edges: path)
                }
                if via[edge.to] == nil {
                    via[edge.to] = edge
                    queue.append(edge.to)
                }
            }
        }
        return nil
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
