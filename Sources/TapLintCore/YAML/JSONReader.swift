/// Reads a template written as plain JSON into the events libyaml would
/// give for it, for the same tree builder: a CDK synth output or a JSON
/// sample is then read in a fraction of the instructions libyaml's YAML
/// scanner spent on it (decoding into its buffer, simple-key bookkeeping).
///
/// The events must be libyaml's exactly: the same scalars with the same
/// styles, and positions counted as libyaml counts them (lines from 1,
/// columns in characters). So the reader takes only text whose reading it
/// is sure of, and declines the rest before the tree is used: anything not
/// strict JSON, and the JSON that YAML reads otherwise or rejects (a key
/// whose `:` is on a later line or over a thousand characters on, a `\u`
/// escape of a surrogate, characters YAML treats as line breaks or does not
/// allow, a lone carriage return, a tab outside the brackets). Declined
/// text is read by libyaml, as before. Tests and the fuzzer hold the two
/// readers to the same tree (`YAMLParser.parseAsYAML`).
enum JSONReader {
    /// True when the text's first byte past blank lines opens a JSON object
    /// or array: only then is it worth trying to read it as JSON.
    static func mayBeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// Reads `bytes` into events, handing them on in chunks; true when the
    /// whole text was read as JSON and every chunk taken. False when the
    /// text is not one this reader is sure of, or when `deliver` stopped
    /// early: the caller then reads the text with libyaml instead, which
    /// also finds what libyaml would have found first.
    static func read(_ bytes: [UInt8], deliver: (EventChunk) -> Bool) -> Bool {
        withoutActuallyEscaping(deliver) { deliver in
            bytes.withUnsafeBufferPointer { text in
                var lexer = Lexer(text: text, deliver: deliver)
                return lexer.readDocument()
            }
        }
    }

    private struct Lexer {
        let text: UnsafeBufferPointer<UInt8>
        let deliver: (EventChunk) -> Bool
        var at = 0
        /// The current line, from 1, and the offset where it starts.
        var line = 1
        var lineStart = 0
        /// UTF-8 continuation bytes between `lineStart` and `at`: columns
        /// count characters, as libyaml's do.
        var continuations = 0
        var chunk = EventChunk()
        /// For each open collection, true when it is an object.
        var open: [Bool] = []
        /// The last string read: where it starts, and its text (escapes
        /// undone) in the chunk.
        var string = (start: SourcePosition(line: 1, column: 1), value: Int32(0)..<Int32(0))

        init(text: UnsafeBufferPointer<UInt8>, deliver: @escaping (EventChunk) -> Bool) {
            self.text = text
            self.deliver = deliver
            chunk.events.reserveCapacity(EventReader.chunkSize)
        }

        var position: SourcePosition {
            SourcePosition(line: line, column: at - lineStart - continuations + 1)
        }

        /// Skips spaces and line breaks, and tabs inside the brackets (YAML
        /// rejects a tab where it could indent); false on a lone carriage return.
        mutating func skipSpace() -> Bool {
            while at < text.count {
                switch text[at] {
                case UInt8(ascii: " "):
                    at += 1
                case UInt8(ascii: "\t"):
                    guard !open.isEmpty else { return false }
                    at += 1
                case UInt8(ascii: "\n"):
                    at += 1
                    newLine()
                case UInt8(ascii: "\r"):
                    guard at + 1 < text.count, text[at + 1] == UInt8(ascii: "\n") else { return false }
                    at += 2
                    newLine()
                default:
                    return true
                }
            }
            return true
        }

        mutating func newLine() {
            line += 1
            lineStart = at
            continuations = 0
        }

        /// The document: one object or array, then nothing but space.
        mutating func readDocument() -> Bool {
            guard skipSpace(), at < text.count else { return false }
            let start = position
            emit(.streamStart, range: SourceRange(start: start, end: start))
            emit(.documentStart, range: SourceRange(start: start, end: start))
            guard readValue() else { return false }
            guard skipSpace(), at == text.count else { return false }
            let end = position
            emit(.documentEnd, range: SourceRange(start: end, end: end))
            emit(.streamEnd, range: SourceRange(start: end, end: end))
            // The builder answers false to the stream's end: it wants no more.
            _ = deliver(chunk)
            return true
        }

