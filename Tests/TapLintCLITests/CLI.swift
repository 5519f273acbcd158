import Foundation

/// Runs the built `taplint` binary the way a user or CI would.
struct CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle: `swift test` builds it first,
    /// because this test target depends on it.
    static let binary: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("taplint")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repository.appendingPathComponent(".build/debug/taplint")
    }()

    /// Runs taplint, or with `python` set, `python3` with the arguments.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL = repository,
                    environment: [String: String] = [:], python: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = python ? URL(fileURLWithPath: "/usr/bin/env") : binary
        process.arguments = python ? ["python3"] + arguments : arguments
        process.currentDirectoryURL = directory
        // Under `--sanitize=address` the binary checks for leaks at exit;
        // the suppressions say which reports are the sanitizer's mistakes.
        let sanitizer = ["LSAN_OPTIONS": "print_suppressions=0:suppressions="
            + repository.appendingPathComponent("Tests/Sanitizers/lsan.supp").path]
        process.environment = ProcessInfo.processInfo.environment.merging(sanitizer) { old, _ in old }
            .merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is drained on its own thread: read after standard
        // output, a long report there (a sanitizer's at exit) would fill the
        // pipe and leave both processes waiting for each other.
        let errors = ErrorReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh temporary directory holding the given files.
    static func directory(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("taplint-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return root
    }

    /// True when python3 can import aws-sam-translator, the SAM oracle.
    static let samTranslatorAvailable: Bool = {
        (try? run(["-c", "import samtranslator"], python: true).status) == 0
    }()

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
