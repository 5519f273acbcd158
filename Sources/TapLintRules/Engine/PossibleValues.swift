import TapLintCore

/// What a value can turn out to be at deploy time, as far as the template
/// says: one outcome per `Fn::If` branch, a parameter read through its
/// `Default`, and nil for what cannot be known (an import, a parameter
/// without a default, anything computed).
struct PossibleValue {
    /// The text, nil when unknown; `absent` when the branch gives AWS::NoValue.
    var text: String?
    var absent = false
    /// The conditions (with the branch taken) that lead here, for messages.
    var conditions: [String] = []

    static func of(_ node: Node?, in template: Template, conditions: [String] = []) -> [PossibleValue] {
        guard let node else { return [PossibleValue(text: nil, absent: true, conditions: conditions)] }
        if Node.isNoValue(node) { return [PossibleValue(text: nil, absent: true, conditions: conditions)] }
        if let text = node.string ?? node.scalar.flatMap({ node.tag == nil ? $0.value : nil }) {
            return [PossibleValue(text: text, conditions: conditions)]
        }
        guard let call = node.intrinsic else { return [PossibleValue(text: nil, conditions: conditions)] }
        switch call.name {
        case .if:
            guard let items = call.argument.sequence, items.count == 3, let name = items[0].string else { break }
            return of(items[1], in: template, conditions: conditions + ["\(name) is true"])
                + of(items[2], in: template, conditions: conditions + ["\(name) is false"])
        case .ref:
            if let name = call.argument.string, let parameter = template.parameter(named: name),
               let text = parameter["Default"]?.string {
                return [PossibleValue(text: text, conditions: conditions)]
            }
        default:
            break
        }
        return [PossibleValue(text: nil, conditions: conditions)]
    }
}
