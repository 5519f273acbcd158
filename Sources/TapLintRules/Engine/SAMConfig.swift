import TapLintCore

/// The deployment a SAM CLI configuration file (`samconfig.toml`) gives one
/// environment: `parameter_overrides`, `region` and `tags` from its `deploy`
/// section, or its `global` one. Only the TOML that `sam` writes is read:
/// table headers, `key = value` with strings, numbers, booleans and arrays
/// of strings, and comments.
public struct SAMConfig: Sendable {
    public var values: ParameterValues
    public var region: String?

    public static func read(_ bytes: [UInt8], file: String, environment: String) throws(ParameterFileError) -> SAMConfig {
        var tables: [String: [String: (value: TOMLValue, at: SourcePosition)]] = [:]
        var table = ""
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)[...]
        var number = 0
        while let line = lines.popFirst() {
            number += 1
            let text = String(line).trimmingSpaces
            if text.isEmpty || text.hasPrefix("#") { continue }
            let at = SourcePosition(line: number, column: line.count - line.drop { $0 == " " || $0 == "\t" }.count + 1)
            if text.hasPrefix("[") {
                guard let close = text.firstIndex(of: "]") else { throw ParameterFileError(file: file, at: at, "a table header lacks its ]") }
                table = text[text.index(after: text.startIndex)..<close].split(separator: ".").map { String($0).trimmingSpaces }.joined(separator: ".")
                continue
            }
            guard let equals = text.firstIndex(of: "=") else {
                throw ParameterFileError(file: file, at: at, "expected key = value")
            }
            let key = String(text[..<equals]).trimmingSpaces
            var rest = String(text[text.index(after: equals)...]).trimmingSpaces
            // An array may run over several lines until its ].
            let start = number
            if rest.hasPrefix("["), !rest.contains("]") {
                while let next = lines.popFirst() {
                    number += 1
                    rest += " " + String(next).trimmingSpaces
                    if next.contains("]") { break }
                }
            }
            // The value's column: the first character after `=` that is no space.
            let afterEquals = line[(line.firstIndex(of: "=").map(line.index(after:)) ?? line.startIndex)...]
            let valueAt = SourcePosition(line: start, column: line.count - afterEquals.drop { $0 == " " || $0 == "\t" }.count + 1)
            guard let value = TOMLValue(rest) else {
                throw ParameterFileError(file: file, at: valueAt, "a value taplint cannot read: \(rest)")
            }
            tables[table, default: [:]][key] = (value, valueAt)
        }
        var config = SAMConfig(values: ParameterValues(source: file), region: nil)
        let sections = ["\(environment).global.parameters", "\(environment).deploy.parameters"]
        guard sections.contains(where: { tables[$0] != nil }) else {
            throw ParameterFileError(file: file, at: SourcePosition(line: 1, column: 1),
                                     "no [\(environment).deploy.parameters] section: name the environment with --config-env")
        }
        // `deploy` is read after `global`, so its values win, as in the SAM CLI.
        for section in sections {
            guard let entries = tables[section] else { continue }
            if case .string(let region)? = entries["region"]?.value { config.region = region }
            if let (value, at) = entries["tags"], case .string(let tags) = value {
                for pair in Self.overrides(tags) {
                    guard let split = pair.firstIndex(of: "=") else { continue }
                    let key = String(pair[..<split])
                    config.values.stackTags[key] = Self.unquoted(pair[pair.index(after: split)...])
                    config.values.stackTagPlaces[key] = at
                }
            }
            guard let (value, at) = entries["parameter_overrides"] else { continue }
            let pairs: [String]
            switch value {
            case .string(let text): pairs = Self.overrides(text)
            case .strings(let list): pairs = list.flatMap(Self.overrides)
            }
            for pair in pairs {
                guard let split = pair.firstIndex(of: "=") else {
                    throw ParameterFileError(file: file, at: at, "parameter_overrides: '\(pair)' is not Key=Value")
                }
                let range = SourceRange(start: at, end: SourcePosition(line: at.line, column: at.column + 1))
                config.values.add(.init(name: String(pair[..<split]), value: Self.unquoted(pair[pair.index(after: split)...]), range: range))
            }
        }
        return config
    }

    /// `Key=Value` pairs as the SAM CLI splits them: at spaces, except
    /// inside a quoted value.
    static func overrides(_ text: String) -> [String] {
        var pairs: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == " " || character == "\t" {
                if !current.isEmpty { pairs.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { pairs.append(current) }
        return pairs
    }

    private static func unquoted(_ value: Substring) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else { return String(value) }
        return String(value.dropFirst().dropLast())
    }
}

/// A TOML value as samconfig.toml holds one.
enum TOMLValue {
    case string(String)
    case strings([String])

    /// Nil for what is none of the forms `sam` writes. Numbers and
    /// booleans are kept as their text.
    init?(_ text: String) {
        var rest = text[...]
        if rest.hasPrefix("[") {
            guard let close = rest.lastIndex(of: "]") else { return nil }
            rest = rest[rest.index(after: rest.startIndex)..<close]
            var items: [String] = []
            while true {
                rest = rest.drop { $0 == " " || $0 == "," }
                guard !rest.isEmpty else { break }
                guard let (item, after) = Self.string(rest) else { return nil }
                items.append(item)
                rest = after
            }
            self = .strings(items)
            return
        }
        if let (value, after) = Self.string(rest) {
            guard String(after).trimmingSpaces.isEmpty || String(after).trimmingSpaces.hasPrefix("#") else { return nil }
            self = .string(value)
            return
        }
        let bare = String(rest.prefix { $0 != "#" }).trimmingSpaces
        guard let first = bare.first, first != "\"", first != "'" else { return nil }
        self = .string(bare)
    }

    /// A basic ("…", with \" and \\ escapes) or literal ('…') string at the
    /// start of `text`, and what follows it.
    private static func string(_ text: Substring) -> (String, Substring)? {
        guard let open = text.first, open == "\"" || open == "'" else { return nil }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == open { return (value, text[text.index(after: index)...]) }
            if open == "\"", character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                let escaped = text[index]
                value.append(escaped == "n" ? "\n" : escaped == "t" ? "\t" : escaped)
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
