/// "Did you mean …?" for misspelt names.
public enum Suggestion {
    /// The candidate closest to `name` by edit distance (ignoring case), if it
    /// is close enough to be a plausible typo: at most `limit` edits, by
    /// default a third of the name.
    ///
    /// Names are nearly always ASCII, where a byte is a character: those are
    /// compared as bytes, and a candidate whose length alone puts it out of
    /// reach is passed over. Lowercasing each candidate and breaking it into
    /// characters cost 18 million instructions to go through the catalog's
    /// 1,500 resource types for one unknown type.
    public static func closest<S: Sequence>(to name: String, in candidates: S, limit: Int? = nil) -> String?
        where S.Element == String {
        let limit = limit ?? max(1, name.count / 3)
        var best: (name: String, distance: Int)?
        let lowered = name.lowercased()
        let bytes = isPlainASCII(lowered) ? Array(lowered.utf8) : nil
        let characters = bytes == nil ? Array(lowered) : []
        for candidate in candidates {
            let distance: Int
            if let bytes, isPlainASCII(candidate) {
                if abs(candidate.utf8.count - bytes.count) > limit { continue }
                distance = editDistance(bytes, candidate.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, limit: limit)
            } else {
                distance = editDistance(bytes == nil ? characters : Array(lowered), Array(candidate.lowercased()), limit: limit)
            }
            if distance > limit { continue }
            if let current = best, (current.distance, current.name) <= (distance, candidate) { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// True when every character of `text` is one ASCII byte: no byte above
    /// 127 and no carriage return (`\r\n` is one character of two bytes).
    private static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 128 && $0 != 13 }
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
