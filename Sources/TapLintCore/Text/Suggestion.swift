/// "Did you mean …?" for misspelt names.
public enum Suggestion {
    /// The candidate closest to `name` by edit distance (ignoring case), if it
    /// is close enough to be a plausible typo: at most `limit` edits, by
    /// default a third of the name.
    public static func closest<S: Sequence>(to name: String, in candidates: S, limit: Int? = nil) -> String?
        where S.Element == String {
        let limit = limit ?? max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        let target = Array(name.lowercased())
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()), limit: limit)
            if distance > limit { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// Every candidate, most like `name` first: those that contain it or that
    /// it contains (ignoring case: `Arn` → `TopicArn`), then by edit
    /// distance, then by name. For listing what exists when no candidate is
    /// close enough to be a typo.
    public static func ranked(_ candidates: [String], like name: String) -> [String] {
        let target = name.lowercased()
        let scored = candidates.map { candidate -> (name: String, contained: Bool, distance: Int) in
            let lower = candidate.lowercased()
            let contained = !target.isEmpty && (lower.contains(target) || target.contains(lower))
            let distance = editDistance(Array(target), Array(lower), limit: max(target.count, lower.count))
            return (candidate, contained, distance)
        }
        return scored.sorted { a, b in
            if a.contained != b.contained { return a.contained }
            return (a.distance, a.name) < (b.distance, b.name)
        }.map(\.name)
    }

    /// Edit distance where swapping two neighbouring characters is one
    /// edit (`Tabel` → `Table`), as typos go; gives up (returning limit + 1)
    /// once the distance must exceed `limit`. Inlinable, so that other
    /// modules get it specialised for their element type.
    @inlinable
    public static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
