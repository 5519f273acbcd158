import CYAML

/// One libyaml event, with its text copied out of libyaml's memory into the
/// chunk that carries it, so that it can be read on another thread after
/// libyaml has moved on.
struct Event: Sendable {
    enum Kind: UInt8, Sendable {
        case streamStart, documentStart, scalar, sequenceStart, mappingStart, sequenceEnd, mappingEnd, alias,
             documentEnd, streamEnd
    }

    var kind: Kind
    var style: Scalar.Style
    var range: SourceRange
    /// The scalar's text, or the name an alias refers to, in `EventChunk.text`.
    var value: Range<Int32>
    /// The tag's and anchor's text; nil when the event has none.
    var tag: Range<Int32>?
    var anchor: Range<Int32>?
}

/// A run of events and the text they refer to: the unit handed from the
/// thread that reads to the one that builds the tree.
struct EventChunk: Sendable {
    var events: [Event] = []
    var text = EventText()
    /// Why reading stopped early, when libyaml failed; ends the stream.
    var failure: ParseIssue?
    /// True when the reader read the first part of a split text to its end
    /// (see `SplitPoint`): no chunk follows, and the template goes on.
    var endsPart = false

    /// True when no chunk follows: the stream or part ended, or reading failed.
    var isLast: Bool { failure != nil || endsPart || events.last?.kind == .streamEnd }

    func string(_ range: Range<Int32>) -> String {
        String(decoding: text.bytes(range), as: UTF8.self)
    }

    /// The bytes of `range`, without making a string of them.
    func withBytes<R>(_ range: Range<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(text.bytes(range))
    }

    func string(_ range: Range<Int32>?) -> String? {
        range.map(string)
    }

    /// Emptied for the events that follow, once these were handed over; its
    /// text in new memory, which the builder of the old may still be reading.
    mutating func startNext(reserving size: Int) {
        events.removeAll(keepingCapacity: true)
        events.reserveCapacity(size)
        text = EventText(capacity: max(4096, text.count))
    }
}

/// The text a chunk's events refer to, in memory of its own: three appends
/// an event, and `Array.append` spent about ninety instructions on each.
/// The reader appends until it hands the chunk over, then starts a new
/// one; after that the text is only read, by the thread that builds.
final class EventText: @unchecked Sendable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// Appends `length` bytes from `bytes`; the range they now hold.
    func append(_ bytes: UnsafePointer<UInt8>, length: Int) -> Range<Int32> {
        if length > capacity - count {
            var larger = capacity * 2
            while larger < count + length { larger *= 2 }
            let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            moved.initialize(from: start, count: count)
            start.deallocate()
            (start, capacity) = (moved, larger)
        }
        (start + count).initialize(from: bytes, count: length)
        count += length
        return Int32(count - length)..<Int32(count)
    }

    func bytes(_ range: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: start + Int(range.lowerBound), count: range.count)
    }
}

/// Pulls libyaml's events from bytes and hands them on in chunks.
enum EventReader {
    /// Events per chunk: enough that handing a chunk over costs little per
    /// event, few enough that the tree builder starts early. The first
    /// chunks are smaller: when the builder stops early (nesting past the
    /// limit, an alias bomb), the reader has not run far ahead, and libyaml
    /// slows down with each level of deep flow nesting it reads.
    static let chunkSize = 1024
    static let firstChunkSize = 16

