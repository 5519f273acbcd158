import TapLintCore

/// A rule that reads two versions of a template: what deploying the new one
/// over a stack made from the old would do.
public protocol ChangeRule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ change: TemplateChange) -> [Violation]
}

/// Two versions of one template, their resources matched by logical id, and
/// the ids that vanished while a resource of the same type and properties
/// appeared (a rename, which CloudFormation carries out as a replacement).
public struct TemplateChange: Sendable {
    public struct Pair: Sendable {
        public var old: Resource
        public var new: Resource
    }

    public let old: Template
    public let new: Template
    /// How messages name the old version: a file, or `REF:path`.
    public let base: String
    /// Resources under the same id in both.
    public private(set) var kept: [Pair] = []
    /// Resources the new version no longer has, renames left out.
    public private(set) var removed: [Resource] = []
    /// An old id that is gone, and the new id with the same type and properties.
    public private(set) var renamed: [Pair] = []
    /// Both versions as one deployment's stack receives them; nil when the
    /// template is judged for every value.
    let deployment: (old: DeployedStack, new: DeployedStack)?

    /// `deployed` is what a deployment fixes (`LintOptions.deployed`).
    public init(old: Template, new: Template, base: String, deployed: [String: [String]] = [:]) {
        self.old = old
        self.new = new
        self.base = base
        deployment = deployed.isEmpty ? nil : (DeployedStack(old, deployed: deployed), DeployedStack(new, deployed: deployed))
        // A logical id declared twice is the last declaration, as CloudFormation reads it.
        let before = Self.lastOfEachName(old.resources), after = Self.lastOfEachName(new.resources)
        let now = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
        var added = after.filter { !old.hasResource($0.name) }
        for resource in before {
            if let now = now[resource.name] {
                kept.append(Pair(old: resource, new: now))
            } else if let i = added.firstIndex(where: { $0.type == resource.type && SameValue.equal($0.properties, resource.properties) }) {
                renamed.append(Pair(old: resource, new: added.remove(at: i)))
            } else {
                removed.append(resource)
            }
        }
    }

    /// Each resource once, the last of the ones that share its id, in order.
    private static func lastOfEachName(_ resources: [Resource]) -> [Resource] {
        var seen: Set<String> = []
        return resources.reversed().filter { seen.insert($0.name).inserted }.reversed()
    }

    /// True when a policy keeps the resource (and its data) when
    /// CloudFormation deletes or replaces it.
    static func keeps(_ policy: Node?) -> Bool {
        guard let text = policy?.string else { return false }
        return ["Retain", "RetainExceptOnCreate", "Snapshot"].contains(text)
    }
}
