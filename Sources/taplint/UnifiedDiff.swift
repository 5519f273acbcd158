/// A unified diff of two versions of a file, as `diff -u` prints it, for
/// `check --fix --diff`. Fixes change few lines, so the lines are matched
/// greedily: where they differ, the nearest pair of equal lines ahead
/// resynchronises them.
enum UnifiedDiff {
    static let context = 3

    static func render(old: [UInt8], new: [UInt8], name: String) -> String {
        let a = lines(old), b = lines(new)
        // Each step: (old index, new index, kind) with kind " ", "-" or "+".
        var steps: [(Int, Int, Character)] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                steps.append((i, j, " "))
                (i, j) = (i + 1, j + 1)
                continue
            }
            let (skipA, skipB) = resync(a, i, b, j)
            for k in 0..<skipA { steps.append((i + k, j, "-")) }
            for k in 0..<skipB { steps.append((i + skipA, j + k, "+")) }
            (i, j) = (i + skipA, j + skipB)
        }
        var out = ""
        var index = 0
        while index < steps.count {
            guard steps[index].2 != " " else { index += 1; continue }
            // A hunk: this change, the changes within twice the context
            // after it, and the context around them.
            let start = max(0, index - context)
            var end = index
            while end < steps.count {
                if steps[end].2 != " " { end += 1; continue }
                var next = end
                while next < steps.count, steps[next].2 == " " { next += 1 }
                if next < steps.count, next - end <= 2 * context { end = next } else { break }
            }
            end = min(steps.count, end + context)
            let hunk = steps[start..<end]
            let oldCount = hunk.count { $0.2 != "+" }, newCount = hunk.count { $0.2 != "-" }
            if out.isEmpty { out += "--- a/\(name)\n+++ b/\(name)\n" }
            let oldStart = (hunk.first { $0.2 != "+" }?.0 ?? steps[start].0) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first { $0.2 != "-" }?.1 ?? steps[start].1) + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for (x, y, kind) in hunk {
                let line = kind == "+" ? b[y] : a[x]
                out += String(kind) + String(decoding: line, as: UTF8.self)
                if line.last != UInt8(ascii: "\n") { out += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return out
    }

    /// Lines with their line ends kept (CRLF stays CRLF).
    private static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// How many lines of each side to pass over before they agree again:
    /// the pair of equal lines nearest ahead (fewest lines passed over).
    private static func resync(_ a: [ArraySlice<UInt8>], _ i: Int, _ b: [ArraySlice<UInt8>], _ j: Int) -> (Int, Int) {
        // Far apart, the rest differs: fixes never move lines that far.
        let limit = min(max(a.count - i, b.count - j), 2_000)
        for distance in 1...max(1, limit) {
            for skipA in 0...distance {
                let skipB = distance - skipA
                guard i + skipA <= a.count, j + skipB <= b.count else { continue }
                if i + skipA == a.count, j + skipB == b.count { return (skipA, skipB) }
                if i + skipA < a.count, j + skipB < b.count, a[i + skipA] == b[j + skipB] { return (skipA, skipB) }
            }
        }
        return (a.count - i, b.count - j)
    }
}
