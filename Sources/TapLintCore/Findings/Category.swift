/// The families findings are grouped into; users select and ignore by them.
public enum Category: String, CaseIterable, Sendable {
    case syntax
    case schema
    case reference
    case circularDependency = "circular-dependency"
    case iam
    case tagging
    case versioning
    case arn
    case security
    case deployability
    case bestPractice = "best-practice"
    /// From comparing two versions (`diff`, `check --base`).
    case change
}
