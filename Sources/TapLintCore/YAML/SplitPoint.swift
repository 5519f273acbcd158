#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a large block-style template can be cut in two so that two libyaml
/// readers work at once: at the start of a line that names a resource, some
/// way into `Resources`.
///
/// The first part is the text before the cut; the second is `Resources:`
/// and a newline put before the text from the cut on, so that it reads as a
/// template whose `Resources` mapping goes on where the first part's left
/// off. Dropping the events libyaml adds to close the first part, and the
/// ones that open the second, leaves the events of the whole text, lines
/// shifted back to where they are in the file. Anything that does not fit
/// that picture (a libyaml error in either part, a cut that turns out to be
/// inside a flow collection or a quoted string, events other than the
/// expected ones at either side of the cut) makes the parser read the text
/// whole instead: a split never changes what is reported.
struct SplitPoint: Sendable {
    /// Where the second part starts in the text, on which line (from 0),
    /// and how far in the resource's name there starts.
    var offset: Int
    var line: Int
    var indent: Int

    /// Put before the second part.
    static let resumption = Array("Resources:\n".utf8)

    /// What a reader of one part checks and drops.
    enum Part: Sendable {
        /// The text before the cut, which ends with the newline before line
        /// `line` (from 0), whose resource name is indented `indent`.
        case first(line: Int, indent: Int)
        /// `resumption` and the text after the cut: its opening events are
        /// dropped and its lines moved back by `lineOffset`.
        case second(lineOffset: Int)

        var lineOffset: Int {
            if case .second(let offset) = self { return offset }
            return 0
        }
    }

    /// Reported by a part's reader when the cut does not hold; never shown.
    static let unsplittable = ParseIssue(.malformed, "the text cannot be read in two parts", at: .origin)

    /// The cut for `bytes`, or nil when the text should be read whole: it is
    /// not block-style YAML with a top-level `Resources:` mapping whose keys
    /// are indented alike, or it has carriage returns.
    static func find(in bytes: [UInt8]) -> SplitPoint? {
        bytes.withUnsafeBufferPointer { text -> SplitPoint? in
            guard let base = text.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), text.count) == nil else { return nil }
            let header = Array("Resources:".utf8)
            var lineStart = 0
            var resourcesEnd: Int?
            // The `Resources:` line, at column 0 with nothing after it but a comment.
            while lineStart < text.count {
                let end = ByteSearch.offset(of: UInt8(ascii: "\n"), in: text, from: lineStart)
                if end - lineStart >= header.count, header.indices.allSatisfy({ text[lineStart + $0] == header[$0] }),
                   isBlank(text, lineStart + header.count, end) {
                    resourcesEnd = end
                    break
                }
                lineStart = end + 1
            }
            guard let resourcesEnd else { return nil }
            // The first resource's indentation is every resource's.
            var indent: Int?
            lineStart = resourcesEnd + 1
            while lineStart < text.count, indent == nil {
                let end = ByteSearch.offset(of: UInt8(ascii: "\n"), in: text, from: lineStart)
                let spaces = leadingSpaces(text, lineStart, end)
                if lineStart + spaces < end, text[lineStart + spaces] != UInt8(ascii: "#") {
                    guard spaces > 0, isNameStart(text[lineStart + spaces]) else { return nil }
                    indent = spaces
                }
                lineStart = end + 1
            }
            guard let indent else { return nil }
            // From two fifths in, the next line that starts a resource, before
            // `Resources` ends. Not the middle: the tree builder keeps pace with
            // the first part's reader, but meets the second part's events only
            // then, and builds them in about a third of the time they took to
            // read; a shorter first part lets it start on them sooner. Every
            // line before the cut is looked at, not only those from two fifths
            // on: a line at column 0 there (a second `Resources:`, another
            // section) ends the mapping the second part would go on with, and
            // the cut would read its lines as resources when the whole text
            // is read otherwise, or not at all.
            let earliest = text.count * 2 / 5
            while lineStart < text.count {
                let end = ByteSearch.offset(of: UInt8(ascii: "\n"), in: text, from: lineStart)
                let spaces = leadingSpaces(text, lineStart, end)
                if spaces == 0, lineStart < end, text[lineStart] != UInt8(ascii: "#") { return nil }
                if lineStart >= earliest, spaces == indent, lineStart + spaces < end, isNameStart(text[lineStart + spaces]) {
                    var line = 0
                    for i in 0..<lineStart where text[i] == UInt8(ascii: "\n") { line += 1 }
                    return SplitPoint(offset: lineStart, line: line, indent: indent)
                }
                lineStart = end + 1
            }
            return nil
        }
    }

    private static func leadingSpaces(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, text[i] == UInt8(ascii: " ") { i += 1 }
        return i - start
    }

    /// Only spaces, then nothing or a comment.
    private static func isBlank(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        let first = start + leadingSpaces(text, start, end)
        return first == end || text[first] == UInt8(ascii: "#")
    }

    /// A logical id's first character: a letter or a digit.
    private static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Checks and drops the events at a part's edge, event by event.
    struct Cutter {
        enum Verdict {
            case keep, drop, unsplittable
            /// The first part has ended; these events (what libyaml closed
            /// inside the last resource) still belong to it.
            case partEnds([Event])
        }

        let part: Part
        private var seen = 0
        /// The first part's events that start at the end of its text.
        private var closing: [Event] = []

        init(_ part: Part) {
            self.part = part
        }

        mutating func judge(_ event: inout Event, in chunk: EventChunk) -> Verdict {
            defer { seen += 1 }
            switch part {
            case .first(let line, let indent):
                // At the end of the text libyaml closes what is open: the last
                // resource's collections, Resources, the template's mapping,
                // the document. Read whole, it closes the first three at the
                // next resource's name, which is where their marks go.
                let end = SourcePosition(line: line + 1, column: 1)
                let resume = SourcePosition(line: line + 1, column: indent + 1)
                if event.range.start == end {
                    event.range = SourceRange(start: resume, end: resume)
                    closing.append(event)
                    guard event.kind == .streamEnd else { return .drop }
                    let kinds = closing.map(\.kind)
                    guard kinds.count >= 4, Array(kinds.suffix(4)) == [.mappingEnd, .mappingEnd, .documentEnd, .streamEnd],
                          kinds.dropLast(4).allSatisfy({ [.mappingEnd, .sequenceEnd, .scalar].contains($0) }) else { return .unsplittable }
                    return .partEnds(Array(closing.dropLast(4)))
                }
                // (A block scalar that ends with the text ends there read whole too.)
                return closing.isEmpty ? .keep : .unsplittable
            case .second:
                // `Resources:` put in front opens a stream, a document, a
                // mapping, its key and the mapping the first part left open.
                let opening: [Event.Kind] = [.streamStart, .documentStart, .mappingStart, .scalar, .mappingStart]
                guard seen < opening.count else { return .keep }
                guard event.kind == opening[seen], event.tag == nil, event.anchor == nil,
                      event.kind != .scalar || chunk.string(event.value) == "Resources" else { return .unsplittable }
                return .drop
            }
        }
    }
}
