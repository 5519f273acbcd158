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
    /// The text before the first hole and after the last one (the whole
    /// name when it has none), as bytes: what near misses are measured on.
    private var head: [UInt8] = []
    private var tail: [UInt8] = []
    /// The name as an IAM-style wildcard, each hole a `*`, for `Wildcard`.
    private var pattern: [UInt8] = []

    /// The name a node gives; nil for a shape that says nothing (a map, a
    /// call that cannot build a name).
    public init?(_ node: Node) {
        if let text = node.string ?? node.scalar.flatMap({ node.tag == nil ? $0.value : nil }) {
            append(.text(text))
            settle()
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
        settle()
    }

    /// Keeps the ends and the wildcard, once the pieces are known.
    private mutating func settle() {
        if case .text(let text)? = pieces.first { head = Array(text.utf8) }
        if pieces.count > 1, case .text(let text)? = pieces.last { tail = Array(text.utf8) }
        for piece in pieces {
            switch piece {
            case .text(let text): pattern += text.utf8
            case .hole: pattern.append(UInt8(ascii: "*"))
            }
        }
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

    /// True when some values of the holes give both names the same text.
    /// Exact for names without holes; with holes, their text before the
    /// first hole and after the last must agree (enough in practice:
    /// names are built as a stack's name and a fixed suffix).
    public func mayEqual(_ other: ExportName) -> Bool {
        switch (literal != nil, other.literal != nil) {
        case (true, true): return head == other.head
        case (true, false): return other.admits(head)
        case (false, true): return admits(other.head)
        case (false, false):
            return (head.starts(with: other.head) || other.head.starts(with: head))
                && (tail.reversed().starts(with: other.tail.reversed()) || other.tail.reversed().starts(with: tail.reversed()))
        }
    }

    /// True when the holes can give `text` (IAM's wildcard matching, each
    /// hole a `*`; export names hold no `*` or `?` of their own): its ends
    /// first, as most exports of a repository differ from an import there.
    private func admits(_ text: [UInt8]) -> Bool {
        guard text.count >= head.count + tail.count, text.starts(with: head), text.reversed().starts(with: tail.reversed()) else {
            return false
        }
        return Wildcard.matches(pattern[...], text)
    }

    /// How far `self` is from meeting `other`, when it is near enough to
    /// be a typo: the edits (case counts) to the text after the last hole,
    /// or with none to the whole name, at most a quarter of that text.
    /// Measured on bytes: a few imports meet every export of a repository.
    public func nearMiss(_ other: ExportName) -> Int? {
        switch (literal != nil, other.literal != nil) {
        case (true, true):
            return Self.distance(head, other.head, within: Self.limit(max(head.count, other.head.count)))
        case (true, false):
            return other.filling(head)
        case (false, true):
            return filling(other.head)
        case (false, false):
            guard head.starts(with: other.head) || other.head.starts(with: head) else { return nil }
            return Self.distance(tail, other.tail, within: Self.limit(max(tail.count, other.tail.count)))
        }
    }

    /// The edits a text of `length` characters may differ by and still be a typo.
    private static func limit(_ length: Int) -> Int { max(1, length / 4) }

    /// For a name `A${x}B`: the fewest edits that turn `text` into a text
    /// the name can give, the hole taking what lies between (tried a few
    /// lengths around the obvious one), when within the limit for `A` and `B`.
    private func filling(_ text: [UInt8]) -> Int? {
        guard pieces.count <= 3, head.count + tail.count > 0 else { return nil }
        let limit = Self.limit(head.count + tail.count)
        var best: Int?
        for shift in -2...2 {
            let middle = text.count - head.count - tail.count + shift
            let start = min(head.count, text.count)
            guard middle >= 1 else { continue }
            let end = min(text.count, start + middle)
            guard let found = Self.distance(head + text[start..<end] + tail, text, within: limit) else { continue }
            best = min(best ?? found, found)
        }
        return best
    }

    /// Edit distance, case counting (export names are matched exactly),
    /// when it is at most `limit`.
    private static func distance(_ a: [UInt8], _ b: [UInt8], within limit: Int) -> Int? {
        let found = Suggestion.editDistance(a, b, limit: limit)
        return found <= limit ? found : nil
    }
}
