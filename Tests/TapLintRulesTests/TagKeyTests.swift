import Testing
@testable import TapLintRules

@Suite struct TagKeyTests {
    @Test(arguments: [("aws:team", true), ("AWS:team", true), ("Aws:", true), ("aws", false), ("awsteam", false),
                      ("aw", false), ("", false), ("team:aws:", false), ("äws:", false)])
    func reservedPrefixIsReadInAnyCase(_ key: String, _ reserved: Bool) {
        #expect(InvalidTagKey.isReserved(key) == reserved)
    }
}
