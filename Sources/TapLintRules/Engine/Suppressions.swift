import TapLintCore

/// Where a template's author silenced rules, and whether each silenced anything.
///
/// Three places, from widest to narrowest: the template's
/// `Metadata: taplint: ignore:`, a resource's, and a `# taplint: ignore
/// RULE[,RULE] -- reason` comment, which covers its own line and the next
/// (for a single policy statement or property that Metadata cannot reach).
struct Suppressions {
    struct Suppression {
        enum Scope: Equatable {
            case template
            case resource(String)
            /// A comment on this line: it covers the line and the one below.
            case line(Int)
        }

        var rules: [String]
        var reason: String?
        var scope: Scope
        var range: SourceRange
        var path: [PathElement]
        var used = false
        /// Translated from cfn-lint's `ignore_checks`: it may name checks
        /// taplint does not have, so it is never reported as unused.
        var fromCfnLint = false

        func covers(_ finding: Finding) -> Bool {
            switch scope {
            case .template: break
            case .resource(let name): guard finding.resource == name else { return false }
            case .line(let line): guard finding.range.start.line == line || finding.range.start.line == line + 1 else { return false }
            }
            return rules.contains { entry in
                entry.uppercased() == finding.rule || entry == finding.name || entry == finding.category.rawValue
            }
        }
    }

    private(set) var all: [Suppression] = []

    init(template: Template, source: [UInt8]) {
        read(template.root["Metadata"], scope: .template, path: [.key("Metadata")])
        for resource in template.resources {
            read(resource.body["Metadata"], scope: .resource(resource.name),
                 path: [.key("Resources"), .key(resource.name), .key("Metadata")])
        }
        all += Self.comments(in: source)
    }

    /// Removes the findings a suppression covers, marking it used.
    mutating func filter(_ findings: [Finding]) -> [Finding] {
        findings.filter { finding in
            guard let index = all.firstIndex(where: { $0.covers(finding) }) else { return true }
            all[index].used = true
            return false
        }
    }

    /// `Metadata: {taplint: {ignore: [{rule: X, reason: Y}, …]}}`; a bare
    /// rule name in the list is accepted, without a reason.
    private mutating func read(_ metadata: Node?, scope: Suppression.Scope, path: [PathElement]) {
        readCfnLint(metadata, scope: scope, path: path)
        guard let list = metadata?["taplint"]?["ignore"]?.sequence else { return }
        let base = path + [.key("taplint"), .key("ignore")]
        for (i, item) in list.enumerated() {
            let rule = item.string ?? item["rule"]?.string
            guard let rule else { continue }
            let reason = item["reason"]?.string.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
            let at = item["rule"]?.valueRange ?? item.valueRange
            all.append(Suppression(rules: [rule], reason: reason, scope: scope, range: at, path: base + [.index(i)]))
        }
    }

    /// `Metadata: {cfn-lint: {config: {ignore_checks: [W3005]}}}`, translated.
    private mutating func readCfnLint(_ metadata: Node?, scope: Suppression.Scope, path: [PathElement]) {
        guard let list = metadata?["cfn-lint"]?["config"]?["ignore_checks"]?.sequence else { return }
        let base = path + [.key("cfn-lint"), .key("config"), .key("ignore_checks")]
        for (i, item) in list.enumerated() {
            guard let id = item.string, let rules = CfnLintEquivalents.taplintRules(for: id) else { continue }
            all.append(Suppression(rules: rules, reason: "cfn-lint ignore_checks \(id)", scope: scope,
                                   range: item.valueRange, path: base + [.index(i)], fromCfnLint: true))
        }
    }

    /// Finds `# taplint: ignore A,B -- reason` comments in the raw text; the
    /// YAML reader drops comments, so they are read here. A `#` counts only
    /// at the start of a line or after white space, as YAML comments do.
    static func comments(in source: [UInt8]) -> [Suppression] {
        let marker = Array("taplint:".utf8)
        // Most templates have no such comment; a byte search says so
        // before any line is looked at.
        let mentioned = source.withUnsafeBufferPointer { bytes in
            marker.withUnsafeBufferPointer { ByteSearch.contains(bytes, needle: $0) }
        }
        guard mentioned else { return [] }
        var found: [Suppression] = []
        var line = 1
        var lineStart = 0
        var i = 0
        while i < source.count {
            let byte = source[i]
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = i + 1
            } else if byte == UInt8(ascii: "#"), i == lineStart || source[i - 1] == UInt8(ascii: " ") || source[i - 1] == UInt8(ascii: "\t") {
                var end = i
                while end < source.count, source[end] != UInt8(ascii: "\n") { end += 1 }
                var text = String(decoding: source[(i + 1)..<end], as: UTF8.self).trimmingSpaces
                if text.utf8.starts(with: marker) {
                    text = String(text.dropFirst(marker.count)).trimmingSpaces
                    if text.hasPrefix("ignore ") || text == "ignore" {
                        let column = source[lineStart..<i].count { $0 & 0xC0 != 0x80 } + 1
                        found.append(comment(String(text.dropFirst("ignore".count)), line: line, column: column,
                                             length: source[i..<end].count { $0 & 0xC0 != 0x80 }))
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    private static func comment(_ text: String, line: Int, column: Int, length: Int) -> Suppression {
        var rulesText = Substring(text)
        var reason: String?
        if let dashes = text.firstRange(of: "--") {
            rulesText = text[..<dashes.lowerBound]
            let rest = String(text[dashes.upperBound...]).trimmingSpaces
            reason = rest.isEmpty ? nil : rest
        }
        let rules = rulesText.split { $0 == "," || $0 == " " }.map(String.init)
        let range = SourceRange(start: SourcePosition(line: line, column: column),
                                end: SourcePosition(line: line, column: column + length))
        return Suppression(rules: rules, reason: reason, scope: .line(line), range: range, path: [])
    }
}
