extension String {
    /// Whether `needle` occurs in the string, compared byte for byte as
    /// UTF-8. Rules ask this of every string in a template, and the standard
    /// `contains(_:)` compares whole characters, many times slower; for the
    /// ASCII needles rules look for the answer is the same.
    public func containsBytes(_ needle: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            let count = needle.utf8CodeUnitCount
            guard count > 0 else { return true }
            guard haystack.count >= count else { return false }
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: count)
            let first = pattern[0]
            var i = 0
            while i <= haystack.count - count {
                if haystack[i] == first {
                    var j = 1
                    while j < count, haystack[i + j] == pattern[j] { j += 1 }
                    if j == count { return true }
                }
                i += 1
            }
            return false
        }
    }
}
