import TapLintCore

/// The resources a template names itself (`BucketName`, `TableName`,
/// `FunctionName`), and the name an ARN gives for the same kind of resource:
/// what lets a hand-built ARN be checked against the template.
struct NamedResources {
    struct Named {
        var resource: String
        var type: String
        /// The name as built, `${…}` for what is filled in at deploy time.
        var name: String
    }

    /// Resource type → (the property that names it, the ARN service).
    static let kinds: [String: (property: String, service: String)] = [
        "AWS::S3::Bucket": ("BucketName", "s3"),
        "AWS::DynamoDB::Table": ("TableName", "dynamodb"),
        "AWS::Lambda::Function": ("FunctionName", "lambda"),
    ]

    /// The named resources by name, in the template's order: the first of a
    /// type is the one meant. Keyed by the name alone: joining type and name
    /// into one key cost two appends for every ARN asked about, and a key
    /// type of its own a search of the runtime's conformances at start-up.
    private var byName: [String: [Named]] = [:]
    /// The named resources by type and the set of `${…}` names the name is built from:
    /// the resources an ARN built from the same parts could mean.
    private var byParts: [String: [Named]] = [:]
    /// The named resources whose name is one parameter (`!Ref BucketName`),
    /// by type and that parameter's possible values (Default, AllowedValues).
    private var byParameterValue: [String: (named: Named, parameter: String)] = [:]
    /// The named resources whose names are built from a parameter, by type.
    private var built: [String: [(named: Named, parts: Set<String>)]] = [:]

    init(_ template: Template) {
        for resource in template.resources {
            guard let type = resource.type, let kind = Self.kinds[type],
                  let call = resource.properties?[kind.property]?.intrinsic, call.name == .ref, let parameter = call.argument.string,
                  let declaration = template.parameter(named: parameter) else { continue }
            let values = [declaration["Default"]?.scalar?.value].compactMap { $0 }
                + (declaration["AllowedValues"]?.sequence ?? []).compactMap { $0.scalar?.value }
            let named = Named(resource: resource.name, type: type, name: "${\(parameter)}")
            for value in values where byParameterValue[type + " " + value] == nil {
                byParameterValue[type + " " + value] = (named, parameter)
            }
        }
        // A name an Fn::If chooses is each of its branches' names.
        let all = template.resources.flatMap { resource -> [Named] in
            guard let type = resource.type, let kind = Self.kinds[type], let node = resource.properties?[kind.property]
            else { return [] }
            return TemplateStrings.variants(node, in: template).map { Named(resource: resource.name, type: type, name: $0) }
        }
        for named in all {
            byName[named.name, default: []].append(named)
            let parts = Self.variables(named.name)
            byParts[Self.partsKey(named.type, parts), default: []].append(named)
            if parts.contains(where: Self.isParameterPart) { built[named.type, default: []].append((named, parts)) }
        }
    }

    /// The resources of the type whose names are built from more or fewer
    /// of the same parts, sharing a parameter: the ones an ARN built with a
    /// part missing (or one too many) was meant for, in template order.
    func builtWithPartsOf(type: String, parts: Set<String>) -> [Named] {
        guard parts.contains(where: Self.isParameterPart) else { return [] }
        return (built[type] ?? []).filter { candidate in
            candidate.parts != parts && (candidate.parts.isSubset(of: parts) || parts.isSubset(of: candidate.parts))
                && !candidate.parts.intersection(parts).filter(Self.isParameterPart).isEmpty
        }.map(\.named)
    }

    /// A `${…}` part that is the template's own (a parameter, a resource),
    /// not a pseudo parameter every name may use.
    private static func isParameterPart(_ part: String) -> Bool { !part.containsBytes("::") }

    /// The resource of the type named by a parameter that can take this
    /// value, and the parameter.
    func named(type: String, byParameterValue value: String) -> (named: Named, parameter: String)? {
        byParameterValue[type + " " + value]
    }

    /// The first resource of the type with exactly this name.
    func first(type: String, name: String) -> Named? { byName[name]?.first { $0.type == type } }

    /// The resources of the type whose names are built from the same
    /// `${…}` parts as `name`, in template order.
    func builtAlike(type: String, parts: Set<String>) -> [Named] { byParts[Self.partsKey(type, parts)] ?? [] }

    private static func partsKey(_ type: String, _ parts: Set<String>) -> String {
        type + " " + parts.sorted().joined(separator: " ")
    }

    /// The resource type an ARN names, and the name it gives; nil for other ARNs.
    static func name(in arn: ARN) -> (type: String, name: String)? {
        switch arn.service {
        case "s3" where arn.region.isEmpty && !arn.resource.isEmpty:
            return ("AWS::S3::Bucket", field(of: arn.resource, after: "", upTo: UInt8(ascii: "/")))
        case "dynamodb" where arn.resource.hasPrefix("table/"):
            return ("AWS::DynamoDB::Table", field(of: arn.resource, after: "table/", upTo: UInt8(ascii: "/")))
        case "lambda" where arn.resource.hasPrefix("function:"):
            return ("AWS::Lambda::Function", field(of: arn.resource, after: "function:", upTo: UInt8(ascii: ":")))
        default:
            return nil
        }
    }

    /// The text after `prefix` up to the first `end`, cut as UTF-8: both are
    /// ASCII, and cutting by characters costs far more for every ARN.
    private static func field(of text: String, after prefix: String, upTo end: UInt8) -> String {
        text.withBytes { bytes in
            let start = min(prefix.utf8.count, bytes.count)
            let stop = ByteSearch.offset(of: end, in: bytes, from: start)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
        }
    }

    /// The `${…}` names in a built string.
    static func variables(_ text: String) -> Set<String> {
        text.containsBytes("${") ? Set(SubTemplate(text).variables.map(\.name)) : []
    }
}
