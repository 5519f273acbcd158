/// How much an IAM action can do, as AWS classifies it.
public enum AccessLevel: Sendable, Equatable {
    case list, read, write, permissionsManagement, tagging

    init(letter: UInt8) {
        switch letter {
        case UInt8(ascii: "L"): self = .list
        case UInt8(ascii: "R"): self = .read
        case UInt8(ascii: "P"): self = .permissionsManagement
        case UInt8(ascii: "T"): self = .tagging
        default: self = .write
        }
    }
}

/// One IAM action of a service.
public struct IAMAction: Sendable {
    public var name: String
    /// `name` in lower case: IAM compares action names case-insensitively.
    public var key: String
    public var level: AccessLevel
    /// False for actions AWS only allows on `Resource: "*"` (most List and
    /// Describe actions): a `*` there is not over-broad.
    public var scopable: Bool
}

/// Every IAM action, from AWS's Service Authorization Reference (generated
/// into `ActionCatalogData.swift` by scripts/gen-actions). A service's line
/// is parsed only when a policy names that service.
public enum ActionCatalog {
    /// The service's actions, and whether `name` is one of them (compared
    /// case-insensitively); nil for an unknown service prefix. Both from
    /// one lookup of the service, whose line is parsed once per process,
    /// whichever thread asks.
    public static func actions(of service: String, naming name: String) -> (all: [IAMAction], hasName: Bool)? {
        guard let known = self.service(service) else { return nil }
        return (known.actions, known.byKey[name.lowercased()] != nil)
    }

    /// A service's actions, with an index by lower-cased name: policies name
    /// the same few services thousands of times.
    private struct Service: Sendable {
        var actions: [IAMAction]
        var byKey: [String: Int]
    }

    private static func service(_ name: String) -> Service? {
        let key = name.lowercased()
        return parsed.value(for: key) {
            lookUp(key).map { actions in
                Service(actions: actions, byKey: Dictionary(actions.enumerated().map { ($1.key, $0) }) { first, _ in first })
            }
        }
    }

    private static let parsed = Memo<Service?>()

    private static func lookUp(_ service: String) -> [IAMAction]? {
        let wanted = Array(service.utf8)
        return source.withUTF8Buffer { buffer in
            var low = 0
            var high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                let start = lineStarts[middle]
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: " "), buffer[end] != UInt8(ascii: "\n") { end += 1 }
                let prefix = buffer[start..<end]
                if prefix.elementsEqual(wanted) { return parse(buffer, from: end) }
                if prefix.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The actions an action pattern (`s3:Get*`, `iam:PassRole`) matches,
    /// case-insensitively as IAM does; nil when the service is unknown.
    public static func matching(_ pattern: String) -> [IAMAction]? {
        guard let colon = pattern.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let service = String(pattern[..<colon])
        let name = pattern[pattern.utf8.index(after: colon)...].lowercased()
        guard let known = self.service(service) else { return nil }
        guard name.contains(where: { $0 == "*" || $0 == "?" }) else { return known.byKey[name].map { [known.actions[$0]] } ?? [] }
        // The same wildcards (`s3:Get*`, `logs:*`) recur across statements,
        // templates and the rules that expand them: each is matched once.
        return expanded.value(for: service + ":" + name) {
            let wildcard = Array(name.utf8)
            return known.actions.filter { action in
                action.key.utf8.withContiguousStorageIfAvailable { Wildcard.matches(wildcard[...], $0) }
                    ?? Wildcard.matches(wildcard[...], Array(action.key.utf8)[...])
            }
        }
    }

    private static let expanded = Memo<[IAMAction]>()

    private static let lineStarts = TapLintCore.lineStarts(of: source)

    /// `Name=LS Name=W …` up to the end of the line.
    private static func parse(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> [IAMAction] {
        var end = start
        while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
        return buffer[start..<end].split(separator: UInt8(ascii: " ")).compactMap { field in
            guard let equals = field.firstIndex(of: UInt8(ascii: "=")), equals + 1 < field.endIndex else { return nil }
            let flags = field[(equals + 1)...]
            let name = String(decoding: field[..<equals], as: UTF8.self)
            return IAMAction(name: name, key: name.lowercased(), level: AccessLevel(letter: flags.first ?? 0),
                             scopable: flags.contains(UInt8(ascii: "S")))
        }
    }
}

/// IAM's wildcards: `*` any run of characters, `?` one character.
public enum Wildcard {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern.utf8)[...], Array(text.utf8)[...])
    }

    public static func matches<Text: RandomAccessCollection<UInt8>>(_ pattern: ArraySlice<UInt8>, _ text: Text) -> Bool
        where Text.Index == Int {
        var p = pattern.startIndex, t = text.startIndex
        var star: Int?, resume = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p; resume = t; p += 1
            } else if let star {
                p = star + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
