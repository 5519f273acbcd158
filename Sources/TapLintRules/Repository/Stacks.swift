import TapLintCore

/// The templates of one run read together, as CloudFormation ties their
/// stacks: nested stacks to the local templates they are made from, and
/// imports to the exports that may give them. Built from each template's
/// `StackFacts`; literal export names are looked up by text, so the work
/// grows with the templates, their exports and imports.
public struct Stacks: Sendable {
    public struct Member: Sendable {
        public var file: String
        public var facts: StackFacts
    }

    /// An export of one member.
    public struct ExportRef: Sendable, Hashable {
        public var member: Int
        public var export: Int
    }

    public let members: [Member]
    /// `children[i][j]`: the member that `members[i].facts.nested[j]` is made from, if read.
    public let children: [[Int?]]
    /// `exporters[i][k]`: the exports of other members that may give `members[i].facts.imports[k]`.
    public let exporters: [[[ExportRef]]]

    /// `locate` finds the member a nested stack's location (relative to its
    /// parent's file) names.
    public init(_ members: [Member], locate: (_ parent: Int, _ location: String) -> Int?) {
        self.members = members
        children = members.indices.map { i in members[i].facts.nested.map { locate(i, $0.location) } }
        // Literal names by text; built ones in a list, few in practice.
        var literal: [String: [ExportRef]] = [:]
        var built: [ExportRef] = []
        for (i, member) in members.enumerated() {
            for (k, export) in member.facts.exports.enumerated() {
                if let text = export.name.literal {
                    literal[text, default: []].append(ExportRef(member: i, export: k))
                } else {
                    built.append(ExportRef(member: i, export: k))
                }
            }
        }
        exporters = members.indices.map { i in
            members[i].facts.imports.map { use in
                var found: [ExportRef] = []
                if let text = use.name.literal {
                    found = literal[text] ?? []
                } else {
                    for refs in literal.values {
                        found += refs.filter { members[$0.member].facts.exports[$0.export].name.mayEqual(use.name) }
                    }
                }
                found += built.filter { members[$0.member].facts.exports[$0.export].name.mayEqual(use.name) }
                // A stack cannot import its own export.
                return found.filter { $0.member != i }.sorted { ($0.member, $0.export) < ($1.member, $1.export) }
            }
        }
        let exporters = exporters
        importEdges = members.indices.flatMap { i in
            exporters[i].enumerated().compactMap { k, refs -> ImportEdge? in
                guard let first = refs.first, refs.allSatisfy({ $0.member == first.member }) else { return nil }
                return ImportEdge(from: i, to: first.member, use: k)
            }
        }
        var next = Array(repeating: [Int](), count: members.count)
        for edge in importEdges { next[edge.from].append(edge.to) }
        let component = ImportLoop.components(next)
        // Components are numbered from 0, fewer than the members.
        var size = [Int](repeating: 0, count: members.count)
        for c in component { size[c] += 1 }
        importLoops = component.map { size[$0] > 1 ? $0 : nil }
    }

    public func export(_ ref: ExportRef) -> StackFacts.Export { members[ref.member].facts.exports[ref.export] }

    /// For each member, the chains of parents whose nested stacks are made
    /// from it (`app.yaml (Queues) < root.yaml (App)`), nearest first; each
    /// chain follows a parent's first parent, and stops where it would loop.
    public var parentChains: [[String]] {
        var parents = Array(repeating: [(member: Int, resource: String)](), count: members.count)
        for (i, member) in members.enumerated() {
            for (j, nested) in member.facts.nested.enumerated() {
                if let child = children[i][j], child != i { parents[child].append((i, nested.resource)) }
            }
        }
        return members.indices.map { child in
            parents[child].map { first in
                var chain = ["\(members[first.member].file) (\(first.resource))"]
                var seen: Set<Int> = [child, first.member]
                var at = first.member
                while let up = parents[at].first, seen.insert(up.member).inserted {
                    chain.append("\(members[up.member].file) (\(up.resource))")
                    at = up.member
                }
                return chain.joined(separator: " < ")
            }
        }
    }

    /// An import that one other member alone may give: `from` imports from `to`.
    public struct ImportEdge: Sendable {
        public var from: Int
        public var to: Int
        /// The index of the import in `from`'s facts.
        public var use: Int
    }

    /// The imports that tie one member to one other (an import that several
    /// may give ties it to none for sure).
    public let importEdges: [ImportEdge]

    /// For each member, the loop of imports it is on (a number shared by
    /// the members of one loop); nil when it is on none.
    public let importLoops: [Int?]
}
