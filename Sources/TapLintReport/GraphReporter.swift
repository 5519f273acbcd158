import TapLintCore

/// `taplint graph`: the dependency graph as Graphviz, Mermaid or JSON, with
/// the edges of each reported cycle marked.
public struct GraphReporter: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case dot, mermaid, json
    }

    /// One drawn edge: references of one kind between the same two
    /// resources are drawn once, at the first place they are written.
    struct DrawnEdge {
        var edge: DependencyGraph.Edge
        var onCycle: Bool
    }

    public let graph: DependencyGraph
    /// What the SAM transform adds, listed in the JSON form so that scripts
    /// (and the oracle test against aws-sam-translator) can read it.
    public let generated: [GeneratedResource]

    public init(graph: DependencyGraph, generated: [GeneratedResource] = []) {
        self.graph = graph
        self.generated = generated
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .dot: dot()
        case .mermaid: mermaid()
        case .json: json()
        }
    }

    /// The (from, to) pairs that lie on a reported cycle.
    var cycleSteps: Set<[Int]> {
        Set(graph.cycles.flatMap { $0.edges.map { [$0.from, $0.to] } })
    }

    var drawnEdges: [DrawnEdge] {
        var seen = Set<[String]>()
        let cycleSteps = cycleSteps
        return graph.edges.compactMap { edge in
            guard seen.insert([String(edge.from), String(edge.to), edge.reference.kind.rawValue]).inserted else { return nil }
            return DrawnEdge(edge: edge, onCycle: cycleSteps.contains([edge.from, edge.to]))
        }
    }

    private func dot() -> String {
        var out = Self.dotHeader("template")
        for (i, name) in graph.names.enumerated() {
            out += "  \(Self.dotQuote(name)) [label=\(Self.dotQuote(name + "\n" + (graph.types[i] ?? "?")))];\n"
        }
        for drawn in drawnEdges {
            let kind = drawn.edge.reference.kind
            var attributes = ["label=\(Self.dotQuote(kind.rawValue))"]
            switch kind {
            case .dependsOn: attributes.append("style=dashed")
            case .sub: attributes.append("style=dotted")
            case .ref, .getAtt: break
            }
            if drawn.onCycle { attributes += ["color=red", "fontcolor=red", "penwidth=2"] }
            out += "  \(Self.dotQuote(graph.names[drawn.edge.from])) -> \(Self.dotQuote(graph.names[drawn.edge.to]))"
            out += " [" + attributes.joined(separator: ", ") + "];\n"
        }
        return out + "}\n"
    }

    private func mermaid() -> String {
        var out = "graph LR\n"
        for (i, name) in graph.names.enumerated() {
            out += "  n\(i)[\"\(Self.mermaidText(name))<br/>\(Self.mermaidText(graph.types[i] ?? "?"))\"]\n"
        }
        var red: [Int] = []
        for (i, drawn) in drawnEdges.enumerated() {
            let arrow = drawn.edge.reference.kind == .dependsOn ? "-.->" : "-->"
            out += "  n\(drawn.edge.from) \(arrow)|\(drawn.edge.reference.kind.rawValue)| n\(drawn.edge.to)\n"
            if drawn.onCycle { red.append(i) }
        }
        if !red.isEmpty {
            out += "  linkStyle \(red.map(String.init).joined(separator: ",")) stroke:red,stroke-width:2px\n"
        }
        return out
    }

    private func json() -> String {
        let cycleSteps = cycleSteps
        return JSON.object([
            ("resources", .array(graph.names.enumerated().map { i, name in
                .object([("name", .string(name)), ("type", graph.types[i].map(JSON.string) ?? .null)])
            })),
            ("edges", .array(graph.edges.map { edge in
                .object([
                    ("from", .string(graph.names[edge.from])),
                    ("to", .string(graph.names[edge.to])),
                    ("kind", .string(edge.reference.kind.rawValue)),
                    ("path", .array(edge.reference.path.map(JSONReporter.json))),
                    ("line", .int(edge.reference.range.start.line)),
                    ("column", .int(edge.reference.range.start.column)),
                    ("onCycle", .bool(cycleSteps.contains([edge.from, edge.to]))),
                ])
            })),
            ("cycles", .array(graph.cycles.map { cycle in .array(cycle.resources.map { .string(graph.names[$0]) }) })),
            ("generated", .array(generated.map { resource in
                .object([("name", .string(resource.name)), ("type", .string(resource.type)),
                         ("from", resource.origin.map(JSON.string) ?? .null), ("hashed", .bool(resource.hashed))])
            })),
        ]).rendered()
    }

    /// The opening of a DOT graph in taplint's style.
    static func dotHeader(_ name: String) -> String {
        "digraph \(name) {\n  rankdir=LR;\n"
            + "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f5f7fa\", fontname=\"Helvetica\", fontsize=11];\n"
            + "  edge [fontname=\"Helvetica\", fontsize=9];\n"
    }

    /// A DOT string literal.
    static func dotQuote(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"").replacingAll("\n", with: "\\n") + "\""
    }

    /// Text inside a Mermaid label.
    static func mermaidText(_ text: String) -> String {
        text.replacingAll("\"", with: "#quot;")
    }
}

extension String {
    /// Replacement without Foundation, which taplint does not link.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
