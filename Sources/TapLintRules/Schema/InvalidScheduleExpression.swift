import TapLintCore

/// A schedule expression EventBridge or EventBridge Scheduler refuses.
public struct InvalidScheduleExpression: TemplateRule {
    public static let description = RuleDescription(
        id: "SCH015", name: "invalid-schedule-expression", category: .schema, severity: .error,
        summary: "A rule's or schedule's ScheduleExpression is no rate(…), cron(…) or at(…) the service takes.",
        rationale: """
        EventBridge rules and EventBridge Scheduler schedules (and SAM's `Schedule` and \
        `ScheduleV2` events, which become them) take `rate(value unit)`, with the unit \
        singular for 1 and plural above it, or `cron(…)` with six fields separated by \
        spaces: minutes (0-59), hours (0-23), day-of-month (1-31), month (1-12 or \
        JAN-DEC), day-of-week (1-7 or SUN-SAT) and year (1970-2199), each a value, a \
        range, a list or `*`, with an increment after `/`; day-of-month also takes `L` \
        and `W`, day-of-week `L` and `#`, and one of the two must be `?`. Scheduler also \
        takes `at(yyyy-mm-ddThh:mm:ss)`. The schema only says the property is a string, \
        so `cron(5, 0, 1, *, ?, *)` passes validation and the service refuses to create \
        the rule halfway through the deploy. A value from a parameter's default is a \
        warning: another value may be passed.
        """,
        fix: "write the expression as the message says, such as cron(0 12 * * ? *) or rate(5 minutes)",
        triggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ↓ScheduleExpression: cron(5, 0, 1, *, ?, *)
              Hourly:
                Type: AWS::Events::Rule
                Properties:
                  ↓ScheduleExpression: rate(1 hours)
              Once:
                Type: AWS::Scheduler::Schedule
                Properties:
                  ↓ScheduleExpression: cron(0 12 * * * *)
                  FlexibleTimeWindow: {Mode: "OFF"}
                  Target: {Arn: arn:aws:sqs:us-east-1:123456789012:jobs, RoleArn: arn:aws:iam::123456789012:role/scheduler}
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: index.handler
                  InlineCode: "def handler(e, c): pass"
                  Events:
                    Tick:
                      Type: Schedule
                      Properties:
                        ↓Schedule: at(2027-01-01T00:00:00)
            """,
        ],
        nonTriggering: [
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Nightly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0/15 8-17 ? * MON-FRI *)
              Monthly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: cron(0 10 L * ? *)
              Hourly:
                Type: AWS::Events::Rule
                Properties:
                  ScheduleExpression: rate(1 hour)
              Once:
                Type: AWS::Scheduler::Schedule
                Properties:
                  ScheduleExpression: at(2027-01-01T00:00:00)
                  FlexibleTimeWindow: {Mode: "OFF"}
                  Target: {Arn: arn:aws:sqs:us-east-1:123456789012:jobs, RoleArn: arn:aws:iam::123456789012:role/scheduler}
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.13
                  Handler: index.handler
                  InlineCode: "def handler(e, c): pass"
                  Events:
                    Tick:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 9 ? * 2#1 *)
            """,
        ],
        references: ["https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html",
                     "https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html"]
    )

    public init() {}

    public func check(_ context: LintContext) -> [Violation] {
        let template = context.template
        var found: [Violation] = []
        for resource in template.resources {
            let base: [PathElement] = [.key("Resources"), .key(resource.name), .key("Properties")]
            switch resource.type {
            case "AWS::Events::Rule":
                judge(resource.properties?.entry("ScheduleExpression"), at: base, allowsAt: false, in: template, into: &found)
            case "AWS::Scheduler::Schedule":
                judge(resource.properties?.entry("ScheduleExpression"), at: base, allowsAt: true, in: template, into: &found)
            case "AWS::Serverless::Function", "AWS::Serverless::StateMachine":
                for event in resource.properties?["Events"]?.mapping ?? [] {
                    guard let name = event.name, let settings = event.value.entry("Properties") else { continue }
                    let at = base + [.key("Events"), .key(name), .key("Properties")]
                    switch event.value["Type"]?.string {
                    case "Schedule": judge(settings.value.entry("Schedule"), at: at, allowsAt: false, in: template, into: &found)
                    case "ScheduleV2": judge(settings.value.entry("ScheduleExpression"), at: at, allowsAt: true, in: template, into: &found)
                    default: break
                    }
                }
            default:
                break
            }
        }
        return found
    }

    /// A literal is certain; a parameter's default may be replaced at deploy time.
    private func judge(_ entry: Entry?, at base: [PathElement], allowsAt: Bool, in template: Template,
                       into found: inout [Violation]) {
        guard let entry, let name = entry.name, let text = template.stringValue(of: entry.value),
              let problem = ScheduleExpression.problem(text, allowsAt: allowsAt) else { return }
        let literal = entry.value.string != nil
        let parameter = literal ? "" : "the default of the parameter \(entry.value.intrinsic?.argument.string ?? "it names"): "
        found.append(Violation(at: entry.key.range, path: base + [.key(name)], message: parameter + problem,
                               severity: literal ? nil : .warning))
    }
}
