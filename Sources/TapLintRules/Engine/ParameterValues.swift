import TapLintCore

/// The parameter values one deployment gives a template: from `--parameters`
/// or a parameter file. With them, the rules judge the stack this
/// deployment creates rather than every stack the template could make.
public struct ParameterValues: Sendable {
    /// One value, and where it was written when it came from a file.
    public struct Given: Sendable {
        public var name: String
        public var value: String
        /// In `source`; nil for a value given on the command line.
        public var range: SourceRange?

        public init(name: String, value: String, range: SourceRange? = nil) {
            self.name = name
            self.value = value
            self.range = range
        }
    }

    /// What findings name as the values' origin: the parameter file as
    /// given, or `--parameters`.
    public var source: String
    /// In the order written; a later value for the same name replaces an earlier one.
    public private(set) var values: [Given] = []
    /// The stack's tags, which CloudFormation gives every resource of the
    /// stack that takes tags: key → value.
    public var stackTags: [String: String] = [:]
    /// Where each stack tag is written in `source`, when it came from a file.
    public var stackTagPlaces: [String: SourcePosition] = [:]

    public init(source: String, values: [Given] = []) {
        self.source = source
        for value in values { add(value) }
    }

    /// The value given for `name`, if any.
    public subscript(name: String) -> Given? { values.first { $0.name == name } }

    /// True for a parameter declared `NoEcho`: its value is never printed.
    static func isNoEcho(_ parameter: Node) -> Bool {
        parameter["NoEcho"]?.scalar?.value.lowercased() == "true"
    }

    /// Adds the values of a mapping of names to values (`key` is its name in the file).
    private mutating func add(_ mapping: Node, named key: String) throws(ParameterFileError) {
        guard let entries = mapping.mapping else {
            throw ParameterFileError(file: source, at: mapping.range.start, "\(key) must be an object of names and values")
        }
        for given in try Self.pairs(entries, file: source) { add(given) }
    }

    /// A mapping's names and string values, in order.
    fileprivate static func pairs(_ entries: [Entry], file: String) throws(ParameterFileError) -> [Given] {
        var pairs: [Given] = []
        for entry in entries {
            guard let name = entry.name, let text = entry.value.scalar?.value else {
                throw ParameterFileError(file: file, at: entry.value.range.start, "the value of \(entry.name ?? "an entry") must be a string")
            }
            pairs.append(Given(name: name, value: text, range: entry.value.range))
        }
        return pairs
    }

    /// Adds a value, replacing one given earlier for the same name.
    public mutating func add(_ given: Given) {
        values.removeAll { $0.name == given.name }
        values.append(given)
    }

    /// Values in the forms the AWS tools write them: the CLI's list
    /// (`[{"ParameterKey": …, "ParameterValue": …}]`) or a CodePipeline
    /// template configuration (`{"Parameters": {…}, "Tags": {…}}`).
    /// `UsePreviousValue` entries give no value here and are passed over.
    public static func read(_ bytes: [UInt8], file: String) throws(ParameterFileError) -> ParameterValues {
        let document = YAMLParser.parse(bytes)
        if let issue = document.issues.first {
            throw ParameterFileError(file: file, at: issue.range.start, issue.message)
        }
        guard let root = document.root else {
            throw ParameterFileError(file: file, at: SourcePosition(line: 1, column: 1), "the file is empty: expected parameter values")
        }
        var values = ParameterValues(source: file)
        if let entries = root.sequence {
            for entry in entries {
                guard entry.mapping != nil, let key = entry["ParameterKey"]?.string else {
                    throw ParameterFileError(file: file, at: entry.range.start, "each item must be an object with ParameterKey and ParameterValue")
                }
                if entry["UsePreviousValue"]?.scalar?.value.lowercased() == "true", entry["ParameterValue"] == nil { continue }
                guard let value = entry["ParameterValue"], let text = value.scalar?.value else {
                    throw ParameterFileError(file: file, at: entry.range.start, "parameter \(key) has no ParameterValue")
                }
                values.add(Given(name: key, value: text, range: value.range))
            }
            return values
        }
        guard root.mapping != nil, let parameters = root["Parameters"] else {
            throw ParameterFileError(file: file, at: root.range.start, """
                expected the CLI's list of {"ParameterKey", "ParameterValue"} or a CodePipeline configuration with "Parameters"
                """)
        }
        try values.add(parameters, named: "Parameters")
        try values.addStackTags(root["Tags"], named: "Tags")
        return values
    }
}

extension ParameterValues {
    /// A Git sync deployment file (`template-file-path`, `parameters`,
    /// `tags`): the template it deploys, as written, and its values.
    public static func readDeployment(_ bytes: [UInt8], file: String) throws(ParameterFileError) -> (template: String, values: ParameterValues) {
        let document = YAMLParser.parse(bytes)
        if let issue = document.issues.first {
            throw ParameterFileError(file: file, at: issue.range.start, issue.message)
        }
        guard let root = document.root, root.mapping != nil else {
            throw ParameterFileError(file: file, at: document.root?.range.start ?? SourcePosition(line: 1, column: 1),
                                     "expected a Git sync deployment file: an object with template-file-path")
        }
        guard let template = root["template-file-path"]?.string, !template.isEmpty else {
            throw ParameterFileError(file: file, at: root.entry("template-file-path")?.value.range.start ?? root.range.start,
                                     "template-file-path must name the template this file deploys")
        }
        var values = ParameterValues(source: file)
        if let parameters = root["parameters"], parameters.scalar?.isNull != true {
            try values.add(parameters, named: "parameters")
        }
        try values.addStackTags(root["tags"], named: "tags")
        return (template, values)
    }
}

extension ParameterValues {
    /// A file's stack tags: an object of keys and values, or none.
    fileprivate mutating func addStackTags(_ node: Node?, named key: String) throws(ParameterFileError) {
        guard let node, node.scalar?.isNull != true else { return }
        guard let entries = node.mapping else {
            throw ParameterFileError(file: source, at: node.range.start, "\(key) must be an object of keys and values")
        }
        for tag in try Self.pairs(entries, file: source) {
            stackTags[tag.name] = tag.value
            stackTagPlaces[tag.name] = tag.range?.start
        }
    }
}

/// A parameter file taplint cannot read, with the place that says why.
public struct ParameterFileError: Error, Sendable {
    public var file: String
    public var position: SourcePosition
    public var reason: String

    public init(file: String, at position: SourcePosition, _ reason: String) {
        self.file = file
        self.position = position
        self.reason = reason
    }

    /// `file:line:column: reason`, as compilers write it.
    public var message: String { "\(file):\(position.line):\(position.column): \(reason)" }
}
