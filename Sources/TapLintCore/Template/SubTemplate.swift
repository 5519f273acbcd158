/// An `Fn::Sub` string split into literal text and `${...}` variables.
///
/// `${!Literal}` is text (it renders as `${Literal}`); `${Name}` names a
/// parameter, resource or pseudo parameter; `${Name.Attr}` reads an attribute.
public struct SubTemplate: Sendable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        /// A variable and the offset of its `${` in the string, in code
        /// points (the unit of libyaml's columns).
        case variable(String, offset: Int)
    }

    public var parts: [Part]

    public init(_ text: String) {
        var parts: [Part] = []
        var bytes = Array(text.utf8)
        var literal: [UInt8] = []
        var i = 0
        var offset = 0  // code points before bytes[i]: what a column counts
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{"),
                  let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                literal.append(bytes[i])
                if bytes[i] & 0xC0 != 0x80 { offset += 1 }
                i += 1
                continue
            }
            let inside = bytes[(i + 2)..<close]
            if inside.first == UInt8(ascii: "!") {
                literal += Array("${".utf8) + inside.dropFirst() + [UInt8(ascii: "}")]
            } else {
                flush()
                parts.append(.variable(String(decoding: inside, as: UTF8.self).trimmingSpaces, offset: offset))
            }
            offset += bytes[i...close].count { $0 & 0xC0 != 0x80 }
            i = close + 1
        }
        flush()
        bytes.removeAll()
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

    /// The template string of a well-formed `Fn::Sub` argument, unparsed.
    public static func templateString(of argument: Node) -> String? {
        if let text = argument.string { return text }
        guard let items = argument.sequence, items.count == 2 else { return nil }
        return items[0].string
    }

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

    /// Where a variable at `offset` stands in the file, given where the
    /// string's text starts (`Node.exactValueRange`); the string's range
    /// when that is not known.
    public func range(ofVariableAt offset: Int, length: Int, in text: SourceRange?) -> SourceRange {
        guard let range = text, let scalar = string.scalar else { return string.range }
        let column = range.start.column + (scalar.style == .plain ? 0 : 1) + offset
        return SourceRange(start: SourcePosition(line: range.start.line, column: column),
                           end: SourcePosition(line: range.start.line, column: column + length))
    }
}
