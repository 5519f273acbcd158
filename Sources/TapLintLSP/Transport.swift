#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The protocol's framing on standard input and output: each message a
/// `Content-Length` header, a blank line, and that many bytes of JSON.
/// Only protocol messages go to standard output.
struct Transport {
    private var buffer: [UInt8] = []
    private var start = 0

    /// The next whole message already read, without waiting; nil when the
    /// buffer holds none (the server then does its deferred work and reads).
    mutating func buffered() -> [UInt8]? {
        while true {
            let available = buffer[start...]
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: available) else { return nil }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            guard let length = header.split(separator: "\r\n").lazy.compactMap({ line -> Int? in
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                return Int(parts[1].trimmingCharacters(in: " "))
            }).first else {
                // A header without a length: skip it, as no message can follow it.
                start = headerEnd + 4
                continue
            }
            let bodyStart = headerEnd + 4
            guard buffer.count - bodyStart >= length else { return nil }
            let body = Array(buffer[bodyStart..<bodyStart + length])
            start = bodyStart + length
            if start > 1 << 16 { buffer.removeSubrange(0..<start); start = 0 }
            return body
        }
    }

    /// Reads more from standard input, waiting; false at its end.
    mutating func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    static func send(_ message: JSONValue) {
        let body = Array(message.text.utf8)
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress! + sent, $0.count - sent) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            sent += count
        }
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        while i <= haystack.endIndex - needle.count {
            if haystack[i] == needle[0], haystack[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
