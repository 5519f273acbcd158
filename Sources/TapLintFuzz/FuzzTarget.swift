import TapLintCore
import TapLintReport
import TapLintRules

/// One input through everything taplint does with a file: parse, model,
/// graph, every rule, every report format. Crashes, hangs and sanitizer
/// reports here are bugs, whatever the input.
func exercise(_ bytes: [UInt8]) {
    let linter = Linter()
    let report = linter.lint(bytes, file: "fuzz.yaml")
    let result = RunResult(reports: [report], seconds: 0)
    _ = JSONReporter().render(result)
    _ = TextReporter(colour: true, visibility: .everything).render(result)
    if case .template(let context, _) = linter.read(bytes, file: "fuzz.yaml") {
        for format in GraphReporter.Format.allCases { _ = GraphReporter(graph: context.graph).render(format) }
    }
    // The readers a large template gets (one beside the tree builder, or
    // two parts at once) must build exactly what reading in turn builds.
    let alone = YAMLParser.parse(bytes, threads: 1)
    let parallel = YAMLParser.parse(bytes, threads: 2)
    guard alone.root?.outline == parallel.root?.outline, alone.issues == parallel.issues,
          alone.usesPreprocessor == parallel.usesPreprocessor else {
        fatalError("reading in parallel built another tree than reading in turn")
    }
    // JSON is read without libyaml where the JSON reader is sure of it: the
    // tree must be libyaml's all the same.
    let yaml = YAMLParser.parseAsYAML(bytes)
    guard alone.root?.outline == yaml.root?.outline, alone.issues == yaml.issues,
          alone.usesPreprocessor == yaml.usesPreprocessor else {
        fatalError("the JSON reader built another tree than libyaml")
    }
}

#if FUZZING
/// libFuzzer's entry point; libFuzzer's own `main` calls it with each input.
/// scripts/fuzz links this build itself, because SwiftPM would alias `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    exercise(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
#else
/// Without libFuzzer: replays the files named on the command line, so that
/// crashing inputs kept in Tests/Fuzz/crashes rerun in any build.
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let bytes = FileBytes.read(path) else {
                print("cannot read \(path)")
                continue
            }
            exercise(bytes)
        }
    }
}
#endif
