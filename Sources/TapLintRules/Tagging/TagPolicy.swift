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

    init(configured: [RequiredTag]?, tags: [ResourceTags]) {
        if let configured {
            required = configured
            source = .configured
            return
        }
        var carriers: [String: Int] = [:]
        for resource in tags {
            var keys = Set<String>()
            for outcome in resource.outcomes { for tag in outcome.tags { keys.insert(tag.key) } }
            for key in keys { carriers[key, default: 0] += 1 }
        }
        let taggable = tags.count
        let learned = carriers.filter { _, count in
            count >= Self.learnedMinimum
                && count * Self.learnedShare.denominator >= taggable * Self.learnedShare.numerator
        }
        required = learned.keys.sorted().map { RequiredTag(key: $0, value: nil) }
        source = .learned(taggable: taggable, carriers: learned)
    }

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
