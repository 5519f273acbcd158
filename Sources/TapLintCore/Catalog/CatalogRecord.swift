/// The lines and words of a catalog record, read in place.
///
/// A type's record is parsed the first time a template names the type, and
/// on a small template that is a tenth of the run: splitting each record
/// into arrays of lines and of fields cost more than reading what they
/// hold. Here a line is a slice of the record and a word becomes a string
/// only when the caller keeps it.
struct CatalogRecord {
    typealias Line = Slice<UnsafeBufferPointer<UInt8>>

    private let buffer: UnsafeBufferPointer<UInt8>
    /// Where the next line starts.
    private(set) var position = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    /// The next line, without its newline; nil after the last.
    mutating func next() -> Line? {
        guard position < buffer.count else { return nil }
        let start = position
        let end = ByteSearch.offset(of: UInt8(ascii: "\n"), in: buffer, from: start)
        position = end + 1
        return buffer[start..<end]
    }

    /// How many of the lines still to come begin with `tag`.
    func count(of tag: UInt8) -> Int {
        var copy = self
        var found = 0
        while let line = copy.next() { if line.first == tag { found += 1 } }
        return found
    }

    /// How many lines still to come begin with `tag`, up to the first line
    /// that begins with one of `ends` (the next object of the record).
    func count(of tag: UInt8, before ends: (UInt8, UInt8, UInt8)) -> Int {
        var copy = self
        var found = 0
        while let line = copy.next() {
            guard let first = line.first else { continue }
            if first == ends.0 || first == ends.1 || first == ends.2 { break }
            if first == tag { found += 1 }
        }
        return found
    }

    /// The space-separated words of `text`, empty ones left out.
    static func words(_ text: Line) -> [String] {
        var words: [String] = []
        forEachWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each space-separated word of `text`, empty ones left out.
    /// Over the range of positions, not the slice's `indices`: that one is
    /// generic code the runtime resolves on every call.
    static func forEachWord(_ text: Line, _ body: (Line) -> Void) {
        var start = text.startIndex
        for i in text.startIndex..<text.endIndex where text[i] == UInt8(ascii: " ") {
            if i > start { body(text[start..<i]) }
            start = i + 1
        }
        if start < text.endIndex { body(text[start..<text.endIndex]) }
    }
}
