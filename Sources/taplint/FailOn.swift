import ArgumentParser
import TapLintCore

/// The lowest severity that makes `taplint check` exit 1; `never` for none.
enum FailOn: String, Choice, Sendable {
    case error, warning, info, never

    var threshold: Severity? { Severity(rawValue: rawValue) }
}

/// The least severity the text and github formats print (`--show`).
enum Show: String, Choice, Sendable {
    case error, warning, info

    var severity: Severity { Severity(rawValue: rawValue) ?? .warning }
}
