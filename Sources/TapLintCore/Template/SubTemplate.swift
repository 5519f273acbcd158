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
        var text = text
        text.withUTF8 { bytes in
            let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var literal = ""  // text not yet added to `parts`
            var run = 0  // where the literal bytes not yet in `literal` start
            var offset = 0  // code points before `counted`: what a column counts
            var counted = 0
            func codePoints(to end: Int) {
                for j in counted..<end where bytes[j] & 0xC0 != 0x80 { offset += 1 }
                counted = end
            }
            var i = 0
            while i + 1 < bytes.count {
                guard bytes[i] == dollar, bytes[i + 1] == open else {
                    i += 1
                    continue
                }
                guard let end = bytes[(i + 2)...].firstIndex(of: close) else { break }
                literal += String(decoding: bytes[run..<i], as: UTF8.self)
                codePoints(to: i)
                if i + 2 < end, bytes[i + 2] == UInt8(ascii: "!") {
                    literal += "${" + String(decoding: bytes[(i + 3)..<end], as: UTF8.self) + "}"
                } else {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(.variable(String(decoding: bytes[(i + 2)..<end], as: UTF8.self).trimmingSpaces, offset: offset))
                }
                codePoints(to: end + 1)
                i = end + 1
                run = i
            }
            literal += String(decoding: bytes[run...], as: UTF8.self)
            if !literal.isEmpty { parts.append(.literal(literal)) }
        }
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
        if utf8.first != UInt8(ascii: " "), utf8.last != UInt8(ascii: " ") { return self }
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
