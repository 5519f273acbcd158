#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a Lambda runtime is in AWS's lifecycle: when it was deprecated,
/// when AWS blocks creating and then updating functions that use it, and
/// what to move to. Dates are ISO days (`2026-07-31`), which compare as text.
public struct RuntimeLifecycle: Sendable, Equatable {
    public var name: String
    public var deprecated: String
    public var createBlock: String
    public var updateBlock: String
    public var successor: String?

    /// The runtime's lifecycle; nil for one AWS has not scheduled (or one
    /// the catalog does not know).
    public static func named(_ name: String) -> RuntimeLifecycle? { table[name] }

    /// Parsed on first use from the catalog's `runtimeLifecycles`, as bytes
    /// read in place (`CatalogRecord`): splitting a String by characters cost
    /// more than the rule's whole work, and the generic `split` of a buffer
    /// a tenth of a million instructions of runtime type lookups.
    private static let table: [String: RuntimeLifecycle] = Catalog.runtimeLifecycles.withUTF8Buffer { bytes in
        var table: [String: RuntimeLifecycle] = [:]
        var record = CatalogRecord(bytes)
        while let line = record.next() {
            let fields = CatalogRecord.words(line)
            guard fields.count == 5 else { continue }
            table[fields[0]] = RuntimeLifecycle(name: fields[0], deprecated: fields[1], createBlock: fields[2],
                                                updateBlock: fields[3], successor: fields[4] == "-" ? nil : fields[4])
        }
        return table
    }
}

/// A calendar day, as `--as-of` takes it and runtime dates are written.
public enum CalendarDay {
    /// Today in UTC, `YYYY-MM-DD`.
    public static func today() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return format(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }

    /// `text` when it is a real day written `YYYY-MM-DD`, else nil.
    public static func parse(_ text: String) -> String? {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1] ? format(year: year, month: month, day: day) : nil
    }

    private static func format(year: Int, month: Int, day: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
