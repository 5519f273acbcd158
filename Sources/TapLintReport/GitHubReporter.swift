import TapLintCore

/// GitHub Actions workflow commands: each finding becomes an annotation on
/// the pull request's diff, at its line.
public struct GitHubReporter: Reporter {
    public var visibility: Visibility

    public init(visibility: Visibility = Visibility()) {
        self.visibility = visibility
    }

    public func write(_ result: RunResult, to sink: inout ByteSink) {
        sink.append(text(result))
    }

    /// The report as one string: short where it matters (the text and
    /// GitHub reports show warnings and errors only, by default).
    private func text(_ result: RunResult) -> String {
        result.findings.filter(visibility.shows).map { finding in
            let command = switch finding.severity {
            case .error: "error"
            case .warning: "warning"
            case .info: "notice"
            }
            let properties = [
                "file=" + Self.property(finding.file),
                "line=\(finding.range.start.line)",
                "col=\(finding.range.start.column)",
                "endLine=\(finding.range.end.line)",
                "endColumn=\(finding.range.end.column)",
                "title=" + Self.property("\(finding.rule) \(finding.name)"),
            ].joined(separator: ",")
            let message = finding.message + (finding.nestedNote.map { "\n" + $0 } ?? "") + (finding.deploymentNote.map { "\n" + $0 } ?? "") + (finding.fix.map { "\nfix: \($0)" } ?? "")
            return "::\(command) \(properties)::\(Self.data(message))\n"
        }.joined()
    }

    /// The escaping the runner expects in a command's message.
    static func data(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.append(character)
            }
        }
        return out
    }

    /// Properties also escape the separators `:` and `,`.
    static func property(_ text: String) -> String {
        var out = ""
        for character in data(text) {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(character)
            }
        }
        return out
    }
}
