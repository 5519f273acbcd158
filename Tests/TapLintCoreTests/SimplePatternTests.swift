import TapLintCore
import Testing

/// The fast path of schema patterns: what it takes, and that it answers
/// as Python's `re.search` does (the catalog-wide comparison with Python
/// is SchemaPatternTests; these are the forms it learned last).
@Suite struct SimplePatternTests {
    @Test func anchorsInsideAlternatives() {
        // IAM's Path: a lone slash at the start, or slashes around the end.
        let path = #"^(\u002F)|(\u002F[\u0021-\u007E]+\u002F)$"#
        #expect(SchemaPattern.hasFastPath(path))
        #expect(SchemaPattern.matches(path, "/"))
        #expect(SchemaPattern.matches(path, "/app/"))
        #expect(SchemaPattern.matches(path, "/app"), "the first branch needs only a leading slash")
        #expect(SchemaPattern.matches(path, "x/app/"), "the second needs only the trailing one")
        #expect(!SchemaPattern.matches(path, "app"))
        let emptyOrArn = #"^$|^arn:aws:kms:[a-z0-9-]+:\d{12}:key/.+$"#
        #expect(SchemaPattern.hasFastPath(emptyOrArn))
        #expect(SchemaPattern.matches(emptyOrArn, ""))
        #expect(SchemaPattern.matches(emptyOrArn, "arn:aws:kms:us-east-1:123456789012:key/abc"))
        #expect(!SchemaPattern.matches(emptyOrArn, "x"))
    }

    /// One set of bytes between the anchors, decided by one loop: the
    /// count bounds and every byte, as `re.search` decides them.
    @Test func oneSetBetweenTheAnchors() {
        let bounded = #"^[a-z0-9-]{2,3}$"#
        #expect(SchemaPattern.hasFastPath(bounded))
        #expect(SchemaPattern.matches(bounded, "ab") && SchemaPattern.matches(bounded, "a-9"))
        #expect(!SchemaPattern.matches(bounded, "a") && !SchemaPattern.matches(bounded, "abcd"))
        #expect(!SchemaPattern.matches(bounded, "aB"))
        #expect(SchemaPattern.matches(bounded, "ab\n"), "Python's $ matches before a final newline")
        let tag = #"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$"#
        #expect(SchemaPattern.matches(tag, "") && SchemaPattern.matches(tag, "cost center: a/b=c+d-e@f"))
        #expect(!SchemaPattern.matches(tag, "a,b") && !SchemaPattern.matches(tag, "semi;colon"))
        #expect(!SchemaPattern.matches(#"^[\p{L}]+$"#, ""), "one or more takes no empty text")
        #expect(SchemaPattern.matches(#"^[^\s]+$"#, "no-space") && !SchemaPattern.matches(#"^[^\s]+$"#, "a space"))
    }

    @Test func nestedAnchorsAndEndOfText() {
        let nested = #"^(?:^[\w-]{1,64}$)$"#
        #expect(SchemaPattern.hasFastPath(nested))
        #expect(SchemaPattern.matches(nested, "my-queue_1") && !SchemaPattern.matches(nested, "my queue"))
        let endOfText = #"^[.\-_/#A-Za-z0-9]{1,512}\Z"#
        #expect(SchemaPattern.hasFastPath(endOfText))
        #expect(SchemaPattern.matches(endOfText, "/a/b") && !SchemaPattern.matches(endOfText, "/a b"))
        #expect(!SchemaPattern.matches("a$b", "ab") && !SchemaPattern.matches("a^b", "ab"), "anchors in the middle never match")
    }

    @Test func hexEscapesBeyondASCIIMeetNoASCIIText() {
        let printable = #"^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]*$"#
        #expect(SchemaPattern.hasFastPath(printable))
        #expect(SchemaPattern.matches(printable, "Hello, world!\t"))
        #expect(!SchemaPattern.matches(printable, "bell\u{07}"))
        #expect(SchemaPattern.matches(printable, "café"), "non-ASCII text goes to Regex, which reads the range whole")
        #expect(SchemaPattern.matches(#"^\x41+$"#, "AAA") && !SchemaPattern.matches(#"^\x41+$"#, "AB"))
        #expect(!SchemaPattern.matches(#"^[\u00A1-\u00FF]$"#, "a"))
    }

    @Test func aRepeatedAnchorIsLeftToRegex() {
        #expect(!SchemaPattern.hasFastPath("^*a"))
        #expect(!SchemaPattern.hasFastPath("a$+"))
        #expect(!SchemaPattern.hasFastPath(#"\u00G1"#), "a malformed escape")
    }
}
