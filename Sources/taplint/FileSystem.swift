#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TapLintReport
import TapLintRules

/// The few file operations the CLI needs, on the C library directly: taplint
/// does not link Foundation, which would cost start-up time on every run.
enum FileSystem {
    enum Kind { case file, directory, missing }

    struct Failure: Error {
        var reason: String
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// A regular file's size in bytes.
    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The whole file, or the reason it cannot be read.
    static func read(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(Failure(reason: lastError())) }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        return readAll(descriptor, expected: size)
    }

    static func readStandardInput() -> Result<[UInt8], Failure> {
        readAll(STDIN_FILENO)
    }

    /// Reads to the end. `expected` sizes the buffer once for a regular
    /// file and reads straight into it; pipes grow it as they deliver.
    static func readAll(_ descriptor: Int32, expected: Int = 0) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var failure: Failure?
        if expected > 0 {
            bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
                count = 0
                while count < expected {
                    let read = systemRead(descriptor, buffer.baseAddress! + count, expected - count)
                    if read < 0, errno == EINTR { continue }
                    if read < 0 { failure = Failure(reason: lastError()) }
                    if read <= 0 { return }
                    count += read
                }
            }
        }
        if let failure { return .failure(failure) }
        // The rest (all of a pipe; for a file, only the read that finds its
        // end) through scratch space that is not zeroed first: zeroing 64 KiB
        // per file was 4% of the instructions of a folder of small templates.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { chunk in
            while true {
                let count = systemRead(descriptor, chunk.baseAddress!, chunk.count)
                if count == 0 { return .success(bytes) }
                if count < 0 {
                    if errno == EINTR { continue }
                    return .failure(Failure(reason: lastError()))
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<count]))
            }
        }
    }

    /// Names in a directory, without `.` and `..`, sorted.
    static func entries(of directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // Read the name in place, up to its NUL: the last entry of
            // readdir's buffer may end before a whole `dirent` would, so
            // copying the struct (or its 256-byte `d_name`) reads past it.
            guard let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) else { continue }
            let name = String(cString: UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self))
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// Writes through a temporary file in the same directory and renames it
    /// over the target, so a reader never sees half a report. `produce`
    /// writes into a sink that hands each chunk to the temporary file as it
    /// fills. `mode` nil keeps the permissions of the file it replaces
    /// (`--fix` keeps the template's own).
    static func writeAtomically(to path: String, mode: mode_t?, _ produce: (inout ByteSink) -> Void) throws(Failure) {
        var info = stat()
        let mode = mode ?? (stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644)
        var template = Array((path + ".taplint-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(reason: "cannot write \(path): \(lastError())") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // The first failure is kept and the rest of the report dropped.
        var failure: String?
        var sink = ByteSink { chunk in
            if failure == nil, !writeAll(chunk, to: descriptor) { failure = lastError() }
        }
        produce(&sink)
        sink.flush()
        if let failure {
            close(descriptor)
            unlink(temporary)
            throw Failure(reason: "cannot write \(path): \(failure)")
        }
        fchmod(descriptor, mode)
        guard close(descriptor) == 0, rename(temporary, path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw Failure(reason: "cannot write \(path): \(reason)")
        }
    }

    /// The same for bytes already whole: a fixed template.
    static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t?) throws(Failure) {
        try writeAtomically(to: path, mode: mode) { $0.write(bytes) }
    }

    /// Writes every byte, through interruptions; false on an error (errno says which).
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    static func writeStandardOutput(_ text: String) {
        var text = text
        _ = text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: STDOUT_FILENO) }
    }

    /// A sink onto standard output, for a report written as it is made.
    static func standardOutput() -> ByteSink {
        ByteSink { _ = writeAll($0, to: STDOUT_FILENO) }
    }

    static func standardError() -> ByteSink {
        ByteSink { _ = writeAll($0, to: STDERR_FILENO) }
    }

    static func writeStandardError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}

/// The C library's read(2), which `FileSystem.read` would otherwise shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The file system as the rules see it: a function's code beside its template.
struct DiskFiles: SourceFiles {
    func read(_ path: String) -> [UInt8]? {
        guard FileSystem.kind(of: path) == .file, case .success(let bytes) = FileSystem.read(path) else { return nil }
        return bytes
    }

    func isDirectory(_ path: String) -> Bool { FileSystem.kind(of: path) == .directory }

    func entries(of folder: String) -> [String] { FileSystem.entries(of: folder) }
}
