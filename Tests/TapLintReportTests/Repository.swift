import Foundation
import TapLintRules

/// Files of this repository, for tests that compare against committed
/// snapshots. With TAPLINT_RECORD=1 in the environment, those tests write
/// the snapshots instead; review the diff like code.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var recording: Bool { ProcessInfo.processInfo.environment["TAPLINT_RECORD"] == "1" }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func read(_ relative: String) -> String? {
        try? String(contentsOf: url(relative), encoding: .utf8)
    }

    static func write(_ text: String, to relative: String) throws {
        let target = url(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: target, atomically: true, encoding: .utf8)
    }

    /// Paths below `folder`, relative to the repository, sorted.
    static func files(under folder: String, extensions: Set<String>) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: url(folder).path) else { return [] }
        return walker.compactMap { $0 as? String }
            .filter { extensions.contains(($0 as NSString).pathExtension) }
            .map { folder + "/" + $0 }
            .sorted()
    }
}

/// The repository's files as the linter reads a template's code folder, so
/// that the samples' handlers are judged against the code beside them.
struct RepositoryFiles: SourceFiles {
    func read(_ path: String) -> [UInt8]? {
        guard !isDirectory(path) else { return nil }
        return (try? Data(contentsOf: Repository.url(path))).map { [UInt8]($0) }
    }

    func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: Repository.url(path).path, isDirectory: &directory) && directory.boolValue
    }

    func entries(of folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Repository.url(folder).path)) ?? []).sorted()
    }
}
