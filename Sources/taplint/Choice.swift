import ArgumentParser

/// A command-line value that is one of a few words, its cases' raw values
/// (`--format json`, `--fail-on warning`).
///
/// swift-argument-parser's own defaults reach the same words through
/// string interpolation of a generic value, which has the Swift runtime
/// search for protocol conformances each time the options are described,
/// and it describes them three times a run: about 2.7 M instructions of the
/// sample's 39 M. Spelled out here, the words and the help are the same.
protocol Choice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension Choice {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// No case describes itself otherwise than by its word.
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}
