import TapLintCore

/// JUnit XML, which CI systems show as a test report: one test case per
/// template, one failure per finding.
public struct JUnitReporter: Reporter {
    public init() {}

    public func write(_ result: RunResult, to sink: inout ByteSink) {
        sink.append(text(result))
    }

    /// The report as one string.
    private func text(_ result: RunResult) -> String {
        let failures = result.findings.count
        let tests = result.files.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"taplint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\">\n"
        out += "  <testsuite name=\"taplint\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for file in result.files {
            let name = Self.escape(file.file)
            guard !file.findings.isEmpty else {
                out += "    <testcase classname=\"taplint\" name=\"\(name)\" file=\"\(name)\"/>\n"
                continue
            }
            out += "    <testcase classname=\"taplint\" name=\"\(name)\" file=\"\(name)\">\n"
            for finding in file.findings {
                let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
                var body = "\(location): \(finding.severity.rawValue) \(finding.rule) \(finding.name)\n\(finding.message)"
                if let note = finding.nestedNote { body += "\n" + note }
                if let note = finding.deploymentNote { body += "\n" + note }
                if let fix = finding.fix { body += "\nfix: \(fix)" }
                out += "      <failure type=\"\(finding.rule)\" message=\"\(Self.escape(finding.message))\">"
                out += Self.escape(body) + "</failure>\n"
            }
            out += "    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Text for XML attributes and content; characters XML 1.0 cannot hold
    /// at all become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\t": out += "&#9;"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
