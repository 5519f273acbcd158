import ArgumentParser
import TapLintCore

/// The lowest severity that makes `taplint check` exit 1; `never` for none.
enum FailOn: String, ExpressibleByArgument, CaseIterable, Sendable {
    case error, warning, info, never

    var threshold: Severity? { Severity(rawValue: rawValue) }
}
