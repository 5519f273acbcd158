/// taplint's version, as `--version` and every report say it.
public enum TapLintVersion {
    public static let current = "0.2.0"

    /// Where each rule's doc (`rules/<ID>.md`) is published, for links in
    /// SARIF reports: the docs of the release that made the report.
    public static let documentationBase = "https://github.com/taplint/taplint/blob/v\(current)/rules/"
}
