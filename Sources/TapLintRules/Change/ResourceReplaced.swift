import TapLintCore

/// An edit that makes CloudFormation replace a resource: a create-only
/// property changed, the type changed, or the logical id renamed.
public struct ResourceReplaced: ChangeRule {
    public static let description = RuleDescription(
        id: "CHG001", name: "resource-replaced", category: .change, severity: .error,
        summary: "Deploying the new version replaces a resource: a create-only property, its type or its logical id changed.",
        rationale: """
        Some properties cannot be changed on a live resource: the resource's schema marks \
        them create-only (a table's KeySchema, a bucket's or queue's name, a queue's \
        FifoQueue). Changing one, changing the Type, or renaming the logical id makes \
        CloudFormation create a new resource and delete the old one. For a resource that \
        holds data (a table, bucket, database, file system, stream, queue, log group, user \
        pool, key, secret) the data goes with the old one, and a resource with a fixed \
        physical name cannot be created beside the old, so the update fails halfway. Each \
        version is valid alone; only comparing them shows it. A change to a property \
        replaced only under some conditions, or between values computed at deploy time, \
        is a warning that says so. `UpdateReplacePolicy: Retain` (or `Snapshot`) in the old \
        version keeps the old resource's data, and makes it a warning.
        """,
        fix: "keep the old value (or id), or migrate the data first and suppress this finding with the reason",
        triggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            ---
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  ↓KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
            """,
            """
            Resources:
              Orders:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: Enabled}
            ---
            Resources:
              ↓OrderBucket:
                Type: AWS::S3::Bucket
                Properties:
                  VersioningConfiguration: {Status: Enabled}
            """,
        ],
        nonTriggering: [
            """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema: [{AttributeName: id, KeyType: HASH}]
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            ---
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  KeySchema:
                    - AttributeName: id
                      KeyType: HASH
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                  Tags: [{Key: team, Value: orders}]
            """,
        ],
        references: [
            "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html",
            "https://docs.aws.amazon.com/cloudformation-cli/latest/userguide/resource-type-schema.html",
        ]
    )

    public init() {}

    public func check(_ change: TemplateChange) -> [Violation] {
        change.kept.compactMap { replacement($0, in: change) } + change.renamed.map { rename($0, from: change.old) }
    }

    /// Why a resource kept under its id is replaced, if it is.
    private func replacement(_ pair: TemplateChange.Pair, in change: TemplateChange) -> Violation? {
        let (old, new, template) = (pair.old, pair.new, change.new)
        // A resource this deployment's stack does not have (in either version) is not replaced in it.
        if let stacks = change.deployment, !stacks.old.has(old) || !stacks.new.has(new) { return nil }
        let base: [PathElement] = [.key("Resources"), .key(new.name)]
        if let before = old.type, let after = new.type, before != after {
            let key = new.body.entry("Type")?.key ?? new.declaration.key
            return Violation(at: key.range, path: base + [.key("Type")],
                             message: "\(new.name)'s Type changes from \(before) to \(after): CloudFormation replaces it"
                                 + consequence(old: old, type: Catalog.type(named: before), fixedName: nil),
                             severity: severity(old: old, type: Catalog.type(named: before), fixedName: nil))
        }
        guard let name = new.type, let type = Catalog.type(named: name), !new.isCustom,
              !SameValue.equal(old.properties, new.properties) else { return nil }
        let fixedName = type.nameProperty.flatMap { property in
            SameValue.equal(old.properties?[property], new.properties?[property]) && new.properties?[property] != nil ? property : nil
        }
        // A SAM resource is replaced in what SAM generates under its id.
        let what = template.generatedResource(named: new.name).map { "the \($0.type) SAM generates for \(new.name)" }
            ?? "\(new.name) (\(name))"
        for (path, certain) in type.createOnly.map({ ($0, true) }) + type.conditionallyCreateOnly.map({ ($0, false) }) {
            let steps = path.split(separator: "/")
            let before = SameValue.values(at: steps, in: old.properties)
            let after = SameValue.values(at: steps, in: new.properties)
            guard before.count != after.count || zip(before, after).contains(where: { !SameValue.equal($0, $1) }) else { continue }
            // Values this deployment decides are compared as the text its stack gets.
            let decided = change.deployment.flatMap { stacks -> Bool? in
                guard before.count == after.count else { return nil }
                var differ = false
                for (a, b) in zip(before, after) where !SameValue.equal(a, b) {
                    guard let x = stacks.old.text(of: a), let y = stacks.new.text(of: b), let same = x.same(as: y) else { return nil }
                    differ = differ || !same
                }
                return differ
            }
            if decided == false { continue }
            let top = String(steps[0])
            let key = new.properties.flatMap { $0.entry(top)?.key } ?? new.body.entry("Properties")?.key ?? new.declaration.key
            let at = base + (new.properties?[top] != nil ? [.key("Properties"), .key(top)] : [])
            let shown = steps.reduce(into: "") { text, step in text += step == "*" ? "[]" : (text.isEmpty ? "" : ".") + step }
            if !certain {
                return Violation(at: key.range, path: at,
                                 message: "changing \(shown) may replace \(what): the schema marks it "
                                     + "create-only under some conditions; check the update behaviour before deploying",
                                 severity: .warning)
            }
            let certainlyNew = before.count == after.count && zip(before, after).allSatisfy { pair in
                SameValue.equal(pair.0, pair.1) || SameValue.alwaysDiffer(pair.0, pair.1)
            }
            if !certainlyNew, decided == nil, before.contains(where: SameValue.isComputed) || after.contains(where: SameValue.isComputed) {
                return Violation(at: key.range, path: at,
                                 message: "\(shown) of \(what) is computed at deploy time and written differently "
                                     + "now: if its value changes, CloudFormation replaces \(new.name)"
                                     + consequence(old: old, type: type, fixedName: fixedName),
                                 severity: .warning)
            }
            return Violation(at: key.range, path: at,
                             message: "changing \(shown) replaces \(what): CloudFormation creates a new one "
                                 + "and deletes the old" + consequence(old: old, type: type, fixedName: fixedName),
                             severity: severity(old: old, type: type, fixedName: fixedName))
        }
        return nil
    }

    /// An old id gone, and a resource of the same type and properties under a new id.
    private func rename(_ pair: TemplateChange.Pair, from template: Template) -> Violation {
        let type = pair.old.type.flatMap { Catalog.type(named: $0) }
        let fixedName = type?.nameProperty.flatMap { pair.new.properties?[$0] != nil ? $0 : nil }
        // A rename deletes the old resource, so its DeletionPolicy is what keeps the data.
        let kept = TemplateChange.keeps(pair.old.declaration["DeletionPolicy"])
        var message = "\(pair.old.name) is renamed to \(pair.new.name): CloudFormation creates \(pair.new.name) and deletes "
            + "\(pair.old.name)"
        var severity = Severity.warning
        if let fixedName {
            message += "; both have the fixed \(fixedName), so creating \(pair.new.name) fails"
            severity = .error
        }
        if type?.holdsData == true {
            message += kept ? "; the old one is retained (DeletionPolicy), but the new one starts empty"
                : ", with the data it holds"
            if !kept { severity = .error }
        }
        // SAM names what it generates after the resource: all of it is replaced too.
        let others = template.generated.filter { $0.origin == pair.old.name && $0.name != pair.old.name && !$0.hashed }.map(\.name)
        if !others.isEmpty {
            message += "; SAM replaces what it generates from it too (\(others.prefix(3).joined(separator: ", "))"
                + (others.count > 3 ? " and \(others.count - 3) more" : "") + ")"
        }
        return Violation(at: pair.new.declaration.key.range, path: [.key("Resources"), .key(pair.new.name)],
                         message: message, severity: severity)
    }

    /// What the replacement costs, for the message.
    private func consequence(old: Resource, type: ResourceType?, fixedName: String?) -> String {
        var text = ""
        if let fixedName { text += "; its \(fixedName) is fixed, so the new one cannot be created beside the old and the update fails" }
        if type?.holdsData == true {
            text += TemplateChange.keeps(old.declaration["UpdateReplacePolicy"])
                ? "; the old one is retained (UpdateReplacePolicy), but the new one starts empty"
                : "; the data the old one holds is deleted with it"
        }
        return text
    }

    /// An error where data is lost or the update fails; a warning otherwise.
    private func severity(old: Resource, type: ResourceType?, fixedName: String?) -> Severity {
        if fixedName != nil { return .error }
        return type?.holdsData == true && !TemplateChange.keeps(old.declaration["UpdateReplacePolicy"]) ? .error : .warning
    }
}