    /// Reads `bytes` to the end of the stream or the first error, giving
    /// each chunk to `deliver`; stops early when `deliver` returns false.
    /// `part` says how to read one part of a split text instead.
    static func read(_ bytes: [UInt8], part: SplitPoint.Part? = nil, deliver: (EventChunk) -> Bool) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            let failure = ParseIssue(.malformed, "libyaml could not start (out of memory)", at: .origin)
            _ = deliver(EventChunk(failure: failure))
            return
        }
        defer { yaml_parser_delete(&parser) }
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var chunk = EventChunk()
            var size = firstChunkSize
            chunk.events.reserveCapacity(size)
            var event = yaml_event_t()
            var cutter = part.map(SplitPoint.Cutter.init)
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // A reader error is about the bytes themselves: the file is no text (a binary, another encoding).
                    let kind: ParseIssue.Kind = parser.error == YAML_READER_ERROR ? .notText : .malformed
                    chunk.failure = ParseIssue(kind, describeError(parser, text: bytes), at: errorRange(parser, text: bytes))
                    _ = deliver(chunk)
                    return
                }
                let ended = event.type == YAML_STREAM_END_EVENT
                var copied = copy(event, into: chunk.text, lineOffset: part?.lineOffset ?? 0)
                yaml_event_delete(&event)
                if cutter != nil {
                    switch cutter!.judge(&copied, in: chunk) {
                    case .keep: break
                    case .drop: continue
                    case .partEnds(let closers):
                        chunk.events += closers
                        chunk.endsPart = true
                        _ = deliver(chunk)
                        return
                    case .unsplittable:
                        chunk.failure = SplitPoint.unsplittable
                        _ = deliver(chunk)
                        return
                    }
                }
                chunk.events.append(copied)
                if ended || chunk.events.count == size {
                    guard deliver(chunk), !ended else { return }
                    size = min(size * 2, chunkSize)
                    chunk.startNext(reserving: size)
                }
            }
        }
    }

    private static func copy(_ event: yaml_event_t, into text: EventText, lineOffset: Int) -> Event {
        func keep(_ pointer: UnsafeMutablePointer<yaml_char_t>?, count: Int? = nil) -> Range<Int32>? {
            guard let pointer else { return nil }
            return text.append(pointer, length: count ?? strlen(pointer))
        }
        let range = SourceRange(start: SourcePosition(event.start_mark, lineOffset: lineOffset),
                                end: SourcePosition(event.end_mark, lineOffset: lineOffset))
        let origin = Int32(text.count)
        var result = Event(kind: .streamStart, style: .plain, range: range, value: origin..<origin)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            result.kind = .streamStart
        case YAML_DOCUMENT_END_EVENT:
            result.kind = .documentEnd
        case YAML_DOCUMENT_START_EVENT:
            result.kind = .documentStart
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            result.kind = .scalar
            result.style = style(data.style)
            result.value = keep(data.value, count: Int(data.length)) ?? origin..<origin
            result.tag = keep(data.tag)
            result.anchor = keep(data.anchor)
        case YAML_SEQUENCE_START_EVENT:
            result.kind = .sequenceStart
            result.tag = keep(event.data.sequence_start.tag)
            result.anchor = keep(event.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT:
            result.kind = .mappingStart
            result.tag = keep(event.data.mapping_start.tag)
            result.anchor = keep(event.data.mapping_start.anchor)
        case YAML_SEQUENCE_END_EVENT:
            result.kind = .sequenceEnd
        case YAML_MAPPING_END_EVENT:
            result.kind = .mappingEnd
        case YAML_ALIAS_EVENT:
            result.kind = .alias
            result.value = keep(event.data.alias.anchor) ?? origin..<origin
        case YAML_STREAM_END_EVENT:
            result.kind = .streamEnd
        default:
            break  // no event: libyaml reports none after a successful parse
        }
        return result
    }

    private static func strlen(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> Int {
        var count = 0
        while pointer[count] != 0 { count += 1 }
        return count
    }

    private static func style(_ style: yaml_scalar_style_t) -> Scalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func errorRange(_ parser: yaml_parser_t, text: [UInt8]) -> SourceRange {
        let position: SourcePosition
        if parser.error == YAML_READER_ERROR {
            position = TextIndex.position(ofByte: parser.problem_offset, in: text)
        } else {
            position = SourcePosition(parser.problem_mark)
        }
        return SourceRange(start: position, end: SourcePosition(line: position.line, column: position.column + 1))
    }

    /// libyaml's problem in words a template author can act on.
    private static func describeError(_ parser: yaml_parser_t, text: [UInt8]) -> String {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return "out of memory while reading YAML"
        case YAML_READER_ERROR:
            let value = parser.problem_value
            if problem == "control characters are not allowed" {
                return "the file holds control character \(hex(value)), which YAML does not allow; is it a binary file?"
            }
            return "the file is not valid UTF-8 text: \(problem)" + (value >= 0 ? " (byte \(hex(value)))" : "")
        default:
            let mark = SourcePosition(parser.problem_mark)
            if problem == "found character that cannot start any token", TextIndex.character(at: mark, in: text) == UInt8(ascii: "\t") {
                return "a tab cannot indent YAML; use spaces"
            }
            guard let context = parser.context.map({ String(cString: $0) }) else { return problem }
            let where_ = SourcePosition(parser.context_mark)
            return "\(problem), \(context) that starts at line \(where_.line), column \(where_.column)"
        }
    }

    private static func hex(_ value: Int32) -> String {
        let digits = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
        return "0x" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }
}

extension SourcePosition {
    /// libyaml's mark, counted from 0, as a position counted from 1;
    /// `lineOffset` moves a part of a split text back to its place.
    @inline(__always)
    init(_ mark: yaml_mark_t, lineOffset: Int = 0) {
        self.init(line: Int(mark.line) + 1 + lineOffset, column: Int(mark.column) + 1)
    }
}
