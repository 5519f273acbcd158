import TapLintCore

/// A rule the engine reports itself rather than a check over the template:
/// what the reader finds before there is a template, and what the engine
/// learns while applying suppressions.
public protocol SourceRule: Sendable {
    static var description: RuleDescription { get }
}

extension ParseIssue.Kind {
    /// The rule that reports this kind of parse issue.
    var rule: RuleDescription {
        switch self {
        case .malformed, .notText: YAMLSyntax.description
        case .duplicateKey: DuplicateKey.description
        case .unknownTag: UnknownTag.description
        case .tooComplex: InputTooComplex.description
        case .nonScalarKey: NonStringKey.description
        }
    }
}

extension ParseIssue {
    /// The fix to give where the rule's own would mislead: a binary file
    /// has no YAML to correct.
    var fix: String? {
        kind == .notText ? "this is not a text template: name a template, or leave the file out (paths.exclude in .taplint.yml)" : nil
    }
}
