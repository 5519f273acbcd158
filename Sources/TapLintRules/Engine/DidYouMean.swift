import TapLintCore

extension Violation {
    /// A violation about a misspelt name: the message gains "did you mean"
    /// and the fix names the closest candidate, when one is close enough.
    init<S: Sequence>(at range: SourceRange, path: [PathElement], message: String, resource: String? = nil,
                      misspelt name: String, candidates: S) where S.Element == String {
        guard let guess = Suggestion.closest(to: name, in: candidates) else {
            self.init(at: range, path: path, message: message, resource: resource)
            return
        }
        self.init(at: range, path: path, message: message + "; did you mean '\(guess)'?", resource: resource,
                  fix: "use '\(guess)'")
    }
}
