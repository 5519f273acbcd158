/// The standard library's `joined(separator:)` and `joined()` for lists of
/// strings, chosen ahead of it for arrays and their slices (a method of the
/// type itself wins over one of the protocol). The standard one is generic
/// code the compiler does not specialize here: each call asks the runtime
/// for the collection's associated types (some two thousand instructions),
/// and a run's first call looks up their conformances (175,000, a whole
/// percent of a small template's run). Messages, names and built strings
/// join lists of strings everywhere. The result is the same text.
extension Array where Element == String {
    @inlinable
    public func joined(separator: String = "") -> String { joinedStrings(self, separator: separator) }
}

extension ArraySlice where Element == String {
    @inlinable
    public func joined(separator: String = "") -> String { joinedStrings(self, separator: separator) }
}

/// The strings with `separator` between them, measured first so the text
/// is made at its length once.
@inlinable
func joinedStrings<Strings: Collection<String>>(_ strings: Strings, separator: String) -> String {
    guard let first = strings.first else { return "" }
    var length = separator.utf8.count * (strings.count - 1)
    for string in strings { length += string.utf8.count }
    var text = first
    text.reserveCapacity(length)
    for string in strings.dropFirst() {
        text += separator
        text += string
    }
    return text
}
