/// The patterns most schemas write, `^[a-zA-Z0-9\-_]{1,64}$`,
/// `^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role/.+$` and their kin: literals,
/// `.`, classes, `\w`, `\d`, `\s`, `\uHHHH`, groups and alternatives, each
/// with a greedy quantifier, and the anchors `^` and `$` anywhere
/// (`^$|^arn:…$`, IAM's `^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$`). Matched here over ASCII bytes with backtracking, at a
/// small fraction of what compiling and running a general `Regex` costs;
/// anything else (lookaround, backreferences, lazy quantifiers), and any
/// text that is not plain ASCII or ends in a newline (where Python's `\w`
/// and `$` have rules of their own), goes to `Regex`.
///
/// A class: the process-wide cache hands it out on every match, and a
/// struct's copy went through generic value witnesses there.
final class SimplePattern: Sendable {
    /// What one position takes: a set of ASCII bytes, or a group of
    /// alternative sequences. Not `indirect`: the arrays already hold the
    /// recursion, and an indirect case's box, kept in the process-wide
    /// pattern cache, is one LeakSanitizer cannot see through (its pointer
    /// carries tag bits) and would report as leaked.
    enum Piece: Sendable {
        case bytes([Bool])
        case group([[Item]])
    }

    /// A zero-width assertion. Kept apart from `Piece`: a case without a
    /// payload there made every copy of an item a switch instead of one
    /// retain, on the matcher's hottest path.
    enum Anchor: Sendable {
        /// `^` (or `\A`): only at the text's start.
        case start
        /// `$` (or `\Z`): only at its end; a text ending in a newline,
        /// where Python's `$` also matches before it, is not for this matcher.
        case end
    }

    struct Item: Sendable {
        var piece: Piece
        var minimum = 1
        var maximum = 1
        /// Set for `^` and `$`, whose piece is not read.
        var anchor: Anchor?

        init(piece: Piece) {
            self.piece = piece
        }

        init(_ anchor: Anchor) {
            piece = .bytes([])
            self.anchor = anchor
        }
    }

    private let items: [Item]
    /// True when the pattern begins with `^` outside any alternative: only
    /// a match from the text's start is tried.
    private let anchoredStart: Bool
    /// True when it ends with `$` outside any alternative. Both are taken
    /// off the items and checked once, not stepped through at every try.
    private let anchoredEnd: Bool
    /// Set when the whole pattern is one set of bytes repeated between the
    /// anchors (`^[a-zA-Z0-9-]{1,63}$`), the shape of most schemas' patterns
    /// and of every tag's: one loop over the text decides it, without the
    /// backtracking machinery.
    private let repeated: Repeated?

    private struct Repeated {
        var accepts: [Bool]
        var minimum: Int
        var maximum: Int
    }

    /// nil when the pattern uses anything this matcher does not take.
    init?(_ pattern: String) {
        let bytes = Array(pattern.utf8)
        guard bytes.allSatisfy({ $0 < 128 }) else { return nil }
        var parser = Parser(bytes: bytes)
        guard let alternatives = parser.alternatives(), parser.position == bytes.count else { return nil }
        var items = alternatives.count == 1 ? alternatives[0] : [Item(piece: .group(alternatives))]
        anchoredStart = items.first?.anchor == .start
        if anchoredStart { items.removeFirst() }
        anchoredEnd = items.last?.anchor == .end
        if anchoredEnd { items.removeLast() }
        self.items = items
        if anchoredStart, anchoredEnd, items.count == 1, items[0].anchor == nil, case .bytes(let accepts) = items[0].piece {
            repeated = Repeated(accepts: accepts, minimum: items[0].minimum, maximum: items[0].maximum)
        } else {
            repeated = nil
        }
    }

