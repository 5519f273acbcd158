import TapLintCore

/// A file found in a directory walk that could not be read.
public enum UnreadableFile: SourceRule {
    public static let description = RuleDescription(
        id: "SYN007", name: "unreadable-file", category: .syntax, severity: .error,
        summary: "A file could not be read (permissions, a broken link, an I/O error).",
        rationale: """
        When a directory is checked, one file that cannot be read must not stop the \
        others from being checked, nor disappear from the report: a CI gate would pass \
        a template nobody looked at. The finding says what the operating system said.
        """,
        fix: "make the file readable, or exclude it",
        triggering: [],
        nonTriggering: [],
        references: []
    )
}
