import TapLintCore
import TapLintRules

/// `taplint graph DIR`: the stacks of a folder, the nested stacks each
/// makes (dashed) and the exports each imports, loops of imports in red.
public struct StackGraphReporter: Sendable {
    /// One drawn edge: a nested stack, or the imports one stack takes from another.
    struct Edge {
        var from: Int
        var to: Int
        var nested: Bool
        var label: String
        var line: Int
        var onLoop: Bool
    }

    public let stacks: Stacks

    public init(stacks: Stacks) {
        self.stacks = stacks
    }

    public func render(_ format: GraphReporter.Format) -> String {
        switch format {
        case .dot: dot()
        case .mermaid: mermaid()
        case .json: json()
        }
    }

    /// Nested stacks, then imports: each import edge once per pair of
    /// stacks, labelled with the first export it reads.
    var edges: [Edge] {
        var drawn: [Edge] = []
        for (i, member) in stacks.members.enumerated() {
            for (j, nested) in member.facts.nested.enumerated() {
                guard let child = stacks.children[i][j] else { continue }
                drawn.append(Edge(from: i, to: child, nested: true, label: nested.resource,
                                  line: nested.locationRange.start.line, onLoop: false))
            }
        }
        let loops = stacks.importLoops
        var seen = Set<[Int]>()
        for (i, member) in stacks.members.enumerated() {
            for (k, refs) in stacks.exporters[i].enumerated() {
                for to in Set(refs.map(\.member)).sorted() where seen.insert([i, to]).inserted {
                    let use = member.facts.imports[k]
                    drawn.append(Edge(from: i, to: to, nested: false, label: use.name.description, line: use.range.start.line,
                                      onLoop: loops[i] != nil && loops[i] == loops[to]))
                }
            }
        }
        return drawn
    }

    private func dot() -> String {
        var out = GraphReporter.dotHeader("stacks")
        for member in stacks.members { out += "  \(GraphReporter.dotQuote(member.file));\n" }
        for edge in edges {
            var attributes = ["label=\(GraphReporter.dotQuote(edge.label))"]
            if edge.nested { attributes.append("style=dashed") }
            if edge.onLoop { attributes += ["color=red", "fontcolor=red", "penwidth=2"] }
            out += "  \(GraphReporter.dotQuote(stacks.members[edge.from].file)) -> \(GraphReporter.dotQuote(stacks.members[edge.to].file))"
            out += " [" + attributes.joined(separator: ", ") + "];\n"
        }
        return out + "}\n"
    }

    private func mermaid() -> String {
        var out = "graph LR\n"
        for (i, member) in stacks.members.enumerated() {
            out += "  s\(i)[\"\(GraphReporter.mermaidText(member.file))\"]\n"
        }
        var red: [Int] = []
        for (i, edge) in edges.enumerated() {
            out += "  s\(edge.from) \(edge.nested ? "-.->" : "-->")|\(GraphReporter.mermaidText(edge.label).replacingAll("|", with: "#124;"))| s\(edge.to)\n"
            if edge.onLoop { red.append(i) }
        }
        if !red.isEmpty { out += "  linkStyle \(red.map(String.init).joined(separator: ",")) stroke:red,stroke-width:2px\n" }
        return out
    }

    private func json() -> String {
        let loops = stacks.importLoops
        var groups: [Int: [String]] = [:]
        var order: [Int] = []
        for (i, loop) in loops.enumerated() {
            guard let loop else { continue }
            if groups[loop] == nil { order.append(loop) }
            groups[loop, default: []].append(stacks.members[i].file)
        }
        return JSON.object([
            ("stacks", .array(stacks.members.map { member in
                .object([("file", .string(member.file)),
                         ("exports", .array(member.facts.exports.map { .string($0.name.description) }))])
            })),
            ("edges", .array(edges.map { edge in
                .object([
                    ("from", .string(stacks.members[edge.from].file)),
                    ("to", .string(stacks.members[edge.to].file)),
                    ("kind", .string(edge.nested ? "nested" : "import")),
                    ("label", .string(edge.label)),
                    ("line", .int(edge.line)),
                    ("onLoop", .bool(edge.onLoop)),
                ])
            })),
            ("loops", .array(order.map { .array((groups[$0] ?? []).map(JSON.string)) })),
        ]).rendered()
    }

}
