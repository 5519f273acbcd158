import Foundation
import Testing
import TapLintCore
import TapLintRules

/// The change gate over real templates: for every corpus template, one copy
/// changes one create-only property of one resource, and another changes
/// one property that updates in place. The first must be reported as a
/// replacement (an error where the resource holds data), the second never.
@Suite struct ChangeMutationTests {
    /// A literal one-line scalar property of a resource: where to put one
    /// more character so that its value changes.
    struct Site {
        var resource: String
        var property: String
        var holdsData: Bool
        var retained: Bool
        var offset: Int
    }

    /// The byte offset of a position (columns count characters).
    static func offset(of position: SourcePosition, in lines: [Substring]) -> Int? {
        guard position.line - 1 < lines.count else { return nil }
        let before = lines[..<(position.line - 1)].reduce(0) { $0 + $1.utf8.count + 1 }
        let line = lines[position.line - 1]
        guard position.column - 1 <= line.count else { return nil }
        return before + line.prefix(position.column - 1).utf8.count
    }

    /// The first property of the template that is create-only (or, with
    /// `createOnly` false, updates in place) and is a literal one-line scalar.
    static func site(in template: Template, lines: [Substring], createOnly: Bool) -> Site? {
        // A resource declared again later is not the one CloudFormation reads.
        for resource in template.resources where !resource.isCustom
            && template.resources.last(where: { $0.name == resource.name })?.declaration.key.range == resource.declaration.key.range {
            guard let name = resource.type, let type = Catalog.type(named: name),
                  let entries = resource.properties?.mapping else { continue }
            let replacing = type.createOnly + type.conditionallyCreateOnly
            for entry in entries {
                guard let property = entry.name, let scalar = entry.value.scalar, entry.value.tag == nil, !scalar.isNull,
                      !scalar.value.isEmpty, let range = entry.value.exactValueRange else { continue }
                // A property is create-only as a whole, or holds create-only
                // paths below it: neither updates in place.
                let below = replacing.contains { $0 == property || $0.hasPrefix(property + "/") }
                guard createOnly ? type.createOnly.contains(property) : !below,
                      var at = offset(of: range.start, in: lines) else { continue }
                if scalar.style != .plain { at += 1 }
                return Site(resource: resource.name, property: property, holdsData: type.holdsData,
                            retained: ["Retain", "Snapshot", "RetainExceptOnCreate"].contains(resource.declaration["UpdateReplacePolicy"]?.string ?? ""),
                            offset: at)
            }
        }
        return nil
    }

    @Test(Corpus.needed)
    func createOnlyChangesAreFoundAndUpdatesAreQuiet() throws {
        let linter = Linter()
        var (replacing, found, errors, dataHolding, updating, quiet) = (0, 0, 0, 0, 0, 0)
        for file in try Corpus.templateFiles() {
            let bytes = Array(try Data(contentsOf: file))
            guard case .template(let context, _) = linter.read(bytes, file: file.path) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard Array(text.utf8) == bytes else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for createOnly in [true, false] {
                guard let site = Self.site(in: context.template, lines: lines, createOnly: createOnly) else { continue }
                var mutated = bytes
                mutated.insert(UInt8(ascii: "x"), at: site.offset)
                let changes = linter.lint(mutated, file: "new", base: Base(bytes: bytes, name: "old")).findings
                    .filter { $0.category == .change }
                if createOnly {
                    replacing += 1
                    let replaced = changes.filter { $0.rule == "CHG001" && $0.resource == site.resource }
                    #expect(!replaced.isEmpty, "\(file.lastPathComponent): \(site.resource).\(site.property) changed unseen")
                    if !replaced.isEmpty { found += 1 }
                    if site.holdsData, !site.retained {
                        dataHolding += 1
                        if replaced.contains(where: { $0.severity == .error }) { errors += 1 }
                    }
                } else {
                    updating += 1
                    #expect(changes.isEmpty, "\(file.lastPathComponent): \(site.resource).\(site.property): \(changes.map(\.message))")
                    if changes.isEmpty { quiet += 1 }
                }
            }
        }
        print("change mutations: \(found)/\(replacing) create-only changes found, \(errors)/\(dataHolding) of them errors on "
              + "resources that hold data; \(quiet)/\(updating) in-place updates quiet")
        #expect(replacing > 300 && updating > 250, "the corpus gives enough templates to mutate")
        #expect(errors == dataHolding)
    }
}
