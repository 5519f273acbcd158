/// One file to check: where it is, how to name it in reports, and whether
/// the user named it (a named non-template is a finding, a walked one is skipped).
struct Input: Sendable {
    var path: String
    /// Named by the user; false for files a directory walk found.
    var explicit: Bool
    var isStandardInput: Bool { path == "-" }
    var displayName: String { isStandardInput ? "<stdin>" : path }
}

/// Turns the command line's paths into the files to check.
enum Inputs {
    /// Extensions a directory walk looks at; other files are not counted at all.
    static let templateExtensions: Set<String> = ["yaml", "yml", "json", "template"]

    /// Directories a walk never enters: tool caches and dependencies.
    static let ignoredDirectories: Set<String> = ["node_modules", "cdk.out"]

    static func collect(_ paths: [String]) throws(CommandError) -> [Input] {
        var inputs: [Input] = []
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                if seen.insert(path).inserted { inputs.append(Input(path: path, explicit: true)) }
                continue
            }
            switch FileSystem.kind(of: path) {
            case .missing:
                throw CommandError("path not found: \(path)")
            case .file:
                if seen.insert(path).inserted { inputs.append(Input(path: path, explicit: true)) }
            case .directory:
                for file in walk(path) where seen.insert(file).inserted {
                    inputs.append(Input(path: file, explicit: false))
                }
            }
        }
        return inputs
    }

    /// Template-like files below a directory, depth first, in name order.
    /// Hidden entries and symbolic links to directories are not followed.
    private static func walk(_ root: String) -> [String] {
        var files: [String] = []
        var pending = [root]
        while let directory = pending.popLast() {
            var subdirectories: [String] = []
            for name in FileSystem.entries(of: directory) where !name.hasPrefix(".") {
                let path = directory == "." ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
                switch FileSystem.kind(of: path) {
                case .directory:
                    if !ignoredDirectories.contains(name), !FileSystem.isSymbolicLink(path) { subdirectories.append(path) }
                case .file, .missing:
                    // A dangling link to a template is kept, to be reported as unreadable.
                    if let dot = name.lastIndex(of: "."), templateExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                        files.append(path)
                    }
                }
            }
            pending.append(contentsOf: subdirectories.reversed())
        }
        return files
    }
}

/// A problem with the command itself: exit status 2 and one line on stderr.
struct CommandError: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
