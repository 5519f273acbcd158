/// A JSON value that keeps object keys in the order they are given, so
/// reports come out in the documented order, byte for byte the same each run.
public indirect enum JSON: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])

    /// Two-space indentation; arrays of plain values stay on one line.
    /// Written into one byte buffer: a large template's report is hundreds
    /// of kilobytes, and growing a `String` piece by piece cost more than
    /// linting the template (callgrind: 235 M instructions for 596 KB).
    public func rendered() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    private func write(into out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): JSON.quote(text, into: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            if items.allSatisfy(\.isPlain) {
                out.append(UInt8(ascii: "["))
                for (i, item) in items.enumerated() {
                    if i > 0 { out.append(contentsOf: ", ".utf8) }
                    item.write(into: &out, depth: depth)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                Self.indent(depth + 1, into: &out)
                item.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (i + 1 < items.count ? ",\n" : "\n").utf8)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                Self.indent(depth + 1, into: &out)
                JSON.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, depth: depth + 1)
                out.append(contentsOf: (i + 1 < members.count ? ",\n" : "\n").utf8)
            }
            Self.indent(depth, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, into out: inout [UInt8]) {
        for _ in 0..<depth * 2 { out.append(UInt8(ascii: " ")) }
    }

    /// `text` as a JSON string literal, appended to `out`.
    public static func quote(_ text: String, into out: inout String) {
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `text` as a JSON string literal, appended to `out`: runs that need
    /// no escape are copied whole from the string's UTF-8.
    public static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (i, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                start = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
