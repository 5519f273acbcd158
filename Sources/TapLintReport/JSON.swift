import TapLintCore

/// A JSON value that keeps object keys in the order they are given, so
/// reports come out in the documented order, byte for byte the same each run.
public enum JSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    /// An array of `count` objects, each written straight into the sink by
    /// `item` (given the sink and the depth the object stands at, see
    /// `ObjectWriter`), one per line as an array of objects is: a report's
    /// findings, which a large template has by the thousand, are then
    /// never made as values at all.
    case objects(count: Int, item: @Sendable (Int, inout ByteSink, Int) -> Void)
    case object([(String, JSON)])

    /// Two-space indentation; arrays of plain values stay on one line.
    /// Written as bytes: a large template's report is hundreds of
    /// kilobytes, and growing a `String` piece by piece cost more than
    /// linting the template (callgrind: 235 M instructions for 596 KB).
    public func rendered() -> String {
        ByteSink.collect(write)
    }

    /// The value and a newline, handed on to `sink` between the items of
    /// `objects`.
    public func write(to sink: inout ByteSink) {
        write(into: &sink, depth: 0)
        sink.write(UInt8(ascii: "\n"))
    }

    private var isPlain: Bool {
        switch self {
        case .array, .objects, .object: false
        default: true
        }
    }

    /// The value as it stands at `depth` (its nested lines indented one
    /// level more), without a newline after.
    public func write(into sink: inout ByteSink, depth: Int) {
        switch self {
        case .string(let text): JSON.quote(text, into: &sink)
        case .int(let number): Self.put(number, into: &sink)
        case .bool(let flag): sink.write(flag ? "true" : "false")
        case .null: sink.write("null")
        case .array(let items):
            if items.isEmpty { sink.write("[]"); return }
            if items.allSatisfy(\.isPlain) {
                sink.write(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { sink.write(", ") }
                    item.write(into: &sink, depth: depth)
                }
                sink.write(UInt8(ascii: "]"))
                return
            }
            Self.lines(items.count, depth: depth, into: &sink) { items[$0].write(into: &$1, depth: $2) }
        case .objects(let count, let item):
            if count == 0 { sink.write("[]"); return }
            Self.lines(count, depth: depth, into: &sink, item)
        case .object(let members):
            if members.isEmpty { sink.write("{}"); return }
            sink.write("{\n")
            for (i, (key, value)) in members.enumerated() {
                Self.indent(depth + 1, into: &sink)
                JSON.quote(key, into: &sink)
                sink.write(": ")
                value.write(into: &sink, depth: depth + 1)
                sink.write(i + 1 < members.count ? ",\n" : "\n")
            }
            Self.indent(depth, into: &sink)
            sink.write(UInt8(ascii: "}"))
        }
    }

    /// A non-empty array written one item per line, the sink handed what
    /// has gathered after each.
    private static func lines(_ count: Int, depth: Int, into sink: inout ByteSink, _ item: (Int, inout ByteSink, Int) -> Void) {
        sink.write("[\n")
        for i in 0..<count {
            indent(depth + 1, into: &sink)
            item(i, &sink, depth + 1)
            sink.write(i + 1 < count ? ",\n" : "\n")
            sink.pass()
        }
        indent(depth, into: &sink)
        sink.write(UInt8(ascii: "]"))
    }

    /// A number's decimal digits, without making a string of them: every
    /// finding has four (its lines and columns).
    static func put(_ number: Int, into sink: inout ByteSink) {
        if number < 0 { sink.write(UInt8(ascii: "-")) }
        // Twenty digits hold any magnitude (Int.min's too); written from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = number.magnitude
            var first = 20
            repeat {
                first -= 1
                digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            sink.write(UnsafeBufferPointer(rebasing: digits[first...]))
        }
    }

    static func indent(_ depth: Int, into sink: inout ByteSink) {
        for _ in 0..<depth * 2 { sink.write(UInt8(ascii: " ")) }
    }

    /// `text` as a JSON string literal, appended to `out`.
    public static func quote(_ text: String, into out: inout String) {
        out += ByteSink.collect { quote(text, into: &$0) }
    }

    /// `text` as a JSON string literal, written to `sink`: runs that need
    /// no escape are copied whole from the string's UTF-8, found eight bytes
    /// at a time (a report is mostly messages and paths with nothing to escape).
    public static func quote(_ text: String, into sink: inout ByteSink) {
        sink.write(UInt8(ascii: "\""))
        text.withBytes { bytes in
            var start = 0
            var i = 0
            while i < bytes.count {
                if i + 8 <= bytes.count, !WordBytes.needsJSONEscape(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                i += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                sink.write(UnsafeBufferPointer(rebasing: bytes[start..<i - 1]))
                start = i
                switch byte {
                case UInt8(ascii: "\""): sink.write("\\\"")
                case UInt8(ascii: "\\"): sink.write("\\\\")
                case UInt8(ascii: "\n"): sink.write("\\n")
                case UInt8(ascii: "\r"): sink.write("\\r")
                case UInt8(ascii: "\t"): sink.write("\\t")
                default:
                    let hex: StaticString = "0123456789abcdef"
                    sink.write("\\u00")
                    sink.write(hex.utf8Start[Int(byte >> 4)])
                    sink.write(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            sink.write(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        sink.write(UInt8(ascii: "\""))
    }
}

extension JSON {
    /// An object written member by member straight into a sink, laid out
    /// byte for byte as `.object` is. A report's findings are written so:
    /// made as values first, each was a dozen members and an array of path
    /// steps, allocated, written once and freed.
    public struct ObjectWriter {
        private let depth: Int
        private var isEmpty = true

        /// An object that stands at `depth`.
        public init(depth: Int) {
            self.depth = depth
        }

        public mutating func member(_ key: StaticString, _ value: String, into sink: inout ByteSink) {
            self.key(key, into: &sink)
            JSON.quote(value, into: &sink)
        }

        public mutating func member(_ key: StaticString, _ value: Int, into sink: inout ByteSink) {
            self.key(key, into: &sink)
            JSON.put(value, into: &sink)
        }

        /// A list of strings or numbers, on one line as `.array` writes plain values.
        public mutating func member(_ key: StaticString, plainItems count: Int, into sink: inout ByteSink,
                                    _ item: (Int, inout ByteSink) -> Void) {
            self.key(key, into: &sink)
            if count == 0 { return sink.write("[]") }
            sink.write(UInt8(ascii: "["))
            for i in 0..<count {
                if i > 0 { sink.write(", ") }
                item(i, &sink)
            }
            sink.write(UInt8(ascii: "]"))
        }

        public mutating func member(_ key: StaticString, _ value: JSON, into sink: inout ByteSink) {
            self.key(key, into: &sink)
            value.write(into: &sink, depth: depth + 1)
        }

        /// Closes the object: `{}` when it has no member.
        public func end(into sink: inout ByteSink) {
            if isEmpty { return sink.write("{}") }
            sink.write(UInt8(ascii: "\n"))
            JSON.indent(depth, into: &sink)
            sink.write(UInt8(ascii: "}"))
        }

        /// A key without escapes: the writers' keys are plain names.
        private mutating func key(_ key: StaticString, into sink: inout ByteSink) {
            sink.write(isEmpty ? "{\n" : ",\n")
            isEmpty = false
            JSON.indent(depth + 1, into: &sink)
            sink.write(UInt8(ascii: "\""))
            sink.write(key)
            sink.write("\": ")
        }
    }
}
