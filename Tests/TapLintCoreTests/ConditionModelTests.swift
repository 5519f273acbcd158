import Testing
@testable import TapLintCore

/// Conditions decided over the values parameters can take.
@Suite struct ConditionModelTests {
    func model(_ text: String) throws -> ConditionModel {
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        return ConditionModel(try #require(Template(root: root)))
    }

    let template = """
        Parameters:
          Mode: {Type: String, AllowedValues: [push, pull]}
          Stage: {Type: String, Default: dev}
        Conditions:
          IsPush: !Equals [!Ref Mode, push]
          IsPull: !Not [!Condition IsPush]
          IsProd: !Equals [prod, !Ref Stage]
          ProdPush: !And [!Condition IsPush, !Condition IsProd]
          Lookup: !Equals [!FindInMap [M, !Ref AWS::Region, k], "true"]
        Resources: {}
        """

    @Test func answersNameTheValuesThatMatter() throws {
        let conditions = try model(template)
        #expect(conditions.solve(.condition("IsPush", false)) == .when([.init(parameter: "Mode", value: "pull", named: ["push", "pull"])]))
        // An open parameter: the compared value, the default, and any other.
        let notProd = conditions.solve(.condition("IsProd", false))
        #expect(notProd == .when([.init(parameter: "Stage", value: "dev", named: ["dev", "prod"])]))
        #expect(notProd.description.contains("Stage=dev"))
    }

    @Test func implicationAndContradictionAreExact() throws {
        let conditions = try model(template)
        // ProdPush implies IsPush: no values make ProdPush true and IsPush false.
        #expect(conditions.solve(.all([.condition("ProdPush", true), .condition("IsPush", false)])) == .never)
        #expect(conditions.solve(.all([.condition("IsPush", true), .condition("IsPull", true)])) == .never)
        #expect(conditions.solve(.all([.condition("IsPush", true), .condition("IsProd", false)])) != .never)
        #expect(conditions.solve(.any([.condition("IsPush", true), .condition("IsPull", true)])) != .never)
    }

    @Test func whatCannotBeReadIsUnknown() throws {
        let conditions = try model(template)
        #expect(conditions.solve(.condition("Lookup", true)) == .unknown)
        #expect(conditions.solve(.condition("Lookup", false)) == .unknown)
        #expect(conditions.solve(.condition("Undefined", true)) == .unknown)
    }

    @Test func aConditionThatNamesItselfIsUnknownNotAHang() throws {
        let conditions = try model("""
            Conditions:
              A: !And [!Condition B, !Equals [x, x]]
              B: !Not [!Condition A]
            Resources: {}
            """)
        #expect(conditions.solve(.condition("A", true)) == .unknown)
    }

    @Test func tooManyCombinationsIsUnknown() throws {
        // 13 parameters of 2 values each: 8192 combinations, over the bound.
        let names = (0..<13).map { "P\($0)" }
        let text = "Parameters:\n" + names.map { "  \($0): {Type: String, AllowedValues: [a, b]}" }.joined(separator: "\n")
            + "\nConditions:\n  All: !And\n" + names.map { "    - !Equals [!Ref \($0), a]" }.joined(separator: "\n")
            + "\nResources: {}\n"
        #expect(try model(text).solve(.condition("All", true)) == .unknown)
    }
}

extension ConditionModel.Answer: CustomStringConvertible {
    public var description: String {
        switch self {
        case .never: "never"
        case .unknown: "unknown"
        case .when(let settings): settings.map(\.description).joined(separator: ", ")
        }
    }
}
