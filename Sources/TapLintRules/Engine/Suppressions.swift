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
        /// What deleting it takes, where that is certain: a comment's bytes,
        /// or a Metadata list item's lines (and the lines of the `taplint`
        /// entry, or of the whole `Metadata`, when every item goes).
        var removal: Removal?

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

    /// How to delete a suppression.
    struct Removal {
        var own: TextEdit
        /// The lines to delete instead when every suppression of the same
        /// list goes, and the list's path, which they share.
        var whole: TextEdit?
        var list: [PathElement]?
    }

    private(set) var all: [Suppression] = []

    init(template: Template, source: [UInt8]) {
        read(template.root.entry("Metadata"), scope: .template, path: [.key("Metadata")])
        for resource in template.resources {
            read(resource.body.entry("Metadata"), scope: .resource(resource.name),
                 path: [.key("Resources"), .key(resource.name), .key("Metadata")])
        }
        all += Self.comments(in: source)
    }

    /// Removes the findings a suppression covers, marking it used. A
    /// comment covers lines of `file` only, not a finding in the old version.
    mutating func filter(_ findings: [Finding], in file: String) -> [Finding] {
        // Most templates silence nothing: their findings are handed on, not copied.
        guard !all.isEmpty else { return findings }
        return findings.filter { finding in
            guard let index = all.firstIndex(where: { suppression in
                if case .line = suppression.scope, finding.file != file { return false }
                return suppression.covers(finding)
            }) else { return true }
            all[index].used = true
            return false
        }
    }

    /// `Metadata: {taplint: {ignore: [{rule: X, reason: Y}, …]}}`; a bare
    /// rule name in the list is accepted, without a reason.
    private mutating func read(_ entry: Entry?, scope: Suppression.Scope, path: [PathElement]) {
        let metadata = entry?.value
        readCfnLint(metadata, scope: scope, path: path)
        guard let ignore = metadata?["taplint"]?["ignore"], let list = ignore.sequence else { return }
        let base = path + [.key("taplint"), .key("ignore")]
        let whole = entry.flatMap { Self.wholeRemoval($0) }
        for (i, item) in list.enumerated() {
            let rule = item.string ?? item["rule"]?.string
            guard let rule else { continue }
            let reason = item["reason"]?.string.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 }
            let at = item["rule"]?.valueRange ?? item.valueRange
            var suppression = Suppression(rules: [rule], reason: reason, scope: scope, range: at, path: base + [.index(i)])
            if let own = Self.itemRemoval(item, in: ignore) { suppression.removal = Removal(own: own, whole: whole, list: base) }
            all.append(suppression)
        }
    }

    /// The lines of one item of a block list, when it has them to itself.
    private static func itemRemoval(_ item: Node, in list: Node) -> TextEdit? {
        guard let items = list.sequence, list.isBlockSequence else { return nil }
        let (start, end) = (item.range.start.line, item.lastLine)
        let others = items.filter { $0.range.start != item.range.start }
        guard !others.contains(where: { $0.range.start.line <= end && $0.lastLine >= start }) else { return nil }
        return .deletingLines(start, through: end)
    }

    /// The lines of Metadata's `taplint` entry, or of the whole Metadata
    /// when that is all it holds: block style only.
    private static func wholeRemoval(_ metadataEntry: Entry) -> TextEdit? {
        let metadata = metadataEntry.value
        guard let entries = metadata.mapping, metadata.isBlockMapping,
              metadata.range.start.line > metadataEntry.key.range.start.line, let entry = metadata.entry("taplint") else { return nil }
        if entries.count > 1 { return .deletingLines(entry.key.range.start.line, through: entry.value.lastLine) }
        return .deletingLines(metadataEntry.key.range.start.line, through: metadata.lastLine)
    }

    /// The edit that deletes an unused suppression: its own, or the whole
    /// block's when every suppression of its list is unused too.
    func removal(of suppression: Suppression) -> [TextEdit] {
        guard let removal = suppression.removal else { return [] }
        if let whole = removal.whole, let list = removal.list,
           !all.contains(where: { $0.removal?.list == list && ($0.used || $0.fromCfnLint) }) {
            return [whole]
        }
        return [removal.own]
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
                        var suppression = comment(String(text.dropFirst("ignore".count)), line: line, column: column,
                                                  length: source[i..<end].count { $0 & 0xC0 != 0x80 })
                        suppression.removal = Removal(own: commentRemoval(source, lineStart: lineStart, hash: i, end: end, line: line))
                        found.append(suppression)
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    /// A comment alone on its line goes with the line; one after a value
    /// goes with the blanks before it, the line end staying.
    private static func commentRemoval(_ source: [UInt8], lineStart: Int, hash: Int, end: Int, line: Int) -> TextEdit {
        let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        if source[lineStart..<hash].allSatisfy(blank) { return .deletingLines(line, through: line) }
        var from = hash
        while from > lineStart, blank(source[from - 1]) { from -= 1 }
        // A CRLF line keeps its carriage return.
        let to = end > hash && source[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
        let column = { (offset: Int) in source[lineStart..<offset].count { $0 & 0xC0 != 0x80 } + 1 }
        return TextEdit(range: SourceRange(start: SourcePosition(line: line, column: column(from)),
                                           end: SourcePosition(line: line, column: column(to))), text: "")
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
