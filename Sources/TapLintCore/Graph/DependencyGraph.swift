/// Resources and the references between them. An edge runs from the
/// resource that refers to the one it refers to: the order CloudFormation
/// must create them in, reversed.
public struct DependencyGraph: Sendable {
    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        public var reference: Reference
        /// True when the reference is written in `to`, not `from`: a SAM S3 or
        /// Cognito event, which makes its source depend on the function.
        public var reversed = false
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
            switch ServerlessEvents.role(of: reference, in: template.resources[from], of: template) {
            case .generated?, .dropped?: continue
            case .reversed?: edges.append(Edge(from: to, to: from, reference: reference, reversed: true))
            case nil: edges.append(Edge(from: from, to: to, reference: reference))
            }
        }
        self.edges = edges
        (cycles, hasMoreCycles) = Cycle.find(in: edges, nodeCount: names.count)
    }
}
