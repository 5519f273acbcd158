import TapLintCore

/// An ARN written into a template, split into its six fields. Fields the
/// template fills in at deploy time read `${Name}`.
///
/// A read-only class: the ARN rules each go through every ARN of a
/// template, and a copy of the struct retained its six fields and its
/// string's one by one.
final class ARN: Sendable {
    let text: String
    let partition: String
    let service: String
    let region: String
    let account: String
    let resource: String
    /// The string it was found in.
    let source: BuiltString
    /// Where its `arn:` starts in the string's text, in bytes.
    let offset: Int

    init(text: String, partition: String, service: String, region: String, account: String, resource: String,
         source: BuiltString, offset: Int) {
        (self.text, self.partition, self.service, self.region) = (text, partition, service, region)
        (self.account, self.resource, self.source, self.offset) = (account, resource, source, offset)
    }

    /// Where each field starts in the string's text, in bytes.
    var partitionRange: Range<Int> { (offset + 4)..<(offset + 4 + partition.utf8.count) }
    var regionRange: Range<Int> {
        let start = partitionRange.upperBound + 1 + service.utf8.count + 1
        return start..<(start + region.utf8.count)
    }
    var accountRange: Range<Int> { (regionRange.upperBound + 1)..<(regionRange.upperBound + 1 + account.utf8.count) }

    /// The edits that make a field read a pseudo parameter, where that is
    /// certain: `spelled`, the literal values the template's ARNs give that
    /// field, holds this one alone (two accounts mean one is someone else's).
    func edits(putting pseudo: String, at field: Range<Int>, spelled: Set<String>, template: Template) -> [TextEdit]? {
        guard spelled.count == 1 else { return nil }
        return PseudoParameterFix.edits(putting: pseudo, at: field, in: source, template: template)
    }

    /// The literal values the ARNs give one field.
    static func spelled(_ arns: [ARN], _ field: (ARN) -> String) -> Set<String> {
        Set(arns.lazy.map(field).filter(isLiteral))
    }

    /// Every ARN in a built string: each `arn:` that starts a word, up to the
    /// next space, quote or comma (a string may hold several, e.g. JSON).
    /// Every delimiter is ASCII, so the scan runs over the text's UTF-8
    /// bytes in place, each `a` found with `memchr`.
    static func all(in string: BuiltString) -> [ARN] {
        string.text.withBytes { bytes in
            var found: [ARN] = []
            var i = 0
            while true {
                let start = ByteSearch.offset(of: UInt8(ascii: "a"), in: bytes, from: i)
                guard start + 4 <= bytes.count else { break }
                i = start + 1
                guard bytes[start + 1] == UInt8(ascii: "r"), bytes[start + 2] == UInt8(ascii: "n"),
                      bytes[start + 3] == UInt8(ascii: ":") else { continue }
                i = start + 4
                if start > 0, bytes[start - 1].isWordByte { continue }
                var end = i
                while end < bytes.count, !bytes[end].endsARN { end += 1 }
                let arn = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let fields = Self.fields(arn)
                guard fields.count == 6 else { continue }
                // Most ARNs are their string's whole text, which is kept, not copied.
                let text = arn.count == bytes.count ? string.text : String(decoding: arn, as: UTF8.self)
                found.append(ARN(text: text, partition: fields[1], service: fields[2], region: fields[3],
                                 account: fields[4], resource: fields[5], source: string, offset: start))
            }
            return found
        }
    }

    /// The six fields, split at colons outside `${…}` (`${AWS::Region}` is one
    /// field); the resource part keeps any colons of its own.
    static func fields(_ text: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(6)
        var fieldStart = 0
        var depth = 0
        for i in 0..<text.count {
            switch text[i] {
            case UInt8(ascii: ":") where depth == 0 && fields.count < 5:
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: text[fieldStart..<i]), as: UTF8.self))
                fieldStart = i + 1
            case UInt8(ascii: "{") where i > fieldStart && text[i - 1] == UInt8(ascii: "$"):
                depth += 1
            case UInt8(ascii: "}") where depth > 0:
                depth -= 1
            default:
                break
            }
        }
        fields.append(String(decoding: UnsafeBufferPointer(rebasing: text[fieldStart...]), as: UTF8.self))
        return fields
    }

    /// Every ARN in the given strings.
    static func all(in strings: [BuiltString]) -> [ARN] {
        strings.flatMap { all(in: $0) }
    }

    /// Twelve digits: an AWS account id.
    static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A region name such as `us-east-1` or `us-gov-west-1`: two letters,
    /// one or more `-word`s, then `-` and a digit. Checked by hand because a
    /// regex literal is compiled again every time it is evaluated.
    static func isRegion(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        func letters(_ part: Substring.UTF8View) -> Bool {
            !part.isEmpty && part.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
        }
        guard parts.count >= 3, parts[0].count == 2, letters(parts[0]), let last = parts.last, last.count == 1,
              let digit = last.first, digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return false }
        return parts.dropFirst().dropLast().allSatisfy(letters)
    }

    /// True when a field is written out rather than filled in at deploy time.
    static func isLiteral(_ field: String) -> Bool {
        !field.isEmpty && !field.containsBytes("${") && field != "*"
    }
}

extension UInt8 {
    /// A space, quote, comma, newline or tab: what ends an ARN in a text.
    fileprivate var endsARN: Bool {
        switch self {
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "\n"), UInt8(ascii: "\t"): true
        default: false
        }
    }

    /// A letter, digit or any byte of a non-ASCII character: what may not
    /// come right before an `arn:` that starts a word.
    fileprivate var isWordByte: Bool {
        self >= 0x80 || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
            || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "z"))
    }
}
