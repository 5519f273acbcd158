import TapLintCore

/// A rule's documentation in Markdown, with the fixed headings of our style
/// guide. `taplint explain` prints it and `rules/<ID>.md` holds it; a test
/// keeps the two identical, so docs cannot drift from the code.
public enum RuleDoc {
    public static func markdown(_ rule: RuleDescription) -> String {
        var out = "# \(rule.id) \(rule.name)\n\n"
        out += "\(rule.summary)\n\n"
        out += "- Category: `\(rule.category.rawValue)`\n- Default severity: `\(rule.severity.rawValue)`\n\n"
        out += "## What it does\n\n\(rule.summary)\n\n"
        out += "## Why is this bad?\n\n\(rule.rationale)\n\n"
        if !rule.triggering.isEmpty {
            out += "## Example\n\n" + rule.triggering.map(codeBlock).joined(separator: "\n") + "\n"
        }
        if !rule.nonTriggering.isEmpty {
            out += "## Use instead\n\n" + rule.nonTriggering.map(codeBlock).joined(separator: "\n") + "\n"
        }
        if let fix = rule.fix { out += "## Fix\n\n\(fix.prefix(1).uppercased() + fix.dropFirst()).\n\n" }
        if !rule.references.isEmpty {
            out += "## References\n\n" + rule.references.map { "- <\($0)>\n" }.joined() + "\n"
        }
        out.removeLast()
        return out
    }

    /// An example as a fenced block, its location markers removed.
    private static func codeBlock(_ example: String) -> String {
        let language = example.first == "{" ? "json" : "yaml"
        let text = example.filter { $0 != RuleDescription.marker }.replacingAll("\t", with: "→")
        return "```\(language)\n\(text)\n```\n"
    }
}
