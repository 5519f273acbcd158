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
    text.withUTF8Buffer { lineStarts(in: $0, endingOne: false) }
}

/// The same for a file's bytes; `endingOne` keeps the start after a final
/// newline, the empty last line an edit may run up to.
func lineStarts(in buffer: UnsafeBufferPointer<UInt8>, endingOne: Bool) -> [Int] {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return [0] }
    var starts = [0]
    var offset = 0
    while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
        let newline = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
        if endingOne || newline + 1 < buffer.count { starts.append(newline + 1) }
        offset = newline + 1
    }
    return starts
}
