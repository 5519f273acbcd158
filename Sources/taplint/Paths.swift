#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Path arithmetic on strings, for finding configuration files and
/// matching exclude patterns.
enum Paths {
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The folder holding `path` ("." for a bare name, "/" for the root).
    /// Read as bytes, as the file system reads a path: counting characters
    /// at each trailing slash cost thousands of instructions per file of a
    /// folder.
    static func directory(of path: String) -> String {
        let bytes = path.utf8
        var end = bytes.endIndex
        while bytes.distance(from: bytes.startIndex, to: end) > 1, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        guard let slash = bytes[..<end].lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == bytes.startIndex ? "/" : String(path[..<slash])
    }

    /// The absolute, symlink-free form of an existing path; for a path that
    /// does not exist, the current directory joined with it.
    static func absolute(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        return join(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self), path)
    }

    /// `path` relative to `base` when it lies below it; otherwise unchanged.
    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// How reports show a path: relative to the current folder when it lies
    /// below it.
    static func display(_ path: String) -> String {
        path.hasPrefix("/") ? relative(path, to: absolute(".")) : path
    }

    /// The root of the git work tree holding `path` (the nearest folder
    /// upwards with a `.git`), if any.
    static func repositoryRoot(of path: String) -> String? {
        var current = directory(of: absolute(path))
        while true {
            if FileSystem.kind(of: join(current, ".git")) != .missing { return current }
            let parent = directory(of: current)
            if parent == current { return nil }
            current = parent
        }
    }
}
