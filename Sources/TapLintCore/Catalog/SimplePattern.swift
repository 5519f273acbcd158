/// The patterns most schemas write, `^[a-zA-Z0-9\-_]{1,64}$` and its
/// kin: a run of single-character atoms (a literal, `.`, a class, `\w`,
/// `\d`, `\s`), each with a quantifier. Matched here over ASCII bytes,
/// which takes a small fraction of what a general regular expression costs;
/// anything else, and any text that is not plain ASCII or ends in a newline
/// (where Python's `\w` and `$` have their own rules), goes to `Regex`.
struct SimplePattern: Sendable {
    /// One character position: the ASCII bytes it accepts, and how many times.
    struct Atom: Sendable {
        var accepts = [Bool](repeating: false, count: 128)
        var minimum = 1
        var maximum = 1
    }

    var atoms: [Atom] = []
    var anchoredStart = false
    var anchoredEnd = false

    /// nil when the pattern uses anything beyond single-character atoms.
    init?(_ pattern: String) {
        var bytes = Array(pattern.utf8)
        guard bytes.allSatisfy({ $0 < 128 }) else { return nil }
        if bytes.first == UInt8(ascii: "^") { anchoredStart = true; bytes.removeFirst() }
        if bytes.last == UInt8(ascii: "$"), bytes.count < 2 || bytes[bytes.count - 2] != UInt8(ascii: "\\") {
            anchoredEnd = true
            bytes.removeLast()
        }
        // `^(…)$`: one group around everything, which changes nothing here.
        if bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")"),
           !bytes.dropFirst().dropLast().contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "|") }) {
            bytes = Array(bytes.dropFirst().dropLast())
        }
        var i = 0
        while i < bytes.count {
            var atom = Atom()
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "["):
                guard let end = Self.readClass(bytes, from: i + 1, into: &atom.accepts) else { return nil }
                i = end
            case UInt8(ascii: "\\"):
                guard i + 1 < bytes.count, Self.readEscape(bytes[i + 1], into: &atom.accepts) else { return nil }
                i += 2
            case UInt8(ascii: "."):
                for b in 0..<128 where b != 10 { atom.accepts[b] = true }
                i += 1
            default:
                guard !Self.metacharacters.contains(byte) else { return nil }
                atom.accepts[Int(byte)] = true
                i += 1
            }
            guard let next = Self.readQuantifier(bytes, from: i, into: &atom) else { return nil }
            i = next
            atoms.append(atom)
        }
    }

    private static let metacharacters: Set<UInt8> = Set("()|?*+{}^$[]".utf8)

    /// True when the pattern matches somewhere in `text` (anywhere, unless
    /// anchored); nil when `text` is not for this matcher.
    func matches(_ text: String) -> Bool? {
        let bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 128 }), bytes.last != 10 else { return nil }
        let starts = anchoredStart ? 0...0 : 0...bytes.count
        return starts.contains { match(bytes, atom: 0, at: $0) }
    }

    /// Greedy with backtracking: texts are short, and atoms few.
    private func match(_ bytes: [UInt8], atom index: Int, at position: Int) -> Bool {
        guard index < atoms.count else { return !anchoredEnd || position == bytes.count }
        let atom = atoms[index]
        var count = 0
        while count < atom.maximum, position + count < bytes.count, atom.accepts[Int(bytes[position + count])] {
            count += 1
        }
        guard count >= atom.minimum else { return false }
        for taken in stride(from: count, through: atom.minimum, by: -1)
            where match(bytes, atom: index + 1, at: position + taken) { return true }
        return false
    }

    /// `[...]` from just after the `[`: where it ends, or nil.
    private static func readClass(_ bytes: [UInt8], from start: Int, into accepts: inout [Bool]) -> Int? {
        var i = start
        var negated = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "^") { negated = true; i += 1 }
        var members = [Bool](repeating: false, count: 128)
        var previous: UInt8?  // the last single member, which may start a range
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
                var high = bytes[i + 1]
                var width = 2
                if high == UInt8(ascii: "\\") {
                    guard i + 2 < bytes.count, let literal = literalEscape(bytes[i + 2]) else { return nil }
                    high = literal
                    width = 3
                }
                guard low <= high else { return nil }
                for b in low...high { members[Int(b)] = true }
                previous = nil
                i += width
                continue
            }
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { return nil }
                if bytes[i + 1] == UInt8(ascii: "p") {
                    guard let end = readProperty(bytes, from: i + 2, into: &members) else { return nil }
                    previous = nil
                    i = end
                    continue
                }
                if let literal = literalEscape(bytes[i + 1]) {
                    members[Int(literal)] = true
                    previous = literal
                } else {
                    guard readEscape(bytes[i + 1], into: &members) else { return nil }
                    previous = nil
                }
                i += 2
                continue
            }
            members[Int(byte)] = true
            previous = byte
            i += 1
        }
        return nil
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
    private static func readEscape(_ letter: UInt8, into accepts: inout [Bool]) -> Bool {
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
    /// something else (`\w`, `\b`, `\u0041`).
    private static func literalEscape(_ letter: UInt8) -> UInt8? {
        let isAlphanumeric = (letter >= 48 && letter <= 57) || (letter | 0x20 >= 97 && letter | 0x20 <= 122)
        return isAlphanumeric || letter < 32 ? nil : letter
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte == 95
    }

    /// `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}` after an atom; nil for what
    /// this matcher does not take (lazy or possessive quantifiers).
    private static func readQuantifier(_ bytes: [UInt8], from start: Int, into atom: inout Atom) -> Int? {
        guard start < bytes.count else { return start }
        var i = start
        switch bytes[i] {
        case UInt8(ascii: "?"): (atom.minimum, atom.maximum) = (0, 1); i += 1
        case UInt8(ascii: "*"): (atom.minimum, atom.maximum) = (0, Int.max); i += 1
        case UInt8(ascii: "+"): (atom.minimum, atom.maximum) = (1, Int.max); i += 1
        case UInt8(ascii: "{"):
            guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "}")) else { return nil }
            let inside = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
            let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count <= 2, let low = Int(parts[0]) else { return nil }
            let high = parts.count == 1 ? low : parts[1].isEmpty ? Int.max : Int(parts[1])
            guard let high, high >= low else { return nil }
            (atom.minimum, atom.maximum) = (low, high)
            i = close + 1
        default:
            return i
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "?") || bytes[i] == UInt8(ascii: "+") { return nil }
        return i
    }
}