        /// The root value and everything in it, with an explicit stack so
        /// that nesting cannot overflow the call stack.
        mutating func readValue() -> Bool {
            // True when the next token must be a key.
            var expectingKey = false
            while true {
                guard skipSpace(), at < text.count else { return false }
                let byte = text[at]
                if expectingKey {
                    guard byte == UInt8(ascii: "\""), readKey() else { return false }
                    expectingKey = false
                    continue
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    let isObject = byte == UInt8(ascii: "{")
                    let start = position
                    at += 1
                    guard emit(isObject ? .mappingStart : .sequenceStart, range: SourceRange(start: start, end: position)) else {
                        return false
                    }
                    open.append(isObject)
                    // An empty collection closes at once.
                    guard skipSpace(), at < text.count else { return false }
                    if text[at] == UInt8(ascii: isObject ? "}" : "]") {
                        guard closeCollection(isObject: isObject) else { return false }
                    } else {
                        expectingKey = isObject
                        continue
                    }
                } else if byte == UInt8(ascii: "\"") {
                    guard readString(), emitString() else { return false }
                } else {
                    guard readLiteral() else { return false }
                }
                // After a value: a comma, or the ends of collections.
                while true {
                    guard let isObject = open.last else { return true }
                    guard skipSpace(), at < text.count else { return false }
                    let next = text[at]
                    if next == UInt8(ascii: ",") {
                        at += 1
                        expectingKey = isObject
                        break
                    }
                    guard next == UInt8(ascii: isObject ? "}" : "]"), closeCollection(isObject: isObject) else { return false }
                }
            }
        }

        /// Emits the end of the innermost collection at the bracket under `at`.
        mutating func closeCollection(isObject: Bool) -> Bool {
            let start = position
            at += 1
            open.removeLast()
            return emit(isObject ? .mappingEnd : .sequenceEnd, range: SourceRange(start: start, end: position))
        }

        /// A key and its colon. libyaml takes a key only when its `:` is on
        /// the same line and within 1024 characters of the key's start:
        /// otherwise the text is left to libyaml.
        mutating func readKey() -> Bool {
            let (startOffset, startLine) = (at, line)
            guard readString(), emitString() else { return false }
            guard skipSpace(), at < text.count, text[at] == UInt8(ascii: ":"), line == startLine,
                  at - startOffset <= 1000 else { return false }
            at += 1
            return true
        }

        /// A double-quoted string, read into `string`.
        mutating func readString() -> Bool {
            let start = position
            at += 1
            let origin = Int32(chunk.text.count)
            var runStart = at
            while at < text.count {
                // Most of a string is printable ASCII other than a quote or
                // a backslash: skipped eight bytes at a time, then byte by byte.
                while at + 8 <= text.count,
                      !WordBytes.mayEndJSONString(UnsafeRawPointer(text.baseAddress! + at).loadUnaligned(as: UInt64.self)) {
                    at += 8
                }
                while at < text.count, WordBytes.isPlainInJSONString(text[at]) { at += 1 }
                guard at < text.count else { break }
                let byte = text[at]
                if byte == UInt8(ascii: "\"") {
                    appendRun(from: runStart)
                    at += 1
                    string = (start, origin..<Int32(chunk.text.count))
                    return true
                }
                if byte == UInt8(ascii: "\\") {
                    appendRun(from: runStart)
                    guard readEscape() else { return false }
                    runStart = at
                } else if byte >= 0x80 {
                    guard let length = Self.printableCharacter(text, at: at) else { return false }
                    at += length
                    continuations += length - 1
                } else {
                    return false  // a control character or DEL
                }
            }
            return false
        }

        mutating func appendRun(from start: Int) {
            guard at > start, let base = text.baseAddress else { return }
            _ = chunk.text.append(base + start, length: at - start)
        }

        /// One escape, `at` on its backslash: JSON's, which YAML's double
        /// quotes read the same; a `\u` of a surrogate is declined (libyaml
        /// rejects it, where JSON pairs it with the next).
        mutating func readEscape() -> Bool {
            guard at + 1 < text.count else { return false }
            let unescaped: UInt8
            switch text[at + 1] {
            case UInt8(ascii: "\""): unescaped = UInt8(ascii: "\"")
            case UInt8(ascii: "\\"): unescaped = UInt8(ascii: "\\")
            case UInt8(ascii: "/"): unescaped = UInt8(ascii: "/")
            case UInt8(ascii: "b"): unescaped = 0x08
            case UInt8(ascii: "f"): unescaped = 0x0C
            case UInt8(ascii: "n"): unescaped = 0x0A
            case UInt8(ascii: "r"): unescaped = 0x0D
            case UInt8(ascii: "t"): unescaped = 0x09
            case UInt8(ascii: "u"):
                guard at + 5 < text.count else { return false }
                var value: UInt32 = 0
                for i in 2...5 {
                    guard let digit = Self.hexDigit(text[at + i]) else { return false }
                    value = value << 4 | digit
                }
                guard !(0xD800...0xDFFF).contains(value) else { return false }
                appendScalar(value)
                at += 6
                return true
            default:
                return false
            }
            withUnsafePointer(to: unescaped) { _ = chunk.text.append($0, length: 1) }
            at += 2
            return true
        }

