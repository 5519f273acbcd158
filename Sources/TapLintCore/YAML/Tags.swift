/// The tags a CloudFormation template may carry.
enum Tags {
    /// Every short form CloudFormation's YAML accepts for an intrinsic function.
    static let shortForms: Set<String> = [
        "!Ref", "!Sub", "!GetAtt", "!If", "!Join", "!Select", "!Split", "!FindInMap",
        "!ImportValue", "!Base64", "!Cidr", "!GetAZs", "!Equals", "!And", "!Or", "!Not",
        "!Condition", "!Transform", "!ToJsonString", "!Length",
        // Functions of the template's Rules section.
        "!Contains", "!EachMemberEquals", "!EachMemberIn", "!RefAll", "!ValueOf", "!ValueOfAll",
    ]

    /// Directives of the Rain CLI (`!Rain::Embed`, `!Rain::Module`, …), which
    /// `rain pkg` expands before deploying; AWS's own sample templates use them.
    static let preprocessorPrefix = "!Rain::"

    static func isKnown(_ tag: String) -> Bool {
        shortForms.contains(tag) || tag.hasPrefix(preprocessorPrefix)
    }

    /// Core YAML tags only say what a scalar is; the tree drops them so that
    /// `!!str 1` reads as the string "1".
    static let core: Set<String> = [
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:binary",
        "!",
    ]
}
