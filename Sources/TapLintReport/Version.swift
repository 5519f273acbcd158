/// taplint's version, as `--version` and every report say it.
public enum TapLintVersion {
    public static let current = "0.1.0"
}
