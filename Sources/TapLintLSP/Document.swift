import TapLintCore

/// An open document as the editor holds it: its text and version, with
/// the conversions between the editor's positions (0-based lines,
/// UTF-16 characters) and taplint's (1-based lines, columns in characters,
/// byte offsets).
struct Document {
    let uri: String
    var version: Int
    private(set) var bytes: [UInt8]
    /// The byte offset where each line starts.
    private var lineStarts: [Int] = []

    init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.version = version
        bytes = Array(text.utf8)
        index()
    }

    private mutating func index() {
        lineStarts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(i + 1) }
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A change the editor sends: the whole text, or a range replaced.
    mutating func apply(range: JSONValue?, text: String) {
        guard let range, let start = range["start"].flatMap(offset(of:)), let end = range["end"].flatMap(offset(of:)),
              start <= end else {
            bytes = Array(text.utf8)
            index()
            return
        }
        bytes.replaceSubrange(start..<end, with: Array(text.utf8))
        index()
    }

    private func line(_ number: Int) -> ArraySlice<UInt8> {
        let start = lineStarts[number]
        var end = number + 1 < lineStarts.count ? lineStarts[number + 1] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The byte offset of an LSP position (`{line, character}`); past a
    /// line's end, its end.
    func offset(of position: JSONValue) -> Int? {
        guard let lineNumber = position["line"]?.int, let character = position["character"]?.int, lineNumber >= 0 else { return nil }
        guard lineNumber < lineStarts.count else { return bytes.count }
        let text = String(decoding: line(lineNumber), as: UTF8.self)
        var units = 0
        var byteOffset = lineStarts[lineNumber]
        for scalar in text.unicodeScalars {
            if units >= character { break }
            units += scalar.utf16.count
            byteOffset += scalar.utf8.count
        }
        return byteOffset
    }

    /// The LSP position of a byte offset.
    func position(ofByte offset: Int) -> JSONValue {
        let clamped = min(max(offset, 0), bytes.count)
        var lineNumber = 0
        var low = 0, high = lineStarts.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= clamped { lineNumber = middle; low = middle + 1 } else { high = middle - 1 }
        }
        let text = String(decoding: bytes[lineStarts[lineNumber]..<clamped], as: UTF8.self)
        return ["line": JSONValue(lineNumber), "character": JSONValue(text.utf16.count)]
    }

    /// The LSP position of taplint's (1-based line, column in characters).
    func position(of position: SourcePosition) -> JSONValue {
        let lineNumber = min(max(position.line - 1, 0), lineStarts.count - 1)
        let text = String(decoding: line(lineNumber), as: UTF8.self)
        var units = 0
        for (i, scalar) in text.unicodeScalars.enumerated() where i < position.column - 1 { units += scalar.utf16.count }
        return ["line": JSONValue(lineNumber), "character": JSONValue(units)]
    }

    func range(of range: SourceRange) -> JSONValue {
        ["start": position(of: range.start), "end": position(of: range.end)]
    }

    /// taplint's position of an LSP position.
    func sourcePosition(of position: JSONValue) -> SourcePosition? {
        guard let offset = offset(of: position), let lineNumber = position["line"]?.int, lineNumber < lineStarts.count else { return nil }
        let column = String(decoding: bytes[lineStarts[lineNumber]..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourcePosition(line: lineNumber + 1, column: column)
    }
}
