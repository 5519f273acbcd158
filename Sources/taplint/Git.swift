#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TapLintRules

/// Runs git, for `check --base`: its standard output and exit status.
/// Standard error goes to /dev/null; taplint says in its own words what
/// went wrong.
enum Git {
    static func run(_ arguments: [String]) -> (status: Int32, output: [UInt8]) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return (-1, []) }
        // An opaque pointer on Darwin, a struct on Linux.
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t = nil
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        let argv = (["git"] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        #if canImport(Darwin)
        let environment = _NSGetEnviron().pointee  // Darwin does not export `environ` to Swift
        #else
        let environment = environ
        #endif
        let spawned = posix_spawnp(&pid, "git", &actions, nil, argv, environment)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { return (-1, []) }
        let output = (try? FileSystem.readAll(fds[0]).get()) ?? []
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exited normally: the low seven bits are zero and the code is in the next byte.
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, output)
    }
}

/// The checked templates as they were at a git ref: each one's earlier
/// version (none for a template new since), and the templates deleted since
/// in the folders being checked.
struct History {
    struct Deleted {
        var path: String
        var base: Base
    }

    let ref: String
    private var bases: [String: Base] = [:]
    private(set) var deleted: [Deleted] = []

    /// `folders` are the directories named on the command line, searched
    /// for templates that no longer exist.
    init(ref: String, inputs: [Input], folders: [String]) throws(CommandError) {
        self.ref = ref
        let first = inputs.first { !$0.isStandardInput }.map { Paths.directory(of: $0.path) } ?? folders.first ?? "."
        guard Git.run(["-C", first, "rev-parse", "--is-inside-work-tree"]).status == 0 else {
            throw CommandError("--base needs a git repository, and \(first) is not in one")
        }
        guard Git.run(["-C", first, "rev-parse", "--verify", "--quiet", ref + "^{commit}"]).status == 0 else {
            // Before the first commit (a pre-commit hook in a new repository)
            // HEAD names no commit yet: every template is new.
            if ref == "HEAD", Git.run(["-C", first, "rev-list", "-n", "1", "--all"]).output.isEmpty {
                for input in inputs { bases[input.path] = Base(bytes: nil, name: "HEAD:\(input.path)") }
                return
            }
            throw CommandError("--base: no commit '\(ref)' in this repository")
        }
        for input in inputs where !input.isStandardInput {
            bases[input.path] = Base(bytes: Self.show(ref, input.path), name: "\(ref):\(input.path)")
        }
        for folder in folders {
            let listed = Git.run(["-C", folder, "ls-tree", "-r", "-z", "--name-only", ref])
            guard listed.status == 0 else { continue }
            for name in listed.output.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) }) {
                let path = folder == "." ? name : Paths.join(folder, name)
                let parts = name.split(separator: "/")
                guard let last = parts.last, let dot = last.lastIndex(of: "."),
                      Inputs.templateExtensions.contains(String(last[last.index(after: dot)...]).lowercased()),
                      !parts.contains(where: { Inputs.ignoredDirectories.contains(String($0)) || $0.hasPrefix(".") }),
                      FileSystem.kind(of: path) == .missing, bases[path] == nil,
                      let bytes = Self.show(ref, path), Linter.mayBeTemplate(bytes) else { continue }
                deleted.append(Deleted(path: path, base: Base(bytes: bytes, name: "\(ref):\(path)")))
            }
        }
    }

    /// The earlier version of a checked template; its bytes are nil when it
    /// is new. A template found later (a nested stack's) is read from git then.
    func base(of input: Input) -> Base? {
        if let known = bases[input.path] { return known }
        guard !input.isStandardInput else { return nil }
        return Base(bytes: Self.show(ref, input.path), name: "\(ref):\(input.path)")
    }

    /// The file's bytes at the ref, through git's `REF:./path`, which is
    /// relative to the folder git runs in; nil when it did not exist.
    private static func show(_ ref: String, _ path: String) -> [UInt8]? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let result = Git.run(["-C", Paths.directory(of: path), "show", "\(ref):./\(name)"])
        return result.status == 0 ? result.output : nil
    }
}
