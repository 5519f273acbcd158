/// A schema's `pattern`, compiled once per process with Swift's regular
/// expressions, whose syntax covers what the schemas write (classes,
/// `\d`, `\p{L}`, lookahead). A pattern it cannot compile (lookbehind,
/// `(?<!…)`, is the usual one) or would read differently (word boundaries)
/// is not guessed at: it matches everything, and the tests list it
/// (Tests/TapLintRulesTests/unsupported-patterns.txt).
public enum SchemaPattern {
    /// True when `pattern` matches somewhere in `text` (JSON Schema patterns
    /// are not anchored unless they say so), or cannot be judged.
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        if let simple = simple(pattern), let answer = simple.matches(text) { return answer }
        guard let regex = regex(pattern) else { return true }
        return (try? regex.regex.firstMatch(in: text)) != nil
    }

    /// True when the pattern can be judged.
    public static func isSupported(_ pattern: String) -> Bool { simple(pattern) != nil || regex(pattern) != nil }

    /// True when plain-ASCII text is matched without `Regex`.
    public static func hasFastPath(_ pattern: String) -> Bool { simple(pattern) != nil }

    /// The fast path, parsed once per process; compiling a `Regex` costs
    /// far more, so that waits for a text the fast path cannot judge.
    private static func simple(_ pattern: String) -> SimplePattern? {
        simples.value(for: pattern) { SimplePattern(pattern) }
    }

    private static func regex(_ pattern: String) -> Compiled? {
        regexes.value(for: pattern) {
            // Word boundaries differ from Python's under scalar semantics:
            // a pattern with `\b` is not judged rather than judged wrongly.
            if pattern.contains("\\b") || pattern.contains("\\B") { return nil }
            // Python and ECMA match code point by code point; Swift's
            // default is grapheme clusters (`\r\n` would be one character).
            return (try? Regex(swiftSyntax(pattern))).map { Compiled($0.matchingSemantics(.unicodeScalar)) }
        }
    }

    private static let simples = Memo<SimplePattern?>()
    private static let regexes = Memo<Compiled?>()

    /// A compiled pattern shared among threads: matching does not change it.
    private final class Compiled: @unchecked Sendable {
        let regex: Regex<AnyRegexOutput>
        init(_ regex: Regex<AnyRegexOutput>) { self.regex = regex }
    }

    /// The pattern as Swift reads what cfn-lint's Python means: inside a
    /// character class `[`, `&` and `~` are literal there, but open a nested
    /// class or a set operation in Swift, so they are escaped. Python's `$`
    /// also matches before a final newline (a block scalar's `|` text ends
    /// in one), Swift's only at the very end: it becomes `(?=\n?\z)`.
    /// Python's `\Z` is Swift's `\z`, the very end; its `.` takes any
    /// character but `\n` (Swift's refuses `\r` too): it becomes `[^\n]`.
    static func swiftSyntax(_ pattern: String) -> String {
        var out = ""
        var inClass = false
        var escaped = false
        var previous: Character?
        var pendingHex = 0
        for character in pattern {
            defer { previous = character }
            if escaped {
                out.append(character == "Z" && !inClass ? "z" : character)
                escaped = false
                // `\uHHHH` is written `\u{HHHH}` in Swift.
                if character == "u" { pendingHex = 4; out.append("{") }
                continue
            }
            if pendingHex > 0 {
                out.append(character)
                pendingHex -= 1
                if pendingHex == 0 { out.append("}") }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                out.append(character)
            case "[" where inClass, "&" where inClass, "~" where inClass:
                out += "\\" + String(character)
            case "-" where inClass && previous == "-":
                out += "\\-"
            case "[":
                inClass = true
                out.append(character)
            case "]" where inClass:
                inClass = false
                out.append(character)
            case "$" where !inClass:
                out += #"(?=\n?\z)"#
            case "." where !inClass:
                out += #"[^\n]"#
            default:
                out.append(character)
            }
        }
        return out
    }

}
