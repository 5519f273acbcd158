#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of a compiled-in catalog starts, so that a lookup can
/// binary-search the sorted lines. Found with `memchr`, which scans the
/// half-megabyte action catalog in a fraction of the time a byte loop takes;
/// it is the first thing any template with a policy pays for.
func lineStarts(of text: StaticString) -> [Int] {
    text.withUTF8Buffer { lineStarts(in: $0) }
}

/// The same for a catalog's text: no start after a final newline.
private func lineStarts(in buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
    var starts = [0]
    newlines(in: buffer) { newline in
        if newline + 1 < buffer.count { starts.append(newline + 1) }
    }
    return starts
}

/// Where each line of a file shorter than 4 GiB starts, the start after a
/// final newline kept (the empty last line an edit may run up to).
func fileLineStarts(in buffer: UnsafeBufferPointer<UInt8>) -> [UInt32] {
    var starts: [UInt32] = [0]
    newlines(in: buffer) { starts.append(UInt32(truncatingIfNeeded: $0 + 1)) }
    return starts
}

/// Calls `body` with the offset of each newline in `buffer`, in order.
private func newlines(in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
        let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        body(newline)
        offset = newline + 1
    }
}
