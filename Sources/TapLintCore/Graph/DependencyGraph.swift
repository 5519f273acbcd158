/// Resources and the references between them. An edge runs from the
/// resource that refers to the one it refers to: the order CloudFormation
/// must create them in, reversed.
public struct DependencyGraph: Sendable {
    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var reference: Reference
    }

    /// Resource names, indexed as in `Template.resources`.
    public let names: [String]
    public let types: [String?]
    /// Every edge, in the order the references are written.
    public let edges: [Edge]
    public let cycles: [Cycle]
    /// True when some component had more cycles than `cycles` lists.
    public let hasMoreCycles: Bool

    public init(template: Template, references: ReferenceIndex) {
        names = template.resources.map(\.name)
        types = template.resources.map(\.type)
        var edges: [Edge] = []
        for reference in references.references {
            guard case .resource(let from) = reference.owner,
                  let to = template.resourceIndex(of: reference.target) else { continue }
            edges.append(Edge(from: from, to: to, reference: reference))
        }
        self.edges = edges
        (cycles, hasMoreCycles) = Cycle.find(in: edges, nodeCount: names.count)
    }
}
