/// EventBridge's and EventBridge Scheduler's schedule expressions:
/// `rate(5 minutes)`, `cron(0 12 * * ? *)`, and for Scheduler `at(…)`, read
/// as the services document them (six cron fields, each with its values and
/// wildcards; one of day-of-month and day-of-week a `?`).
enum ScheduleExpression {
    /// What is wrong with the expression, naming the part; nil when the
    /// services take it. `at(…)` is Scheduler's only.
    static func problem(_ text: String, allowsAt: Bool) -> String? {
        if let inner = inside(text, "rate") { return rate(inner) }
        if let inner = inside(text, "cron") { return cron(inner) }
        if let inner = inside(text, "at") {
            guard allowsAt else { return "at(…) is EventBridge Scheduler's, not a rule's: use cron(…) or rate(…)" }
            return isTimestamp(inner) ? nil : "at(\(inner)) must give a time as yyyy-mm-ddThh:mm:ss"
        }
        return "'\(text)' is no schedule: write rate(…) or cron(…)" + (allowsAt ? " or at(…)" : "")
    }

    private static func inside(_ text: String, _ name: String) -> String? {
        guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
        return String(text.dropFirst(name.count + 1).dropLast())
    }

    /// `rate(value unit)`: a positive whole number, and the unit singular
    /// for 1 and plural for more.
    private static func rate(_ inner: String) -> String? {
        let parts = inner.split(separator: " ")
        guard parts.count == 2 else { return "rate(\(inner)) must be rate(value unit), such as rate(5 minutes)" }
        guard let value = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigitCharacter), value > 0 else {
            return "rate(\(inner)): the value '\(parts[0])' must be a whole number above 0"
        }
        let unit = String(parts[1])
        let units = ["minute", "hour", "day"]
        if value == 1, !units.contains(unit) {
            return "rate(\(inner)): with the value 1 the unit is minute, hour or day"
        }
        if value > 1, !units.map({ $0 + "s" }).contains(unit) {
            return "rate(\(inner)): with a value above 1 the unit is minutes, hours or days"
        }
        return nil
    }

    /// A cron field: its name, the values it takes, names for them, and the
    /// wildcards of its own beyond `, - * /`.
    private struct Field {
        var name: String
        var range: ClosedRange<Int>
        var names: [String] = []
        var special: Special = .none

        enum Special { case none, dayOfMonth, dayOfWeek }
    }

    private static let fields = [
        Field(name: "minutes", range: 0...59),
        Field(name: "hours", range: 0...23),
        Field(name: "day-of-month", range: 1...31, special: .dayOfMonth),
        Field(name: "month", range: 1...12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]),
        Field(name: "day-of-week", range: 1...7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], special: .dayOfWeek),
        Field(name: "year", range: 1970...2199),
    ]

    private static func cron(_ inner: String) -> String? {
        let parts = inner.split(separator: " ").map(String.init)
        guard parts.count == 6 else {
            return "cron(\(inner)) has \(parts.count) field\(parts.count == 1 ? "" : "s"); it takes six, separated by spaces: "
                + "minutes hours day-of-month month day-of-week year"
        }
        for (field, text) in zip(fields, parts) {
            if let problem = check(text, field) { return "cron(\(inner)): the \(field.name) field '\(text)' \(problem)" }
        }
        if parts[2] != "?", parts[4] != "?" {
            return "cron(\(inner)): day-of-month and day-of-week are both given; one of them must be ?"
        }
        return nil
    }

    /// What is wrong with one field's text, or nil.
    private static func check(_ text: String, _ field: Field) -> String? {
        if text == "?" {
            return field.special == .none ? "cannot be ?, which only day-of-month and day-of-week take" : nil
        }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        if items.contains(where: \.isEmpty) { return "has an empty item: commas separate values, spaces separate fields" }
        if field.special == .dayOfWeek, items.count > 1, text.contains("#") {
            return "may hold only one value when it uses #"
        }
        for item in items {
            if let problem = checkItem(String(item), field) { return problem }
        }
        return nil
    }

    private static func checkItem(_ item: String, _ field: Field) -> String? {
        let upper = item.uppercased()
        switch field.special {
        case .dayOfMonth:
            // The last day (L, L-2), the weekday nearest a day (15W), the last weekday (LW).
            if upper == "L" || upper == "LW" { return nil }
            if upper.hasPrefix("L-"), Int(upper.dropFirst(2)).map({ (1...30).contains($0) }) == true { return nil }
            if upper.hasSuffix("W"), let day = Int(upper.dropLast()) {
                return field.range.contains(day) ? nil : "names day \(day), outside \(field.range.lowerBound)-\(field.range.upperBound)"
            }
        case .dayOfWeek:
            // The last day of the week (L), the last Friday (6L), the second Tuesday (3#2).
            if upper == "L" { return nil }
            if upper.hasSuffix("L"), value(String(upper.dropLast()), field) != nil { return nil }
            if let hash = upper.firstIndex(of: "#") {
                guard value(String(upper[..<hash]), field) != nil, let nth = Int(upper[upper.index(after: hash)...]),
                      (1...5).contains(nth) else { return "uses # as day#n, with n from 1 to 5" }
                return nil
            }
        case .none:
            break
        }
        var base = Substring(item)
        if let slash = item.firstIndex(of: "/") {
            base = item[..<slash]
            guard let step = Int(item[item.index(after: slash)...]), step > 0 else { return "has an increment that is no whole number above 0" }
        }
        if base == "*" { return nil }
        let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, bounds.allSatisfy({ value(String($0), field) != nil }) else {
            return "takes \(field.range.lowerBound)-\(field.range.upperBound)"
                + (field.names.isEmpty ? "" : " or \(field.names.first!)-\(field.names.last!)")
                + " with the wildcards , - * /" + (field.special == .dayOfMonth ? " ? L W" : field.special == .dayOfWeek ? " ? L #" : "")
        }
        return nil
    }

    /// A field's value: a number in its range or one of its names.
    private static func value(_ text: String, _ field: Field) -> Int? {
        if let number = Int(text), text.allSatisfy(\.isASCIIDigitCharacter) { return field.range.contains(number) ? number : nil }
        return field.names.firstIndex(of: text.uppercased()).map { $0 + field.range.lowerBound }
    }

    /// `yyyy-mm-ddThh:mm:ss`.
    private static func isTimestamp(_ text: String) -> Bool {
        let shape = Array("0000-00-00T00:00:00")
        let chars = Array(text)
        guard chars.count == shape.count else { return false }
        return zip(chars, shape).allSatisfy { char, expected in expected == "0" ? char.isASCIIDigitCharacter : char == expected }
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
