import TapLintCore

/// The tags a resource carries, read in every form the catalog says its
/// type takes, in every `Fn::If` branch.
struct ResourceTags {
    /// One tag as written: its key, the key's node, its value's node.
    /// A class: the tagging rules read every tag of every resource, and
    /// each copy of the tuple it was went through an outlined copy of a
    /// string, a node and a list (two hundred instructions).
    final class Tag: Sendable {
        let key: String
        let node: Node
        /// Nil for a list item without `Value`.
        let value: Node?

        init(_ key: String, _ node: Node, _ value: Node?) {
            (self.key, self.node, self.value) = (key, node, value)
        }

        /// What the value can turn out to be. Asked only by a policy that
        /// requires values, so worked out then: reading every tag's values
        /// up front was a sixth of the time and memory of reading tags.
        func values(in template: Template) -> [PossibleValue] {
            PossibleValue.of(value, in: template)
        }
    }

    /// One way the tags can turn out: per branch of an `Fn::If` around them.
    struct Outcome {
        /// The tags, in the order written.
        var tags: [Tag] = []
        /// True when the tags are computed and cannot be read.
        var unknown = false
        var conditions: [String] = []
    }

    var resource: Resource
    /// Where the tags are, or should be: the property's key, else the resource's.
    var anchor: Node
    /// The tag property's steps below `Properties` (`Tags`, `StageDescription.Tags`).
    var steps: [String]
    var outcomes: [Outcome]

    /// Where the tags are, for a finding: made when one is reported, since
    /// most resources' tags are never reported on.
    var path: [PathElement] {
        var path: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
        for step in steps { path.append(.key(step)) }
        return path
    }

    /// The tags of every taggable resource of the template.
    static func all(in template: Template, schema: SchemaCheck) -> [ResourceTags] {
        template.resources.compactMap { resource in
            guard let type = resource.type else { return nil }
            var tagging = schema.types[type]?.tagging ?? .none
            // A deployment that names a stage creates that stage; its tags go in StageDescription.
            if type == "AWS::ApiGateway::Deployment", resource.properties?["StageName"] != nil {
                tagging = .list("StageDescription.Tags")
            }
            let (form, path): (Bool?, String) = switch tagging {
            case .none: (nil, "")
            case .list(let path): (true, path)
            case .map(let path): (false, path)
            }
            guard let isList = form else { return nil }
            // Most paths are one step (`Tags`): splitting made a list of substrings for each resource.
            let steps = path.utf8.contains(UInt8(ascii: ".")) ? path.split(separator: ".").map(String.init) : [path]
            var node = resource.properties
            var anchor = resource.declaration.key
            for step in steps {
                guard let entry = node?.entry(step) else { node = nil; break }
                anchor = entry.key
                node = entry.value
            }
            var outcomes = read(node, isList: isList, conditions: [])
            // SAM merges `Globals` into each resource of the section's type:
            // a tag there is on every function (or API, table…) that does not
            // set it itself, unless the resource's `IgnoreGlobals` leaves it out.
            if !isList, let globals = template.globalValue("Tags", for: resource) {
                let inherited = read(globals, isList: false, conditions: [])
                for i in outcomes.indices where !outcomes[i].unknown {
                    for outcome in inherited {
                        for tag in outcome.tags where !outcomes[i].tags.contains(where: { $0.key == tag.key }) {
                            outcomes[i].tags.append(tag)
                        }
                    }
                }
            }
            return ResourceTags(resource: resource, anchor: anchor, steps: steps, outcomes: outcomes)
        }
    }

    private static func read(_ node: Node?, isList: Bool, conditions: [String]) -> [Outcome] {
        guard let node, !Node.isNoValue(node) else { return [Outcome(conditions: conditions)] }
        if let call = node.intrinsic {
            if call.name == .if, let items = call.argument.sequence, items.count == 3, let name = items[0].string {
                return read(items[1], isList: isList, conditions: conditions + ["\(name) is true"])
                    + read(items[2], isList: isList, conditions: conditions + ["\(name) is false"])
            }
            return [Outcome(unknown: true, conditions: conditions)]
        }
        var outcome = Outcome(conditions: conditions)
        if isList {
            for item in node.sequence ?? [] {
                guard let keyNode = item["Key"] else {
                    if item.intrinsic != nil { outcome.unknown = true }
                    continue
                }
                guard let key = keyNode.string else { outcome.unknown = true; continue }
                outcome.tags.append(Tag(key, keyNode, item["Value"]))
            }
        } else {
            for entry in node.mapping ?? [] {
                guard let key = entry.name else { continue }
                outcome.tags.append(Tag(key, entry.key, entry.value))
            }
        }
        return [outcome]
    }
}
