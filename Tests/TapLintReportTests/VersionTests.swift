import Foundation
import Testing
import TapLintReport

/// One version everywhere a user meets it: `--version` and reports
/// (Version.swift), the wheel (python/taplint_build.py reads Version.swift),
/// the README's install and pre-commit snippets, and the changelog.
@Suite struct VersionTests {
    static let version = TapLintVersion.current

    @Test func readmeSnippetsNameThisVersion() throws {
        let readme = try #require(Repository.read("README.md"))
        let pins = readme.matches(of: /rev: v([0-9][0-9A-Za-z.+-]*)/).map { String($0.1) }
        let pips = readme.matches(of: /taplint==([0-9][0-9A-Za-z.+-]*)/).map { String($0.1) }
        let wheels = readme.matches(of: /taplint-([0-9][0-9A-Za-z.+]*)-py3-none/).map { String($0.1) }
        #expect(!pins.isEmpty && !pips.isEmpty && !wheels.isEmpty)
        for found in pins + pips + wheels { #expect(found == Self.version, "README names \(found), not \(Self.version)") }
    }

    @Test func changelogHasThisVersion() throws {
        let changelog = try #require(Repository.read("CHANGELOG.md"))
        #expect(changelog.contains("\n## \(Self.version)\n"), "CHANGELOG.md has no entry for \(Self.version)")
    }

    @Test func theWheelReadsTheVersionFromVersionSwift() throws {
        let builder = try #require(Repository.read("python/taplint_build.py"))
        let source = try #require(Repository.read("Sources/TapLintReport/Version.swift"))
        #expect(builder.contains(#"static let current = "([^"]+)""#))
        #expect(source.contains("static let current = \"\(Self.version)\""))
    }
}
