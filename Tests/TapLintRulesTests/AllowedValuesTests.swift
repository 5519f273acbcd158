@testable import TapLintCore
@testable import TapLintRules
import Testing

/// A value is judged against the schema's allowed values the same way
/// whether the list is short (compared one by one) or long (looked up).
@Suite struct AllowedValuesTests {
    static func constraint(_ values: [String]) -> ValueConstraint {
        let line = Array(values.map { "e=\($0)" }.joined(separator: "\t").utf8)
        return line.withUnsafeBufferPointer { ValueConstraint(fields: $0[...]) }
    }

    @Test(arguments: [3, 40, 1200])
    func allowedValuesAreFoundInListsOfEveryLength(count: Int) {
        let values = (0..<count).map { "m\($0 % 7).size\($0)" } + ["8", "2.5"]
        let constraint = Self.constraint(values)
        #expect(constraint.allowed == values)
        #expect(ValueCheck.problems(of: "m1.size1", under: constraint).isEmpty)
        #expect(ValueCheck.problems(of: values[count - 1], under: constraint).isEmpty)
        // Numbers compare as numbers.
        #expect(ValueCheck.problems(of: "8.0", under: constraint).isEmpty)
        #expect(ValueCheck.problems(of: "2.50", under: constraint).isEmpty)
        let wrong = ValueCheck.problems(of: "m1.size1x", under: constraint)
        #expect(wrong.count == 1 && wrong[0].0.contains("not an allowed value"))
        #expect(ValueCheck.problems(of: "M1.SIZE1", under: constraint).count == 1)
    }
}
