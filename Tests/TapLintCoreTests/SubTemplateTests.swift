import Testing
@testable import TapLintCore

/// `SubTemplate` reads a text byte by byte; these tests hold it to a
/// splitter written plainly with characters, on texts that try its edges:
/// escapes, spaces around names, unclosed variables, text that is not ASCII.
struct SubTemplateTests {
    /// The plain splitter: what `Fn::Sub` means, one code point at a time.
    private static func reference(_ text: String) -> (parts: [SubTemplate.Part], literalText: String) {
        let scalars = Array(text.unicodeScalars)
        func string(_ range: Range<Int>) -> String {
            var made = String.UnicodeScalarView()
            made.append(contentsOf: scalars[range])
            return String(made)
        }
        var parts: [SubTemplate.Part] = []
        var literal = ""
        var i = 0, run = 0
        while i + 1 < scalars.count {
            guard scalars[i] == "$", scalars[i + 1] == "{" else {
                i += 1
                continue
            }
            guard let close = scalars[(i + 2)...].firstIndex(of: "}") else { break }
            literal += string(run..<i)
            if i + 2 < close, scalars[i + 2] == "!" {
                literal += "${" + string((i + 3)..<close) + "}"
            } else {
                if !literal.isEmpty { parts.append(.literal(literal)) }
                literal = ""
                parts.append(.variable(string((i + 2)..<close).trimmingSpaces, offset: i))
            }
            i = close + 1
            run = i
        }
        literal += string(run..<scalars.count)
        if !literal.isEmpty { parts.append(.literal(literal)) }
        let literalText = parts.map { part -> String in
            switch part {
            case .literal(let text): text
            case .variable(let name, _): "${\(name)}"
            }
        }.joined()
        return (parts, literalText)
    }

    static let texts = [
        "", "plain", "${A}", "${A}${B}", "x${A}y", "${!A}", "a${!A}b${B}c", "${ A }", "${  A.Arn  }", "${}", "${ }",
        "${!}", "${A", "$", "${", "}${A}{", "$${A}", "${A}}", "arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}-${Res.Attr}${unclosed",
        "é${A}ü${B}", "${ é }", "${ \u{301}A}", "${A \u{301}}", "${\u{600} }", "日本${名前}語", "${!日本}", "${A}\n${B}",
        "line\nbreak ${!X} ${ Y }", String(repeating: "${A}-", count: 40),
    ]

    @Test(arguments: texts) func splitsAsThePlainReaderDoes(_ text: String) {
        let sub = SubTemplate(text)
        let expected = Self.reference(text)
        #expect(sub.parts == expected.parts)
        #expect(sub.literalText == expected.literalText)
    }

    /// What `readsAsWritten` says without splitting, splitting confirms: a
    /// text it passes has itself as literal text. (It may refuse some that
    /// do, such as `a }`: those are split.)
    @Test(arguments: texts + ["a }", "${A} }", "${ ", "x ${!"]) func readsAsWrittenOnlyWhenItDoes(_ text: String) {
        if SubTemplate.readsAsWritten(text) { #expect(SubTemplate(text).literalText == text) }
    }

    @Test func literalTextIsTheTextWhenNothingChanges() {
        #expect(SubTemplate("arn:${AWS::Partition}:s3:::${Bucket}/*").literalText == "arn:${AWS::Partition}:s3:::${Bucket}/*")
        #expect(SubTemplate("${ Bucket }").literalText == "${Bucket}")
        #expect(SubTemplate("${!Bucket}").literalText == "${Bucket}")
    }
}
