/// Something wrong with a file's text, found while reading it. The rules
/// layer turns each kind into a `syntax` finding with its own rule id.
public struct ParseIssue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// libyaml could not read the text.
        case malformed
        /// The bytes are no text YAML can hold: control characters (a binary
        /// file) or invalid UTF-8; the range is the first such byte.
        case notText
        /// A mapping repeats a key; CloudFormation would silently keep one.
        case duplicateKey
        /// A `!Tag` that is neither a CloudFormation short form nor a core YAML tag.
        case unknownTag
        /// Nesting or alias expansion beyond what any template needs: refused
        /// before it can exhaust memory or stack.
        case tooComplex
        /// A mapping key that is a list, a mapping or a function call.
        case nonScalarKey
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange

    public init(_ kind: Kind, _ message: String, at range: SourceRange) {
        self.kind = kind
        self.message = message
        self.range = range
    }
}

/// Bounds that keep hostile input from costing more than a real template.
public struct ParseLimits: Sendable {
    /// Deeper than any real template (they rarely pass 30) and shallow enough
    /// that every recursive walk over the tree stays far from the stack's end.
    public var maxDepth: Int
    /// Nodes after alias expansion: a 1 MB template has about 100,000.
    public var maxExpandedNodes: Int

    public init(maxDepth: Int = 200, maxExpandedNodes: Int = 2_000_000) {
        self.maxDepth = maxDepth
        self.maxExpandedNodes = maxExpandedNodes
    }
}

/// The parser's output: the tree (nil for an empty document or a fatal error)
/// and everything wrong that was found on the way.
public struct ParsedDocument: Sendable {
    public var root: Node?
    public var issues: [ParseIssue]
    /// True when the text holds `!Rain::` directives: a tool rewrites the
    /// template (adding resources, embedding files) before CloudFormation reads it.
    public var usesPreprocessor: Bool
}
