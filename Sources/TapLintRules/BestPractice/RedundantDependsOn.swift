import TapLintCore

/// A `DependsOn` entry for a resource the properties already reference.
public struct RedundantDependsOn: TemplateRule {
    public static let description = RuleDescription(
        id: "BP001", name: "redundant-depends-on", category: .bestPractice, severity: .info,
        summary: "DependsOn names a resource that a Ref, GetAtt or Sub in the properties already depends on.",
        rationale: """
        `Ref`, `Fn::GetAtt` and `Fn::Sub` variables, in the properties or in other \
        attributes such as `Metadata` (which CloudFormation also resolves), already make \
        a resource wait for the one they name. Repeating that in `DependsOn` adds nothing but noise, and it \
        hides the entries that do matter: the ones with no reference behind them. \
        References inside an `Fn::If` branch do not count, because in the other branch \
        the `DependsOn` is the only thing that orders the two resources.
        """,
        fix: "remove the entry from DependsOn",
        triggering: [
            """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Function:
                Type: AWS::Lambda::Function
              Config:
                Type: Custom::Config
                DependsOn:
                  - ↓Bucket
                  - ↓Function
                Properties:
                  ServiceToken: !GetAtt Function.Arn
                  BucketName: !Ref Bucket
            """,
        ],
        nonTriggering: [
            """
            Parameters:
              Stage:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              Queue:
                Type: AWS::SQS::Queue
              Config:
                Type: Custom::Config
                DependsOn: [Bucket, Queue]
                Properties:
                  ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:config
                  BucketName: !If [IsProd, !Ref Bucket, none]
            """,
        ],
        references: ["https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-dependson.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let references = context.references.references
        let resources = context.template.resources
        // Only a resource with a DependsOn can repeat a dependency: its
        // other references are kept by their index, per resource, in the
        // order written; a list indexed by resource, not a table, so no
        // reference is hashed.
        var declaring = [Bool](repeating: false, count: resources.count)
        for reference in references where reference.kind == .dependsOn {
            if case .resource(let owner) = reference.owner { declaring[owner] = true }
        }
        guard declaring.contains(true) else { return [] }
        var implying = [[Int]](repeating: [], count: resources.count)
        for (i, reference) in references.enumerated() where reference.kind != .dependsOn && !reference.conditional {
            if case .resource(let owner) = reference.owner, declaring[owner] { implying[owner].append(i) }
        }
        // The first reference of the resource that creates the dependency
        // a DependsOn entry states: few to look through, compared by length first.
        func implied(by reference: Reference) -> Reference? {
            guard reference.kind == .dependsOn, case .resource(let owner) = reference.owner else { return nil }
            let length = reference.target.utf8.count
            return implying[owner].lazy.map { references[$0] }.first { $0.target.utf8.count == length && $0.target == reference.target }
        }
        let redundant = references.compactMap { reference in implied(by: reference).map { (reference, $0) } }
        let style = redundant.isEmpty ? nil : SourceStyle(context.template)
        var siblings = [Int](repeating: 0, count: resources.count)
        for (reference, _) in redundant {
            if case .resource(let owner) = reference.owner { siblings[owner] += 1 }
        }
        return redundant.compactMap { reference, implying in
            guard case .resource(let owner) = reference.owner else { return nil }
            let place = implying.path.place(from: 2)
            let resource = resources[owner]
            return Violation(
                at: reference.range, path: reference.path,
                message: "DependsOn \(reference.target) repeats the dependency that the \(implying.kind.rawValue) in \(place) (line \(implying.range.start.line)) already creates",
                edits: style == .json ? [] : Self.removal(of: reference.range, in: resource, allRedundant: siblings[owner] == resource.dependsOn.count))
        }
    }

    /// The lines to delete: the item's, or the whole `DependsOn` when
    /// every entry goes (an empty one is invalid). Offered for block style
    /// only, where each item and the key stand on lines of their own.
    static func removal(of item: SourceRange, in resource: Resource, allRedundant: Bool) -> [TextEdit] {
        guard let entry = resource.body.entry("DependsOn"), resource.body.isBlockMapping else { return [] }
        let value = entry.value
        if value.scalar != nil {
            return value.range.end.line == entry.key.range.start.line
                ? [.deletingLines(entry.key.range.start.line, through: value.range.end.line)] : []
        }
        // A block list on the lines after the key, one item to a line (its
        // items come in source order, so each starts on a later line).
        guard let items = value.sequence, value.isBlockSequence, value.range.start.line > entry.key.range.start.line,
              items.allSatisfy({ $0.range.start.line == $0.range.end.line }),
              zip(items, items.dropFirst()).allSatisfy({ $0.range.start.line < $1.range.start.line }) else { return [] }
        if allRedundant { return [.deletingLines(entry.key.range.start.line, through: value.lastLine)] }
        guard let line = items.first(where: { $0.valueRange.start == item.start || $0.range.start == item.start })?.range.start.line
        else { return [] }
        return [.deletingLines(line, through: line)]
    }
}
