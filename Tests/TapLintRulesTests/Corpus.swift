import Foundation
import Testing

/// The shared corpus of real templates, checked out beside the repository
/// (`../shared/corpus`). A test that reads it carries `Corpus.needed`, so a
/// clone with nothing beside it skips the test and says why.
enum Corpus {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var needed: ConditionTrait {
        .enabled(if: FileManager.default.fileExists(atPath: folder.path),
                 "needs the shared corpus checked out beside the repository (../shared/corpus)")
    }

    /// Every template file (`.yaml`, `.yml`, `.json`, `.template`) under
    /// `folder`, in path order.
    static func templateFiles(under folder: URL = folder) throws -> [URL] {
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        let files = walker.compactMap { $0 as? URL }.filter { ["yaml", "yml", "json", "template"].contains($0.pathExtension) }
        return files.sorted { $0.path < $1.path }
    }
}
