/// What a property's value must be beyond its type, from the resource
/// schema: the allowed values, a numeric range, a length, a pattern, and
/// for a list its item counts and whether items repeat.
///
/// A read-only class: the schema check takes a property's constraint for
/// every value it judges, and a copy of the struct (some 150 bytes, three
/// references) cost a hundred instructions where a class costs one count.
public final class ValueConstraint: Sendable {
    /// The allowed values, as text (numbers as the schema writes them).
    public let allowed: [String]
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Double?
    public let exclusiveMaximum: Double?
    public let minLength: Int?
    public let maxLength: Int?
    /// An ECMA-262 regular expression that must match somewhere in the value.
    public let pattern: String?
    public let minItems: Int?
    public let maxItems: Int?
    public let uniqueItems: Bool
    /// `allowed` as a set when the list is long (instance types run to
    /// over a thousand), so that a value is looked up, not compared with each.
    private let allowedSet: Set<String>?

    /// Lists longer than this are looked up in `allowedSet`.
    private static let longList = 32

    /// True when `text` is one of the allowed values exactly as written.
    public func allows(_ text: String) -> Bool {
        allowedSet?.contains(text) ?? allowed.contains(text)
    }

    /// Reads the tab-separated fields of a catalog `x` line in place:
    /// only values become strings.
    init(fields line: Slice<UnsafeBufferPointer<UInt8>>) {
        var allowed: [String] = []
        var (minimum, maximum, exclusiveMinimum, exclusiveMaximum) = (Double?.none, Double?.none, Double?.none, Double?.none)
        var (minLength, maxLength, minItems, maxItems) = (Int?.none, Int?.none, Int?.none, Int?.none)
        var pattern: String?
        var uniqueItems = false
        var start = line.startIndex
        while start < line.endIndex {
            let end = line[start...].firstIndex(of: UInt8(ascii: "\t")) ?? line.endIndex
            defer { start = end + 1 }
            let field = line[start..<end]
            guard !field.isEmpty else { continue }
            guard let equals = field.firstIndex(of: UInt8(ascii: "=")) else {
                if field.elementsEqual("uniq".utf8) { uniqueItems = true }
                continue
            }
            let name = field[..<equals], value = String(decoding: field[(equals + 1)...], as: UTF8.self)
            switch name.count {
            case 1: allowed.append(value)  // e
            case 3 where name.first == UInt8(ascii: "m"):  // min, max
                if name.elementsEqual("min".utf8) { minimum = Double(value) } else { maximum = Double(value) }
            case 3: pattern = value  // pat
            case 4 where name.first == UInt8(ascii: "x"):  // xmin, xmax
                if name.elementsEqual("xmin".utf8) { exclusiveMinimum = Double(value) } else { exclusiveMaximum = Double(value) }
            case 4:  // minl, maxl, mini, maxi
                let number = Int(value)
                switch (name[name.startIndex + 1], name[name.startIndex + 3]) {
                case (UInt8(ascii: "i"), UInt8(ascii: "l")): minLength = number
                case (UInt8(ascii: "a"), UInt8(ascii: "l")): maxLength = number
                case (UInt8(ascii: "i"), _): minItems = number
                default: maxItems = number
                }
            default: break
            }
        }
        (self.allowed, self.pattern, self.uniqueItems) = (allowed, pattern, uniqueItems)
        (self.minimum, self.maximum, self.exclusiveMinimum, self.exclusiveMaximum) = (minimum, maximum, exclusiveMinimum, exclusiveMaximum)
        (self.minLength, self.maxLength, self.minItems, self.maxItems) = (minLength, maxLength, minItems, maxItems)
        allowedSet = allowed.count > Self.longList ? Set(allowed) : nil
    }
}

/// A type's value constraints by the number `Shape.constrained` names.
/// The catalog numbers them from 0 in the order it lists them, so they
/// are kept in a list: a table keyed by number hashed each one twice.
public struct ValueConstraints: Sendable {
    @usableFromInline var list: [ValueConstraint?] = []

    /// The constraint of that number; nil for a number the type lacks.
    /// Inlinable: the schema check asks for one per value it reads.
    @inlinable public subscript(number: Int) -> ValueConstraint? {
        number >= 0 && number < list.count ? list[number] : nil
    }

    /// Every constraint of the type, in number order.
    public var all: [ValueConstraint] { list.compactMap { $0 } }

    mutating func reserve(_ count: Int) { list.reserveCapacity(count) }

    /// Records `constraint` as number `number`: the next one, in the
    /// catalog's order; a number further on leaves a gap.
    mutating func set(_ number: Int, _ constraint: ValueConstraint) {
        while list.count <= number { list.append(nil) }
        list[number] = constraint
    }
}
