import TapLintCore

/// An ARN written into a template, split into its six fields. Fields the
/// template fills in at deploy time read `${Name}`.
struct ARN {
    var text: String
    var partition: String
    var service: String
    var region: String
    var account: String
    var resource: String
    /// The string it was found in.
    var source: BuiltString

    /// Every ARN in a built string: each `arn:` that starts a word, up to the
    /// next space, quote or comma (a string may hold several, e.g. JSON).
    static func all(in string: BuiltString) -> [ARN] {
        var found: [ARN] = []
        var rest = Substring(string.text)
        while let start = rest.firstRange(of: "arn:") {
            let before = rest[..<start.lowerBound].last
            let candidate = rest[start.lowerBound...].prefix { !" \"',\n\t".contains($0) }
            rest = rest[start.upperBound...]
            if let before, before.isLetter || before.isNumber { continue }
            let fields = Self.fields(candidate)
            guard fields.count == 6 else { continue }
            found.append(ARN(text: String(candidate), partition: fields[1], service: fields[2], region: fields[3],
                             account: fields[4], resource: fields[5], source: string))
        }
        return found
    }

    /// The six fields, split at colons outside `${…}` (`${AWS::Region}` is one
    /// field); the resource part keeps any colons of its own.
    static func fields(_ text: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if character == ":", depth == 0, fields.count < 5 {
                fields.append(current)
                current = ""
                continue
            }
            if character == "{", current.hasSuffix("$") { depth += 1 }
            if character == "}", depth > 0 { depth -= 1 }
            current.append(character)
        }
        fields.append(current)
        return fields
    }

    /// Every ARN in the template's resource properties.
    static func all(in template: Template) -> [ARN] {
        TemplateStrings.all(in: template).flatMap { all(in: $0) }
    }

    /// True when a field is written out rather than filled in at deploy time.
    static func isLiteral(_ field: String) -> Bool {
        !field.isEmpty && !field.contains("${") && field != "*"
    }
}
