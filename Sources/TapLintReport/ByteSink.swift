/// Where a report's bytes go as they are written: they gather in a buffer
/// that is handed on each time it holds a chunk, so a long report is never
/// whole in memory. A 10 MB template's JSON report is 6 MB, its SARIF 25 MB;
/// built whole, they added that much (and its copy as a `String`) to the
/// peak of a run that had already kept the template's tree.
public struct ByteSink {
    /// What has been written and not yet handed on.
    public var bytes: [UInt8] = []
    private let chunk: Int
    private let deliver: ([UInt8]) -> Void

    /// `deliver` receives the bytes in order, in chunks of about `chunk`.
    public init(chunk: Int = 1 << 16, deliver: @escaping ([UInt8]) -> Void) {
        self.chunk = chunk
        self.deliver = deliver
        bytes.reserveCapacity(chunk + chunk / 4)
    }

    /// Hands on what has gathered once it fills a chunk: writers call it
    /// between the items of a long list.
    public mutating func pass() {
        if bytes.count >= chunk { flush() }
    }

    /// Hands on everything written so far: the end of a report.
    public mutating func flush() {
        guard !bytes.isEmpty else { return }
        deliver(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        pass()
    }

    /// Everything `write` writes, as one string: for tests and for the
    /// reports that are short by nature.
    public static func collect(_ write: (inout ByteSink) -> Void) -> String {
        var collected: [UInt8] = []
        var sink = ByteSink { collected.append(contentsOf: $0) }
        write(&sink)
        sink.flush()
        return String(decoding: collected, as: UTF8.self)
    }
}
