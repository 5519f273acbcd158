import TapLintCore

/// An export's name as a template writes it: text, with a hole wherever a
/// value only the deploy knows goes in (`${AWS::StackName}-SubnetIds` is a
/// hole, then `-SubnetIds`). Exports and imports are matched by these, so a
/// name built from the stack's name still meets the text that imports it.
public struct ExportName: Sendable, Hashable, CustomStringConvertible {
    public enum Piece: Sendable, Hashable {
        case text(String)
        /// A value only the deploy knows: a parameter, a pseudo parameter, a function.
        case hole(String)
    }

    public private(set) var pieces: [Piece] = []

    /// The name a node gives; nil for a shape that says nothing (a map, a
    /// call that cannot build a name).
    public init?(_ node: Node) {
        if let text = node.string ?? node.scalar.flatMap({ node.tag == nil ? $0.value : nil }) {
            append(.text(text))
            return
        }
        guard let call = node.intrinsic else { return nil }
        switch call.name {
        case .sub:
            guard let sub = SubCall(call.argument) else { return nil }
            for part in sub.text.parts {
                switch part {
                case .literal(let text): append(.text(text))
                case .variable(let name, _):
                    // A variable the call's map gives as text is that text.
                    if let given = sub.variables.first(where: { $0.name == name })?.value.string {
                        append(.text(given))
                    } else {
                        append(.hole(name))
                    }
                }
            }
        case .join:
            guard let items = call.argument.sequence, items.count == 2, let delimiter = items[0].string,
                  let list = items[1].sequence else { return nil }
            for (i, item) in list.enumerated() {
                if i > 0 { append(.text(delimiter)) }
                append(item.string.map(Piece.text) ?? .hole(Self.holeName(item)))
            }
        case .ref:
            append(.hole(call.argument.string ?? "?"))
        default:
            append(.hole(call.name.rawValue))
        }
        if pieces.isEmpty { append(.text("")) }
    }

    /// Adjacent texts joined, adjacent holes one hole.
    private mutating func append(_ piece: Piece) {
        switch (pieces.last, piece) {
        case (.text(let a)?, .text(let b)): pieces[pieces.count - 1] = .text(a + b)
        case (.hole?, .hole): break
        default: pieces.append(piece)
        }
    }

    private static func holeName(_ node: Node) -> String {
        if let call = node.intrinsic { return call.name == .ref ? call.argument.string ?? "Ref" : call.name.rawValue }
        return "?"
    }

    /// The whole name, when no hole is in it.
    public var literal: String? {
        guard pieces.count == 1, case .text(let text) = pieces[0] else { return nil }
        return text
    }

    /// `${AWS::StackName}-SubnetIds` as written, holes in `${…}`.
    public var description: String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .hole(let name): "${\(name)}"
            }
        }.joined()
    }

    /// The text before the first hole and after the last one.
    private var ends: (prefix: String, suffix: String) {
        let prefix: String = if case .text(let text)? = pieces.first { text } else { "" }
        let suffix: String = if pieces.count > 1, case .text(let text)? = pieces.last { text } else { "" }
        return (prefix, literal == nil ? suffix : prefix)
    }

    /// True when some values of the holes give both names the same text.
    /// Exact for names without holes; with holes, their text before the
    /// first hole and after the last must agree (enough in practice:
    /// names are built as a stack's name and a fixed suffix).
    public func mayEqual(_ other: ExportName) -> Bool {
        if let a = literal, let b = other.literal { return a == b }
        if let a = literal { return other.matches(a) }
        if let b = other.literal { return matches(b) }
        let (p, q) = (ends, other.ends)
        return (p.prefix.hasPrefix(q.prefix) || q.prefix.hasPrefix(p.prefix))
            && (p.suffix.hasSuffix(q.suffix) || q.suffix.hasSuffix(p.suffix))
    }

    /// True when the holes can be filled (each with any text) to give `text`.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var at = 0
        var afterHole = false
        for (i, piece) in pieces.enumerated() {
            guard case .text(let literal) = piece else { afterHole = true; continue }
            let needle = Array(literal.unicodeScalars)
            if i == pieces.count - 1 {
                // The last text ends the name.
                guard scalars.count - needle.count >= at, Array(scalars[(scalars.count - needle.count)...]) == needle else { return false }
                return afterHole || scalars.count - needle.count == at
            }
            if !afterHole {
                guard scalars.count - at >= needle.count, Array(scalars[at..<at + needle.count]) == needle else { return false }
                at += needle.count
            } else {
                guard let found = Self.find(needle, in: scalars, from: at) else { return false }
                at = found + needle.count
            }
            afterHole = false
        }
        return afterHole || at == scalars.count
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        if needle.isEmpty { return start }
        for i in start...(haystack.count - needle.count) where haystack[i..<i + needle.count].elementsEqual(needle) { return i }
        return nil
    }

    /// How far `self` is from meeting `other`, when it is near enough to
    /// be a typo: the edits (case counts) to the text after the last hole,
    /// or with none to the whole name, at most a quarter of that text.
    public func nearMiss(_ other: ExportName) -> Int? {
        let found: (distance: Int, length: Int)?
        switch (literal, other.literal) {
        case (let a?, let b?):
            found = (Self.distance(a, b), max(a.count, b.count))
        case (let a?, nil):
            found = other.filling(a)
        case (nil, let b?):
            found = filling(b)
        case (nil, nil):
            let (p, q) = (ends, other.ends)
            guard p.prefix.hasPrefix(q.prefix) || q.prefix.hasPrefix(p.prefix) else { return nil }
            found = (Self.distance(p.suffix, q.suffix), max(p.suffix.count, q.suffix.count))
        }
        guard let found, found.distance <= max(1, found.length / 4) else { return nil }
        return found.distance
    }

    /// For a name `A${x}B`: the fewest edits that turn `text` into a text
    /// the name can give, the hole taking what lies between (tried a few
    /// lengths around the obvious one), and the length of `A` and `B`.
    private func filling(_ text: String) -> (distance: Int, length: Int)? {
        let (prefix, suffix) = ends
        guard pieces.count <= 3, prefix.count + suffix.count > 0 else { return nil }
        let characters = Array(text)
        var best: Int?
        for shift in -2...2 {
            let middle = characters.count - prefix.count - suffix.count + shift
            let start = min(prefix.count, characters.count)
            guard middle >= 1 else { continue }
            let end = min(characters.count, start + middle)
            let found = Self.distance(prefix + String(characters[start..<end]) + suffix, text)
            best = min(best ?? found, found)
        }
        return best.map { ($0, prefix.count + suffix.count) }
    }

    /// Edit distance, case counting: export names are matched exactly.
    private static func distance(_ a: String, _ b: String) -> Int {
        let (x, y) = (Array(a), Array(b))
        return Suggestion.editDistance(x, y, limit: max(x.count, y.count))
    }
}
