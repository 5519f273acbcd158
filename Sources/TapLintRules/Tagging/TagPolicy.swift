import TapLintCore

/// The tags a template's taggable resources must carry, and why.
///
/// A team that writes `tagging.required` gets exactly that. Without it, the
/// template itself is the policy: a key that most of its taggable resources
/// carry is one the author meant every resource to carry, so the few that
/// lack it are what a reviewer wants to hear about, while a template that
/// tags nothing draws no finding at all.
struct TagPolicy {
    enum Source {
        case configured
        /// Learned from the template: how many taggable resources there are,
        /// and how many carry each required key.
        case learned(taggable: Int, carriers: [String: Int])
    }

    var required: [RequiredTag]
    var source: Source

    /// A key is learned when at least this share of the taggable resources
    /// carry it...
    static let learnedShare = (numerator: 2, denominator: 3)
    /// ...and at least this many, so that two tagged resources of three do
    /// not make a policy.
    static let learnedMinimum = 3

    /// Each required key's place in `required`, to find what a resource
    /// lacks with one lookup per tag it carries.
    private var index: [String: Int] = [:]

    init(configured: [RequiredTag]?, tags: [ResourceTags]) {
        if let configured {
            required = configured
            source = .configured
        } else {
            // How many resources carry each key: one lookup per tag, the
            // resource's number telling a repeated key (in another Fn::If
            // branch, or written twice) from a new carrier.
            var carriers: [String: (count: Int, resource: Int)] = [:]
            for (resource, tagged) in tags.enumerated() {
                for outcome in tagged.outcomes {
                    for tag in outcome.tags { Self.count(&carriers[tag.key, default: (0, -1)], resource) }
                }
            }
            let taggable = tags.count
            let learned = carriers.compactMapValues { carrier -> Int? in
                carrier.count >= Self.learnedMinimum
                    && carrier.count * Self.learnedShare.denominator >= taggable * Self.learnedShare.numerator
                    ? carrier.count : nil
            }
            required = learned.keys.sorted().map { RequiredTag(key: $0, value: nil) }
            source = .learned(taggable: taggable, carriers: learned)
        }
        for (i, tag) in required.enumerated() where index[tag.key] == nil { index[tag.key] = i }
    }

    private static func count(_ carrier: inout (count: Int, resource: Int), _ resource: Int) {
        if carrier.resource != resource { carrier = (carrier.count + 1, resource) }
    }

    /// The required tags that one way the tags can turn out lacks. Few
    /// tags are compared directly; many (a learned policy of a dozen keys)
    /// through the index, so the work grows with the tags, not their square.
    func missing(from outcome: ResourceTags.Outcome) -> [RequiredTag] {
        if required.count * outcome.tags.count <= 64 {
            return required.filter { tag in !outcome.tags.contains { $0.key == tag.key } }
        }
        var carried = [Bool](repeating: false, count: required.count)
        for tag in outcome.tags { if let i = index[tag.key] { carried[i] = true } }
        return required.indices.filter { !carried[$0] }.map { required[$0] }
    }

    /// True when some required tag must have a particular value.
    var requiresValues: Bool { required.contains { $0.value != nil } }

    /// Why `key` is required, for the finding's message.
    func reason(for key: String) -> String {
        switch source {
        case .configured:
            return "required by tagging.required"
        case .learned(let taggable, let carriers):
            return "\(carriers[key] ?? 0) of \(taggable) taggable resources carry \(key)"
        }
    }
}