    /// True when the pattern matches somewhere in `text` (anywhere, unless
    /// anchored); nil when `text` is not for this matcher.
    func matches(_ text: String) -> Bool? {
        // Read in place: the text is not copied into an array for each pattern.
        text.withBytes { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 128 }), bytes.last != 10 else { return nil }
            if let repeated {
                return bytes.count >= repeated.minimum && bytes.count <= repeated.maximum
                    && bytes.allSatisfy { repeated.accepts[Int($0)] }
            }
            let budget = Budget()
            let last = anchoredStart ? 0 : bytes.count
            var start = 0
            while start <= last {
                if match(items[...], in: bytes, at: start, budget: budget, then: { !anchoredEnd || $0 == bytes.count }) { return true }
                if budget.steps <= 0 { return nil }
                start += 1
            }
            return false
        }
    }

    /// Backtracking steps left: a pattern that would run away on a text is
    /// not judged by this matcher.
    private final class Budget {
        var steps = 100_000
    }

    private func match(_ sequence: ArraySlice<Item>, in bytes: UnsafeBufferPointer<UInt8>, at position: Int, budget: Budget,
                       then rest: (Int) -> Bool) -> Bool {
        budget.steps -= 1
        guard budget.steps > 0 else { return false }
        guard let item = sequence.first else { return rest(position) }
        let after = sequence.dropFirst()
        if let anchor = item.anchor {
            guard position == (anchor == .start ? 0 : bytes.count) else { return false }
            return match(after, in: bytes, at: position, budget: budget, then: rest)
        }
        switch item.piece {
        case .bytes(let accepts):
            var count = 0
            while count < item.maximum, position + count < bytes.count, accepts[Int(bytes[position + count])] { count += 1 }
            guard count >= item.minimum else { return false }
            var taken = count
            while taken >= item.minimum {
                if match(after, in: bytes, at: position + taken, budget: budget, then: rest) { return true }
                taken -= 1
            }
            return false
        case .group(let alternatives):
            return repeatGroup(alternatives, item, done: 0, in: bytes, at: position, budget: budget) { end in
                match(after, in: bytes, at: end, budget: budget, then: rest)
            }
        }
    }

    /// Greedy repetition of a group: one more time if it may, else stop.
    private func repeatGroup(_ alternatives: [[Item]], _ item: Item, done: Int, in bytes: UnsafeBufferPointer<UInt8>, at position: Int,
                             budget: Budget, then rest: (Int) -> Bool) -> Bool {
        if done < item.maximum {
            for alternative in alternatives {
                let matched = match(alternative[...], in: bytes, at: position, budget: budget) { end in
                    // An empty repetition adds nothing: stop rather than loop.
                    guard end != position || done < item.minimum else { return false }
                    return repeatGroup(alternatives, item, done: done + 1, in: bytes, at: end, budget: budget, then: rest)
                }
                if matched { return true }
                if budget.steps <= 0 { return false }
            }
        }
        return done >= item.minimum && rest(position)
    }

    /// Reads the pattern's syntax into items.
    private struct Parser {
        let bytes: [UInt8]
        var position = 0

        mutating func alternatives() -> [[Item]]? {
            var all: [[Item]] = []
            var current: [Item] = []
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: ")") { break }
                if byte == UInt8(ascii: "|") {
                    all.append(current)
                    current = []
                    position += 1
                    continue
                }
                guard var item = self.item() else { return nil }
                // Python will not repeat an anchor; let `Regex` say what it makes of one.
                if item.anchor != nil, position < bytes.count, Self.quantifiers.contains(bytes[position]) { return nil }
                guard quantifier(into: &item) else { return nil }
                current.append(item)
            }
            all.append(current)
            return all
        }

        private mutating func item() -> Item? {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "("):
                position += 1
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "?") {
                    guard bytes[position + 1] == UInt8(ascii: ":") else { return nil }  // lookaround, named groups
                    position += 2
                }
                guard let inner = alternatives(), position < bytes.count, bytes[position] == UInt8(ascii: ")") else { return nil }
                position += 1
                return Item(piece: .group(inner))
            case UInt8(ascii: "["):
                var accepts = [Bool](repeating: false, count: 128)
                guard let end = SimplePattern.readClass(bytes, from: position + 1, into: &accepts) else { return nil }
                position = end
                return Item(piece: .bytes(accepts))
            case UInt8(ascii: "^"), UInt8(ascii: "$"):
                position += 1
                return Item(byte == UInt8(ascii: "^") ? .start : .end)
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { return nil }
                switch bytes[position + 1] {
                case UInt8(ascii: "A"), UInt8(ascii: "Z"):
                    position += 2
                    return Item(bytes[position - 1] == UInt8(ascii: "A") ? .start : .end)
                default:
                    break
                }
                var accepts = [Bool](repeating: false, count: 128)
                if let (value, end) = SimplePattern.hexEscape(bytes, at: position) {
                    // A character beyond ASCII matches none of the texts this matcher takes.
                    if value < 128 { accepts[value] = true }
                    position = end
                    return Item(piece: .bytes(accepts))
                }
                guard SimplePattern.readEscape(bytes[position + 1], into: &accepts) else { return nil }
                position += 2
                return Item(piece: .bytes(accepts))
            case UInt8(ascii: "."):
                var accepts = [Bool](repeating: true, count: 128)
                accepts[10] = false
                position += 1
                return Item(piece: .bytes(accepts))
            default:
                guard !SimplePattern.metacharacters.contains(byte) else { return nil }
                var accepts = [Bool](repeating: false, count: 128)
                accepts[Int(byte)] = true
                position += 1
                return Item(piece: .bytes(accepts))
            }
        }

        private static let quantifiers: Set<UInt8> = Set("?*+{".utf8)

        /// `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`; false for what this
        /// matcher does not take (lazy or possessive quantifiers).
        private mutating func quantifier(into item: inout Item) -> Bool {
            guard position < bytes.count else { return true }
            switch bytes[position] {
            case UInt8(ascii: "?"): (item.minimum, item.maximum) = (0, 1); position += 1
            case UInt8(ascii: "*"): (item.minimum, item.maximum) = (0, Int.max); position += 1
            case UInt8(ascii: "+"): (item.minimum, item.maximum) = (1, Int.max); position += 1
            case UInt8(ascii: "{"):
                guard let close = bytes[position...].firstIndex(of: UInt8(ascii: "}")) else { return false }
                let inside = String(decoding: bytes[(position + 1)..<close], as: UTF8.self)
                let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
                guard parts.count <= 2, let low = Int(parts[0]) else { return false }
                let high = parts.count == 1 ? low : parts[1].isEmpty ? Int.max : Int(parts[1])
                guard let high, high >= low else { return false }
                (item.minimum, item.maximum) = (low, high)
                position = close + 1
            default:
                return true
            }
            return position >= bytes.count || (bytes[position] != UInt8(ascii: "?") && bytes[position] != UInt8(ascii: "+"))
        }
    }

    static let metacharacters: Set<UInt8> = Set("()|?*+{}^$[]".utf8)

    /// `[...]` from just after the `[`: where it ends, or nil.
    static func readClass(_ bytes: [UInt8], from start: Int, into accepts: inout [Bool]) -> Int? {
        var i = start
        var negated = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "^") { negated = true; i += 1 }
        var members = [Bool](repeating: false, count: 128)
        var previous: Int?  // the last single member, which may start a range
        var first = true
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "]"), !first {
                for b in 0..<128 { accepts[b] = negated ? !members[b] : members[b] }
                return i + 1
            }
            first = false
            if byte == UInt8(ascii: "["), i + 1 < bytes.count, [UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: ".")].contains(bytes[i + 1]) {
                return nil  // POSIX classes: not what Python means
            }
            if byte == UInt8(ascii: "-"), let low = previous, i + 1 < bytes.count, bytes[i + 1] != UInt8(ascii: "]") {
                var high = Int(bytes[i + 1])
                var end = i + 2
                if high == Int(UInt8(ascii: "\\")) {
                    if let (value, after) = hexEscape(bytes, at: i + 1) {
                        (high, end) = (value, after)
                    } else {
                        guard i + 2 < bytes.count, let literal = literalEscape(bytes[i + 2]) else { return nil }
                        (high, end) = (Int(literal), i + 3)
                    }
                }
                guard low <= high else { return nil }
                // Only the range's ASCII part can meet the texts this matcher takes.
                if low < 128 { for b in low...min(high, 127) { members[b] = true } }
                previous = nil
                i = end
                continue
            }
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { return nil }
                if let (value, end) = hexEscape(bytes, at: i) {
                    if value < 128 { members[value] = true }
                    previous = value
                    i = end
                    continue
                }
                if bytes[i + 1] == UInt8(ascii: "p") {
                    guard let end = readProperty(bytes, from: i + 2, into: &members) else { return nil }
                    previous = nil
                    i = end
                    continue
                }
                if let literal = literalEscape(bytes[i + 1]) {
                    members[Int(literal)] = true
                    previous = Int(literal)
                } else {
                    guard readEscape(bytes[i + 1], into: &members) else { return nil }
                    previous = nil
                }
                i += 2
                continue
            }
            members[Int(byte)] = true
            previous = Int(byte)
            i += 1
        }
        return nil
    }

    /// `\uHHHH` or `\xHH` from the backslash at `start`: the code point it
    /// writes and where it ends; nil for any other escape.
    static func hexEscape(_ bytes: [UInt8], at start: Int) -> (value: Int, end: Int)? {
        guard start + 1 < bytes.count else { return nil }
        let digits = bytes[start + 1] == UInt8(ascii: "u") ? 4 : bytes[start + 1] == UInt8(ascii: "x") ? 2 : 0
        guard digits > 0, start + 2 + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[(start + 2)..<(start + 2 + digits)] {
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            value = value * 16 + digit
        }
        return (value, start + 2 + digits)
    }

    /// `\p{L}`, `\p{N}`, `\p{Z}` from just after the `p`, as they are
    /// within ASCII: the letters, the digits, the space. Where it ends.
    private static func readProperty(_ bytes: [UInt8], from start: Int, into members: inout [Bool]) -> Int? {
        guard start + 2 < bytes.count, bytes[start] == UInt8(ascii: "{"), bytes[start + 2] == UInt8(ascii: "}") else {
            return nil
        }
        switch bytes[start + 1] {
        case UInt8(ascii: "L"): for b in 0..<128 where (b | 0x20 >= 97 && b | 0x20 <= 122) { members[b] = true }
        case UInt8(ascii: "N"): for b in 48...57 { members[b] = true }
        case UInt8(ascii: "Z"): members[32] = true
        default: return nil
        }
        return start + 3
    }

    /// `\w`, `\d`, `\s` and their complements, or an escaped literal.
    static func readEscape(_ letter: UInt8, into accepts: inout [Bool]) -> Bool {
        if let literal = literalEscape(letter) {
            accepts[Int(literal)] = true
            return true
        }
        let set: (UInt8) -> Bool
        switch letter {
        case UInt8(ascii: "w"), UInt8(ascii: "W"): set = { isWord($0) }
        case UInt8(ascii: "d"), UInt8(ascii: "D"): set = { $0 >= 48 && $0 <= 57 }
        // Python's \s on text: \t \n \v \f \r, the separators 0x1C–0x1F, and space.
        case UInt8(ascii: "s"), UInt8(ascii: "S"): set = { ($0 >= 9 && $0 <= 13) || ($0 >= 28 && $0 <= 32) }
        default: return false
        }
        let complement = letter < UInt8(ascii: "a")
        for b in 0..<128 where set(UInt8(b)) != complement { accepts[b] = true }
        return true
    }

    /// The character an escape stands for when it is punctuation written
    /// literally (`\.`, `\-`, `\/`); nil for letters and digits, which mean
    /// something else (`\w`, `\b`, `\u0041`, a backreference).
    private static func literalEscape(_ letter: UInt8) -> UInt8? {
        let isAlphanumeric = (letter >= 48 && letter <= 57) || (letter | 0x20 >= 97 && letter | 0x20 <= 122)
        return isAlphanumeric || letter < 32 ? nil : letter
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == 95
    }
}