        /// Appends a code point (below 0x10000) as UTF-8.
        mutating func appendScalar(_ value: UInt32) {
            var bytes: (UInt8, UInt8, UInt8) = (0, 0, 0)
            let count: Int
            if value < 0x80 {
                bytes.0 = UInt8(value)
                count = 1
            } else if value < 0x800 {
                bytes = (UInt8(0xC0 | value >> 6), UInt8(0x80 | value & 0x3F), 0)
                count = 2
            } else {
                bytes = (UInt8(0xE0 | value >> 12), UInt8(0x80 | value >> 6 & 0x3F), UInt8(0x80 | value & 0x3F))
                count = 3
            }
            withUnsafeBytes(of: &bytes) { raw in
                _ = chunk.text.append(raw.baseAddress!.assumingMemoryBound(to: UInt8.self), length: count)
            }
        }

        static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }

        /// The length of the well-formed UTF-8 character at `at` when YAML
        /// reads it as an ordinary printable character; nil for malformed
        /// bytes, C1 controls (NEL among them, a YAML line break), the line
        /// and paragraph separators (line breaks to libyaml), the byte order
        /// mark and the noncharacters U+FFFE and U+FFFF.
        static func printableCharacter(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> Int? {
            let lead = text[at]
            let length: Int
            var value: UInt32
            switch lead {
            case 0xC2...0xDF: (length, value) = (2, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, value) = (3, UInt32(lead & 0x0F))
            case 0xF0...0xF4: (length, value) = (4, UInt32(lead & 0x07))
            default: return nil
            }
            guard at + length <= text.count else { return nil }
            for i in 1..<length {
                let byte = text[at + i]
                guard byte & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            let shortest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            guard value >= shortest, value <= 0x10FFFF, value >= 0xA0, !(0xD800...0xDFFF).contains(value),
                  value != 0x2028, value != 0x2029, value != 0xFEFF, value != 0xFFFE, value != 0xFFFF else { return nil }
            return length
        }

        /// Emits the string just read as a double-quoted scalar.
        mutating func emitString() -> Bool {
            emit(.scalar, style: .doubleQuoted, range: SourceRange(start: string.start, end: position), value: string.value)
        }

        /// `true`, `false`, `null` or a number, as a plain scalar; anything
        /// else (YAML would read `yes` or `1 2` its own way) is declined.
        mutating func readLiteral() -> Bool {
            let start = at
            let startPosition = position
            switch text[at] {
            case UInt8(ascii: "t"): guard word("true") else { return false }
            case UInt8(ascii: "f"): guard word("false") else { return false }
            case UInt8(ascii: "n"): guard word("null") else { return false }
            default: guard number() else { return false }
            }
            // A literal ends at space, a comma or a closing bracket.
            if at < text.count {
                switch text[at] {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
                     UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): break
                default: return false
                }
            }
            guard let base = text.baseAddress else { return false }
            let value = chunk.text.append(base + start, length: at - start)
            return emit(.scalar, style: .plain, range: SourceRange(start: startPosition, end: position), value: value)
        }

        mutating func word(_ expected: StaticString) -> Bool {
            let count = expected.utf8CodeUnitCount
            guard at + count <= text.count else { return false }
            for i in 0..<count where text[at + i] != expected.utf8Start[i] { return false }
            at += count
            return true
        }

        /// JSON's number: `-`, an integer without leading zeros, a fraction, an exponent.
        mutating func number() -> Bool {
            func digits() -> Int {
                let start = at
                while at < text.count, text[at] >= UInt8(ascii: "0"), text[at] <= UInt8(ascii: "9") { at += 1 }
                return at - start
            }
            if at < text.count, text[at] == UInt8(ascii: "-") { at += 1 }
            guard at < text.count else { return false }
            if text[at] == UInt8(ascii: "0") {
                at += 1
            } else {
                guard digits() > 0 else { return false }
            }
            if at < text.count, text[at] == UInt8(ascii: ".") {
                at += 1
                guard digits() > 0 else { return false }
            }
            if at < text.count, text[at] == UInt8(ascii: "e") || text[at] == UInt8(ascii: "E") {
                at += 1
                if at < text.count, text[at] == UInt8(ascii: "+") || text[at] == UInt8(ascii: "-") { at += 1 }
                guard digits() > 0 else { return false }
            }
            return true
        }

        /// Adds an event, handing the chunk on when it is full; false when
        /// the builder stopped.
        @discardableResult
        mutating func emit(_ kind: Event.Kind, style: Scalar.Style = .plain, range: SourceRange,
                           value: Range<Int32>? = nil) -> Bool {
            let origin = Int32(chunk.text.count)
            chunk.events.append(Event(kind: kind, style: style, range: range, value: value ?? origin..<origin))
            guard chunk.events.count == EventReader.chunkSize, kind != .streamEnd else { return true }
            guard deliver(chunk) else { return false }
            chunk.startNext(reserving: EventReader.chunkSize)
            return true
        }
    }
}
