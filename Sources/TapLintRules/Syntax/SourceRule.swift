import TapLintCore

/// A rule whose findings come from reading the file, before there is a
/// template to check: the parser finds them, the engine names them.
public protocol SourceRule: Sendable {
    static var description: RuleDescription { get }
}

extension ParseIssue.Kind {
    /// The rule that reports this kind of parse issue.
    var rule: RuleDescription {
        switch self {
        case .malformed: YAMLSyntax.description
        case .duplicateKey: DuplicateKey.description
        case .unknownTag: UnknownTag.description
        case .tooComplex: InputTooComplex.description
        case .nonScalarKey: NonStringKey.description
        }
    }
}
