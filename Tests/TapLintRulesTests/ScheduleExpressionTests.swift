import Testing
@testable import TapLintRules

/// Schedule expressions as EventBridge and Scheduler document them: what
/// they take stays quiet, and each refusal names the part to change.
@Suite struct ScheduleExpressionTests {
    @Test(arguments: [
        "rate(1 minute)", "rate(5 minutes)", "rate(1 day)", "rate(12 hours)",
        "cron(0 10 * * ? *)", "cron(15 12 * * ? *)", "cron(0 18 ? * MON-FRI *)", "cron(0 8 1 * ? *)",
        "cron(0/15 * * * ? *)", "cron(0/10 * ? * MON-FRI *)", "cron(0/5 8-17 ? * MON-FRI *)", "cron(0 9 ? * 2#1 *)",
        "cron(0 10 L * ? *)", "cron(0 10 15W * ? *)", "cron(0 10 LW * ? *)", "cron(0 10 ? * 6L *)", "cron(05 12 * * ? *)",
        "cron(0 12 * JAN,FEB,MAR ? 2027-2029)", "cron(*/5 * * * ? *)",
    ])
    func whatTheServicesTakeIsQuiet(_ expression: String) {
        #expect(ScheduleExpression.problem(expression, allowsAt: false) == nil)
    }

    @Test func atIsSchedulersOnly() {
        #expect(ScheduleExpression.problem("at(2027-03-01T09:30:00)", allowsAt: true) == nil)
        #expect(ScheduleExpression.problem("at(2027-03-01T09:30:00)", allowsAt: false)?.contains("Scheduler's") == true)
        #expect(ScheduleExpression.problem("at(2027-03-01 09:30)", allowsAt: true)?.contains("yyyy-mm-ddThh:mm:ss") == true)
    }

    @Test(arguments: [
        ("cron(5, 0, 1, *, ?, *)", "minutes field '5,'"),
        ("cron(0 12 * * * *)", "one of them must be ?"),
        ("cron(0 24 * * ? *)", "hours field '24' takes 0-23"),
        ("cron(60 * * * ? *)", "minutes field '60'"),
        ("cron(0 0 32 * ? *)", "day-of-month field '32'"),
        ("cron(0 0 ? 13 MON *)", "month field '13' takes 1-12 or JAN-DEC"),
        ("cron(0 0 ? * 8 *)", "day-of-week field '8' takes 1-7 or SUN-SAT"),
        ("cron(0 0 ? * 3#1,6#3 *)", "only one value when it uses #"),
        ("cron(0 0 * * ? 1969)", "year field '1969'"),
        ("cron(? 0 * * ? *)", "minutes field '?' cannot be ?"),
        ("cron(0/0 * * * ? *)", "increment"),
        ("cron(0 12 * *)", "has 4 fields"),
        ("rate(1 minutes)", "with the value 1 the unit is minute"),
        ("rate(5 minute)", "above 1 the unit is minutes"),
        ("rate(0 minutes)", "above 0"),
        ("rate(five minutes)", "above 0"),
        ("rate(5)", "rate(value unit)"),
        ("every 5 minutes", "no schedule"),
    ])
    func eachRefusalNamesThePart(_ expression: String, _ words: String) {
        let problem = ScheduleExpression.problem(expression, allowsAt: false)
        #expect(problem?.contains(words) == true, "\(expression): \(problem ?? "nil")")
    }
}
