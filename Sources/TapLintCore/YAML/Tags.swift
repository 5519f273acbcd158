/// A node's explicit tag, in one byte: the CloudFormation short form it
/// spells, or what kind of other tag it is.
public enum Tag: Hashable, Sendable {
    /// `!Ref`, `!Sub`, …: an intrinsic function's short form.
    case intrinsic(IntrinsicName)
    /// `!Contains`, `!ValueOf`, …: a function of the template's Rules section.
    case rulesFunction
    /// `!Rain::Embed`, `!Rain::Module`, …: a directive of the Rain CLI, which
    /// `rain pkg` expands before deploying; AWS's own samples use them.
    case preprocessor
    /// Anything else: reported as an unknown tag.
    case unknown

    static let rulesFunctions: Set<String> = [
        "!Contains", "!EachMemberEquals", "!EachMemberIn", "!RefAll", "!ValueOf", "!ValueOfAll",
    ]

    /// Core YAML tags only say what a scalar is; the tree drops them so that
    /// `!!str 1` reads as the string "1".
    static let core: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
        "!",
    ]

    /// The tag a node keeps for the text libyaml reports; nil for core tags.
    init?(_ text: String) {
        if let name = IntrinsicName(shortTag: text) {
            self = .intrinsic(name)
        } else if Tag.core.contains(text) {
            return nil
        } else if Tag.rulesFunctions.contains(text) {
            self = .rulesFunction
        } else if text.hasPrefix("!Rain::") {
            self = .preprocessor
        } else {
            self = .unknown
        }
    }
}
