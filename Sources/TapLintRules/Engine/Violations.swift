extension Sequence {
    /// The violations `judge` finds among the elements, in order: what
    /// `compactMap(judge)` gives, by a loop that binds each with `if let`.
    /// `compactMap` let go of every `Violation?` it was handed through the
    /// type's generic witness, a hundred instructions for each reference a
    /// rule judged.
    func violations(_ judge: (Element) -> Violation?) -> [Violation] {
        var found: [Violation] = []
        for element in self {
            if let violation = judge(element) { found.append(violation) }
        }
        return found
    }
}
