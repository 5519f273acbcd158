/// One of SAM's policy templates (`DynamoDBCrudPolicy: {TableName: …}` in a
/// function's `Policies`): the parameters it takes and the policy document
/// the transform puts in their place.
public struct PolicyTemplate: Sendable {
    public var name: String
    public var parameters: [String]
    /// The document as JSON, `{"Ref":"<parameter>"}` standing for each
    /// parameter's value.
    public var definition: String

    /// The template SAM knows by this name; nil for any other name, which
    /// SAM leaves in `Policies` as it is.
    public static func named(_ name: String) -> PolicyTemplate? { table[name] }

    /// Every template's name, sorted, for did-you-mean.
    public static let names: [String] = table.keys.sorted()

    /// The document with each parameter's value written in: `values` maps a
    /// parameter to JSON text; a parameter without one becomes a reference
    /// no template can declare, read as a value known only at deploy time.
    public func document(with values: [String: String]) -> String {
        var text = definition
        for parameter in parameters {
            let placeholder = "{\"Ref\":\"\(parameter)\"}"
            let value = values[parameter] ?? "{\"Ref\":\"policy template parameter \(parameter)\"}"
            text = text.replacing(placeholder, with: value)
        }
        return text
    }

    /// Parsed on first use from the catalog's `policyTemplates`.
    private static let table: [String: PolicyTemplate] = {
        var table: [String: PolicyTemplate] = [:]
        let text = Catalog.policyTemplates.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            table[fields[0]] = PolicyTemplate(name: fields[0], parameters: fields[1].split(separator: ",").map(String.init),
                                              definition: fields[2])
        }
        return table
    }()
}
