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

    public let parts: [Part]
    /// The text with every variable replaced by `${Name}` and every
    /// `${!Literal}` by `${Literal}`, for rules that read the literal shape of
    /// a string (an ARN, a URL). Most texts already read so, and then this
    /// is the text itself, shared rather than built.
    public let literalText: String

    /// Reads the text once, byte by byte: a literal is made from its bytes
    /// in one piece, and a variable's name is trimmed before it becomes a
    /// string. Rules split the same `Fn::Sub` texts thousands of times on a
    /// large template, so the way each is split counts.
    public init(_ text: String) {
        var parts: [Part] = []
        var reshaped = false  // true when the literal text differs from `text`
        text.withBytes { bytes in
            let dollar = UInt8(ascii: "$"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            // The parts at most, counted first: growing the list one append
            // at a time cost more than splitting the text.
            var dollars = 0
            var next = ByteSearch.offset(of: dollar, in: bytes, from: 0)
            while next < bytes.count {
                dollars += 1
                next = ByteSearch.offset(of: dollar, in: bytes, from: next + 1)
            }
            parts.reserveCapacity(2 * dollars + 1)
            var run = 0  // where the literal bytes not yet in `parts` or `unescaped` start
            // The pending literal's bytes before `run`, once a `${!` made them differ from the source.
            var unescaped: [UInt8] = []
            var offset = 0  // code points before `counted`: what a column counts
            var counted = 0
            func codePoints(to end: Int) {
                for j in counted..<end where bytes[j] & 0xC0 != 0x80 { offset += 1 }
                counted = end
            }
            func flushLiteral(to end: Int) {
                if unescaped.isEmpty {
                    if run < end { parts.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<end]), as: UTF8.self))) }
                } else {
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<end]))
                    parts.append(.literal(String(decoding: unescaped, as: UTF8.self)))
                    unescaped.removeAll(keepingCapacity: true)
                }
            }
            var i = ByteSearch.offset(of: dollar, in: bytes, from: 0)
            while i + 1 < bytes.count {
                guard bytes[i] == dollar, bytes[i + 1] == open else {
                    i = ByteSearch.offset(of: dollar, in: bytes, from: i + 1)
                    continue
                }
                var end = i + 2
                while end < bytes.count, bytes[end] != close { end += 1 }
                guard end < bytes.count else { break }
                codePoints(to: i)
                if i + 2 < end, bytes[i + 2] == UInt8(ascii: "!") {
                    // `${!Literal}` is the text `${Literal}`: the bytes up to `${`, then after the `!`.
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<(i + 2)]))
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(i + 3)...end]))
                    reshaped = true
                } else {
                    flushLiteral(to: i)
                    let name = Self.name(UnsafeBufferPointer(rebasing: bytes[(i + 2)..<end]))
                    reshaped = reshaped || name.trimmed
                    parts.append(.variable(name.text, offset: offset))
                }
                codePoints(to: end + 1)
                run = end + 1
                i = ByteSearch.offset(of: dollar, in: bytes, from: run)
            }
            flushLiteral(to: bytes.count)
        }
        self.parts = parts
        literalText = reshaped ? Self.literalText(of: parts) : text
    }

    /// A variable's name without the spaces around it, and whether there were any.
    /// True when `text`'s literal text is `text` itself, known without
    /// splitting it: only `${!…}` and a name with spaces around it
    /// (`${ Name }`) make them differ.
    public static func readsAsWritten(_ text: String) -> Bool {
        !text.containsBytes("${!") && !text.containsBytes("${ ") && !text.containsBytes(" }")
    }

    private static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, trimmed: Bool) {
        let space = UInt8(ascii: " ")
        var start = 0, end = bytes.count
        while end > start, bytes[end - 1] == space { end -= 1 }
        while start < end, bytes[start] == space { start += 1 }
        // A space next to some other characters (a combining mark after it,
        // a prepended mark before it) is one character with them and stays:
        // leave those rare names to the character-wise trim.
        if (start > 0 && start < end && bytes[start] >= 0x80) || (end < bytes.count && end > start && bytes[end - 1] >= 0x80) {
            return (String(decoding: bytes, as: UTF8.self).trimmingSpaces, true)
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), start != 0 || end != bytes.count)
    }

    /// The literal text made from the parts, in one allocation.
    private static func literalText(of parts: [Part]) -> String {
        var count = 0
        for part in parts {
            switch part {
            case .literal(let text): count += text.utf8.count
            case .variable(let name, _): count += name.utf8.count + 3
            }
        }
        var result = ""
        result.reserveCapacity(count)
        for part in parts {
            switch part {
            case .literal(let text): result += text
            case .variable(let name, _): result += "${"; result += name; result += "}"
            }
        }
        return result
    }

    public var variables: [(name: String, offset: Int)] {
        parts.compactMap {
            if case .variable(let name, let offset) = $0 { return (name, offset) }
            return nil
        }
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
