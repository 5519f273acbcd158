/// An `Fn::Sub` string split into literal text and `${...}` variables.
///
/// `${!Literal}` is text (it renders as `${Literal}`); `${Name}` names a
/// parameter, resource or pseudo parameter; `${Name.Attr}` reads an attribute.
public struct SubTemplate: Sendable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        /// A variable and the character offset of its `${` in the string.
        case variable(String, offset: Int)
    }

    public var parts: [Part]

    public init(_ text: String) {
        var parts: [Part] = []
        var literal = ""
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            guard characters[i] == "$", i + 1 < characters.count, characters[i + 1] == "{",
                  let close = characters[(i + 2)...].firstIndex(of: "}") else {
                literal.append(characters[i])
                i += 1
                continue
            }
            let inside = String(characters[(i + 2)..<close])
            if inside.hasPrefix("!") {
                literal += "${" + inside.dropFirst() + "}"
            } else {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.variable(inside.trimmingSpaces, offset: i))
            }
            i = close + 1
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        self.parts = parts
    }

    public var variables: [(name: String, offset: Int)] {
        parts.compactMap {
            if case .variable(let name, let offset) = $0 { return (name, offset) }
            return nil
        }
    }

    /// The text with every variable replaced by `${}`, for rules that read
    /// the literal shape of a string (an ARN, a URL).
    public var literalText: String {
        parts.map {
            switch $0 {
            case .literal(let text): text
            case .variable(let name, _): "${\(name)}"
            }
        }.joined()
    }
}

extension String {
    public var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}

/// A decoded `Fn::Sub` call: the template string and the variable map of
/// the two-argument form, whose names shadow template names.
public struct SubCall: Sendable {
    public var text: SubTemplate
    public var string: Node
    public var variables: [Entry]

    public init?(_ argument: Node) {
        if let text = argument.string {
            self.text = SubTemplate(text)
            string = argument
            variables = []
        } else if let items = argument.sequence, items.count == 2, let text = items[0].string {
            self.text = SubTemplate(text)
            string = items[0]
            variables = items[1].mapping ?? []
        } else {
            return nil
        }
    }

    /// Where a variable at `offset` stands in the file: exact when the
    /// string's own position is (see `Node.valueRange`), else the string's.
    public func range(ofVariableAt offset: Int, length: Int) -> SourceRange {
        guard let range = string.exactValueRange, let scalar = string.scalar else { return string.range }
        let column = range.start.column + (scalar.style == .plain ? 0 : 1) + offset
        return SourceRange(start: SourcePosition(line: range.start.line, column: column),
                           end: SourcePosition(line: range.start.line, column: column + length))
    }
}
