import Testing
@testable import TapLintCore

/// When a built name's change is certain: the change gate grades a
/// create-only name built with `Fn::Sub` or `Fn::Join` like a literal when
/// no value of its variables can make the two versions equal.
@Suite struct BuiltNameChangeTests {
    func differ(_ old: String, _ new: String) throws -> Bool {
        let a = try #require(YAMLParser.parse(Array("v: \(old)".utf8)).root?["v"])
        let b = try #require(YAMLParser.parse(Array("v: \(new)".utf8)).root?["v"])
        return SameValue.alwaysDiffer(a, b)
    }

    @Test func aLiteralChangeAroundTheSameValuesIsCertain() throws {
        #expect(try differ(#"!Sub "uploads-${AWS::AccountId}""#, #"!Sub "user-uploads-${AWS::AccountId}""#))
        #expect(try differ(#"!Sub "a-${Env}-b""#, #"!Sub "x-${Env}-b""#))
        #expect(try differ("!Join [-, [logs, !Ref Env]]", "!Join [-, [audit, !Ref Env]]"))
        #expect(try differ(#"!Sub ["${N}-a", {N: !Ref Env}]"#, #"!Sub ["${N}-b", {N: !Ref Env}]"#))
    }

    @Test func whatAValueCouldMakeUpForIsNot() throws {
        // The same length moved around a value: Env=x gives "xx" both times.
        #expect(try !differ(#"!Sub "x${Env}""#, #"!Sub "${Env}x""#))
        // Other values, or other functions, decide nothing.
        #expect(try !differ(#"!Sub "uploads-${Env}""#, #"!Sub "uploads-${Stage}""#))
        #expect(try !differ(#"!Sub "uploads-${Env}""#, "!Ref Name"))
        #expect(try !differ(#"!Sub "uploads-${Env}""#, #"!Sub "uploads-${Env}""#))
    }
}
