import TapLintCore

/// Where a report's bytes go as they are written: they gather in a buffer
/// that is handed on each time it holds a chunk, so a long report is never
/// whole in memory. A 10 MB template's JSON report is 6 MB, its SARIF 25 MB;
/// built whole, they added that much (and its copy as a `String`) to the
/// peak of a run that had already kept the template's tree.
///
/// The buffer is its own memory rather than an array: a report is written
/// a few bytes at a time (a quote, a key, a comma), and `Array.append`
/// spent about a hundred instructions a call on checks a sink that only
/// grows does not need. Not copyable, so that the memory has one owner.
public struct ByteSink: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    private let chunk: Int
    private let deliver: ([UInt8]) -> Void

    /// `deliver` receives the bytes in order, in chunks of about `chunk`.
    public init(chunk: Int = 1 << 16, deliver: @escaping ([UInt8]) -> Void) {
        self.chunk = chunk
        self.deliver = deliver
        capacity = max(64, chunk + chunk / 4)
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// Hands on what has gathered once it fills a chunk: writers call it
    /// between the items of a long list.
    public mutating func pass() {
        if count >= chunk { flush() }
    }

    /// Hands on everything written so far: the end of a report.
    public mutating func flush() {
        guard count > 0 else { return }
        deliver(Array(UnsafeBufferPointer(start: start, count: count)))
        count = 0
    }

    /// Appends a whole piece of text and hands on a full chunk.
    public mutating func append(_ text: String) {
        text.withBytes { write($0) }
        pass()
    }

    /// Appends one byte.
    @inline(__always)
    public mutating func write(_ byte: UInt8) {
        if count == capacity { grow(toHold: 1) }
        start[count] = byte
        count += 1
    }

    /// Appends bytes; a chunk is handed on only at `pass` or `flush`.
    @inline(__always)
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        if bytes.count > capacity - count { grow(toHold: bytes.count) }
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends a literal's bytes.
    @inline(__always)
    public mutating func write(_ literal: StaticString) {
        literal.withUTF8Buffer { write($0) }
    }

    public mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Room for `more` bytes, doubling: a piece longer than a chunk (a
    /// whole text report) may arrive at once.
    private mutating func grow(toHold more: Int) {
        let needed = count + more
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = larger
    }

    /// Everything `write` writes, as one string: for tests and for the
    /// reports that are short by nature.
    public static func collect(_ write: (inout ByteSink) -> Void) -> String {
        var collected: [UInt8] = []
        var sink = ByteSink(chunk: 4096) { collected.append(contentsOf: $0) }
        write(&sink)
        sink.flush()
        return String(decoding: collected, as: UTF8.self)
    }
}
