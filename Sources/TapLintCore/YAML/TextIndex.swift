/// Conversions between byte offsets and line/column positions, for the few
/// places where libyaml reports a byte offset instead of a mark.
enum TextIndex {
    /// The position of a byte offset; columns count UTF-8 characters, as libyaml's do.
    static func position(ofByte offset: Int, in text: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        for byte in text.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The first byte of the character at a position, if there is one.
    static func character(at position: SourcePosition, in text: [UInt8]) -> UInt8? {
        var line = 1
        var column = 1
        for byte in text {
            if line == position.line, column == position.column, byte & 0xC0 != 0x80 { return byte }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
                if line > position.line { return nil }
            } else if byte & 0xC0 != 0x80, line == position.line {
                column += 1
            }
        }
        return nil
    }
}
