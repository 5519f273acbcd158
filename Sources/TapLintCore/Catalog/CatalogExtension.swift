/// A constraint one of cfn-lint's rules adds to the registry schemas, as
/// scripts/gen-catalog carries it: where it applies and the JSON Schema it
/// holds that place to (an if/then between properties, or the values some
/// region offers).
public struct CatalogExtension: Sendable {
    /// cfn-lint's rule id (`E3638`); its first letter is the severity.
    public var rule: String
    /// Property names below the resource's Properties; `*` is every item of a list.
    public var path: [String]
    /// cfn-lint's description of the rule.
    public var summary: String
    /// The schema, parsed from the catalog's JSON.
    public var schema: Node

    /// The constraints on a resource type, in catalog order.
    public static func all(for type: String) -> [CatalogExtension] {
        guard let lines = lines[type] else { return [] }
        return parsed.value(for: type) { lines.compactMap(parse) }
    }

    /// The cfn-lint rule ids the catalog carries, for cfn-lint suppressions.
    public static let rules: Set<String> = Set(lines.values.flatMap { $0.map { field(0, of: $0) } })

    private static let parsed = Memo<[CatalogExtension]>()

    /// Where each type's lines are in the catalog's text, found with one
    /// pass over its bytes; a line is read into fields only when its type
    /// is linted.
    private static let lines: [String: [Range<Int>]] = Catalog.extensions.withUTF8Buffer { bytes in
        var byType: [String: [Range<Int>]] = [:]
        // The lines are found with `memchr` (`lineStarts`): a byte loop over
        // the schemas' text cost every run most of a million instructions.
        let starts = lineStarts(of: Catalog.extensions)
        for (i, start) in starts.enumerated() {
            var end = i + 1 < starts.count ? starts[i + 1] - 1 : bytes.count
            if i + 1 == starts.count, end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            // The type is the second field, up to its first `/` or tab.
            if let tab = bytes[start..<end].firstIndex(of: UInt8(ascii: "\t")) {
                let typeEnd = bytes[(tab + 1)..<end].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\t") } ?? end
                byType[String(decoding: bytes[(tab + 1)..<typeEnd], as: UTF8.self), default: []].append(start..<end)
            }
        }
        return byType
    }

    /// The four tab-separated fields of the line at `range`, as ranges of
    /// the text; the last (the schema) runs to the line's end, unread. The
    /// generic `split` of a buffer slice cost a fifth of a million
    /// instructions in runtime type lookups on its first use.
    private static func fields(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var start = range.lowerBound
        while fields.count < 3, let tab = bytes[start..<range.upperBound].firstIndex(of: UInt8(ascii: "\t")) {
            fields.append(start..<tab)
            start = tab + 1
        }
        fields.append(start..<range.upperBound)
        return fields
    }

    /// Field `index` (of four) of the line at `range`.
    private static func field(_ index: Int, of range: Range<Int>) -> String {
        Catalog.extensions.withUTF8Buffer { bytes in
            let fields = fields(of: range, in: bytes)
            return index < fields.count ? String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self) : ""
        }
    }

    private static func parse(_ range: Range<Int>) -> CatalogExtension? {
        let schema = Catalog.extensions.withUTF8Buffer { bytes -> Node? in
            guard let last = fields(of: range, in: bytes).last else { return nil }
            let json = UnsafeBufferPointer(rebasing: bytes[last])
            return CatalogJSON.parse(json) ?? YAMLParser.parse(Array(json)).root
        }
        guard let schema else { return nil }
        return CatalogExtension(rule: field(0, of: range), path: field(1, of: range).split(separator: "/").dropFirst().map(String.init),
                                summary: field(2, of: range), schema: schema)
    }
}
