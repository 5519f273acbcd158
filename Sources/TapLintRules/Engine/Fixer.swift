import TapLintCore

/// `check --fix`: applies the fixes the rules offer, reads the template
/// again and lints it again, until nothing more is fixable. Fixes whose
/// edits overlap are taken in order of position, the first winning; the
/// next round takes the rest.
public enum Fixer {
    public struct Outcome: Sendable {
        /// The fixed bytes (the same bytes when nothing was fixable).
        public var bytes: [UInt8]
        /// The findings left, and how many the fixes removed.
        public var report: FileReport
    }

    /// Rounds before giving up: a fix that keeps offering itself is a bug,
    /// not a reason to loop forever.
    static let maxRounds = 8

    /// `explicit` as for `Linter.lint`: a file a directory walk found is
    /// passed over, unfixed, when it is no template.
    public static func fix(_ bytes: [UInt8], file: String, explicit: Bool = true, linter: Linter) -> Outcome {
        var current = bytes
        var report = linter.lint(current, file: file, explicit: explicit)
        if report.skipped { return Outcome(bytes: bytes, report: report) }
        var fixed = 0
        for _ in 0..<maxRounds {
            let (next, applied) = apply(report.findings, to: current)
            guard applied > 0 else { break }
            let after = linter.lint(next, file: file, explicit: explicit)
            // A fix that left the template unreadable is no fix: keep the last good bytes.
            let broken = { (report: FileReport) in report.findings.contains { $0.category == .syntax } }
            if broken(after), !broken(report) { break }
            (current, report) = (next, after)
            fixed += applied
        }
        report.fixed = fixed
        return Outcome(bytes: current, report: report)
    }

    /// The bytes with each finding's edits made, a finding whose edits
    /// overlap an earlier one's left for later; and how many findings that fixed.
    public static func apply(_ findings: [Finding], to bytes: [UInt8]) -> (bytes: [UInt8], fixed: Int) {
        let fixable = findings.filter { !$0.edits.isEmpty }
            .sorted { ($0.edits[0].start, $0.rule, $0.message) < ($1.edits[0].start, $1.rule, $1.message) }
        var accepted: [Edit] = []
        var fixed = 0
        for finding in fixable {
            // The same edit offered twice (two findings one removal fixes) is made once.
            let new = finding.edits.filter { !accepted.contains($0) }
            let clashes = new.contains { edit in
                accepted.contains { $0.start < edit.end && edit.start < $0.end || ($0.start == edit.start && $0.end == edit.end) }
            }
            guard !clashes else { continue }
            accepted += new
            fixed += 1
        }
        var out = bytes
        for edit in accepted.sorted(by: { $0.start > $1.start }) where edit.end <= out.count {
            out.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        return (out, fixed)
    }
}
