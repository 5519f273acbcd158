// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "taplint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "taplint", targets: ["taplint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml through pkg-config; Debian's libyaml-dev provides it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // YAML/JSON → AST with positions, the template model, intrinsic
        // functions, the dependency graph, and the Finding vocabulary.
        .target(name: "TapLintCore", dependencies: ["CYAML"]),
        // One folder per rule family, one file per rule, and the registry.
        .target(name: "TapLintRules", dependencies: ["TapLintCore"]),
        // Text, JSON and graph formatters.
        .target(name: "TapLintReport", dependencies: ["TapLintCore", "TapLintRules"]),
        // `taplint lsp`: the language server, a front end beside the CLI.
        .target(name: "TapLintLSP", dependencies: ["TapLintCore", "TapLintRules", "TapLintReport"]),
        // The command line: argument parsing, config, file walking. No rule logic.
        .executableTarget(
            name: "taplint",
            dependencies: [
                "TapLintCore", "TapLintRules", "TapLintReport", "TapLintLSP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over the whole pipeline (scripts/fuzz); in a normal
        // build it replays the inputs it is given.
        .executableTarget(
            name: "TapLintFuzz",
            dependencies: ["TapLintCore", "TapLintRules", "TapLintReport"]
        ),
        .testTarget(name: "TapLintCoreTests", dependencies: ["TapLintCore"]),
        .testTarget(name: "TapLintRulesTests", dependencies: ["TapLintCore", "TapLintRules"]),
        .testTarget(name: "TapLintReportTests", dependencies: ["TapLintCore", "TapLintRules", "TapLintReport"]),
        .testTarget(name: "TapLintCLITests", dependencies: ["taplint"]),
        .testTarget(name: "TapLintLSPTests", dependencies: ["TapLintLSP", "TapLintCore"]),
    ],
    swiftLanguageModes: [.v6]
)
