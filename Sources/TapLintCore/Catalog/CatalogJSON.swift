/// Reads the compact JSON that scripts/gen-catalog writes into the catalog
/// (cfn-lint's extension schemas) into nodes, exactly as libyaml reads the
/// same text: strings double-quoted, numbers, booleans and null plain, keys
/// in the order written. Read through libyaml, each of the hundreds of
/// schemas paid a parser's start-up and a YAML scanner's work per byte.
///
/// For the catalog's own text only: the nodes carry no positions, and
/// anything else than plain JSON gives nil (the caller then reads it with
/// libyaml).
enum CatalogJSON {
    /// Deeper than any schema the catalog holds.
    private static let maxDepth = 64

    static func parse(_ text: UnsafeBufferPointer<UInt8>) -> Node? {
        var reader = Reader(text: text)
        guard let node = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.at == text.count ? node : nil
    }

    private struct Reader {
        let text: UnsafeBufferPointer<UInt8>
        var at = 0

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
        }

        mutating func skipSpace() {
            while at < text.count, text[at] == 0x20 || text[at] == 0x0A || text[at] == 0x0D || text[at] == 0x09 { at += 1 }
        }

        mutating func value(depth: Int) -> Node? {
            skipSpace()
            guard at < text.count, depth < CatalogJSON.maxDepth else { return nil }
            switch text[at] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map { Self.node(.scalar(Scalar($0, style: .doubleQuoted))) }
            default: return bare()
            }
        }

        private static func node(_ content: Node.Content) -> Node {
            Node(content, range: .origin)
        }

        private mutating func object(depth: Int) -> Node? {
            list(closing: UInt8(ascii: "}")) { reader -> Entry? in
                reader.skipSpace()
                guard reader.at < reader.text.count, reader.text[reader.at] == UInt8(ascii: "\""), let key = reader.string()
                else { return nil }
                reader.skipSpace()
                guard reader.at < reader.text.count, reader.text[reader.at] == UInt8(ascii: ":") else { return nil }
                reader.at += 1
                return reader.value(depth: depth + 1).map { Entry(key: Self.node(.scalar(Scalar(key, style: .doubleQuoted))), value: $0) }
            }.map { Self.node(.mapping($0)) }
        }

        private mutating func array(depth: Int) -> Node? {
            list(closing: UInt8(ascii: "]")) { $0.value(depth: depth + 1) }.map { Self.node(.sequence($0)) }
        }

        /// The members of an object or array, `at` on its opening bracket,
        /// each read by `member`; nil when the list is not well formed.
        private mutating func list<Member>(closing: UInt8, _ member: (inout Reader) -> Member?) -> [Member]? {
            at += 1
            var members: [Member] = []
            skipSpace()
            if at < text.count, text[at] == closing {
                at += 1
                return members
            }
            while true {
                guard let next = member(&self) else { return nil }
                members.append(next)
                skipSpace()
                guard at < text.count else { return nil }
                at += 1
                switch text[at - 1] {
                case UInt8(ascii: ","): continue
                case closing: return members
                default: return nil
                }
            }
        }

        /// A string's text with its escapes decoded; `at` is on its opening quote.
        private mutating func string() -> String? {
            at += 1
            let start = at
            while at < text.count, text[at] != UInt8(ascii: "\""), text[at] != UInt8(ascii: "\\") { at += 1 }
            guard at < text.count else { return nil }
            if text[at] == UInt8(ascii: "\"") {
                defer { at += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: text[start..<at]), as: UTF8.self)
            }
            var bytes = Array(text[start..<at])
            while at < text.count {
                let byte = text[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: bytes, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < text.count else { return nil }
                    let escaped = text[at]
                    at += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escaped)
                    case UInt8(ascii: "b"): bytes.append(0x08)
                    case UInt8(ascii: "f"): bytes.append(0x0C)
                    case UInt8(ascii: "n"): bytes.append(0x0A)
                    case UInt8(ascii: "r"): bytes.append(0x0D)
                    case UInt8(ascii: "t"): bytes.append(0x09)
                    case UInt8(ascii: "u"):
                        guard let scalar = unicodeEscape() else { return nil }
                        bytes.append(contentsOf: String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    bytes.append(byte)
                }
            }
            return nil
        }

        /// The character of `\uXXXX` (and of the low half that follows a high surrogate).
        private mutating func unicodeEscape() -> Unicode.Scalar? {
            guard let high = hex4() else { return nil }
            guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
            guard at + 1 < text.count, text[at] == UInt8(ascii: "\\"), text[at + 1] == UInt8(ascii: "u") else { return nil }
            at += 2
            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }

        private mutating func hex4() -> UInt32? {
            guard at + 4 <= text.count else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = Self.hexDigit(text[at]) else { return nil }
                value = value << 4 | digit
                at += 1
            }
            return value
        }

        private static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// A number, `true`, `false` or `null`: plain, as written.
        private mutating func bare() -> Node? {
            let start = at
            while at < text.count, Self.isBare(text[at]) { at += 1 }
            guard at > start else { return nil }
            let word = String(decoding: UnsafeBufferPointer(rebasing: text[start..<at]), as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" || Double(word) != nil else { return nil }
            return Self.node(.scalar(Scalar(word, style: .plain)))
        }

        private static func isBare(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "E"):
                true
            default:
                false
            }
        }
    }
}
