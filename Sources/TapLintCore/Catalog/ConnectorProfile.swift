/// What a SAM connector (`AWS::Serverless::Connector`, or `Connectors` on a
/// resource) between two types becomes, from aws-sam-translator's
/// connector profiles: which resource it generates, the access categories
/// (`Read`, `Write`) it may grant, and the statements each grants.
public struct ConnectorProfile: Sendable {
    public enum Kind: String, Sendable {
        /// A managed policy attached to the source's (or destination's) role.
        case rolePolicy = "AWS_IAM_ROLE_MANAGED_POLICY"
        case queuePolicy = "AWS_SQS_QUEUE_POLICY"
        case topicPolicy = "AWS_SNS_TOPIC_POLICY"
        /// One Lambda permission per access category granted.
        case lambdaPermission = "AWS_LAMBDA_PERMISSION"
    }

    public var kind: Kind
    /// In the profile's order, which is the order SAM generates permissions in.
    public var categories: [String]
    /// True when the policy is the source's (its role's), false when the destination's.
    public var sourcePolicy: Bool
    /// Each category's statements as a JSON list, `%{Destination.Arn}` and
    /// the like standing for the ends' values.
    public var statements: [String: String]

    /// The profile for a connector from `source` to `destination` (both
    /// CloudFormation types); nil where SAM supports no such connector.
    public static func between(_ source: String, _ destination: String) -> ConnectorProfile? {
        table[source + "\t" + destination]
    }

    /// Parsed on first use from the catalog's `connectorProfiles`.
    private static let table: [String: ConnectorProfile] = {
        var table: [String: ConnectorProfile] = [:]
        let text = Catalog.connectorProfiles.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let categories = fields.count > 3 ? fields[3].split(separator: ",").map(String.init) : []
            guard fields.count == 5 + categories.count, let kind = Kind(rawValue: fields[2]) else { continue }
            table[fields[0] + "\t" + fields[1]] = ConnectorProfile(
                kind: kind, categories: categories, sourcePolicy: fields[4] == "source",
                statements: Dictionary(uniqueKeysWithValues: zip(categories, fields[5...])))
        }
        return table
    }()
}
