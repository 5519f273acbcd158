/// An AWS region a stack is deployed to: the partition its ARNs are in and
/// the resource types CloudFormation offers there (from cfn-lint's
/// per-region schemas, through the catalog's `regionalTypes`).
public struct Region: Sendable, Equatable {
    public var name: String

    /// Nil for a name that is not a region cfn-lint knows.
    public init?(_ name: String) {
        guard Self.table.index[name] != nil else { return nil }
        self.name = name
    }

    /// Every region the catalog knows, in order.
    public static var all: [String] { table.names }

    /// The partition, as ARNs spell it.
    public var partition: String {
        for (prefix, partition) in Self.partitions where name.hasPrefix(prefix) { return partition }
        return "aws"
    }

    /// False for a resource type CloudFormation does not offer in this
    /// region; true for one it does, and for SAM, custom and unknown types,
    /// which are not the catalog's to judge here.
    public func offers(_ type: String) -> Bool {
        guard let bits = Self.table.offering[type], let index = Self.table.index[name] else { return true }
        return bits[index]
    }

    /// Region name prefixes of the partitions other than `aws`, longest first.
    private static let partitions: [(String, String)] = [
        ("us-isob-", "aws-iso-b"), ("us-isof-", "aws-iso-f"), ("eu-isoe-", "aws-iso-e"), ("us-iso-", "aws-iso"),
        ("us-gov-", "aws-us-gov"), ("eusc-", "aws-eusc"), ("cn-", "aws-cn"),
    ]

    /// Parsed on first use: the regions, and for each type not offered
    /// everywhere, whether each region offers it.
    private static let table: (names: [String], index: [String: Int], offering: [String: [Bool]]) =
        Catalog.regionalTypes.withUTF8Buffer { bytes in
            let lines = bytes.split(separator: UInt8(ascii: "\n"))
            let names = lines.first.map { $0.split(separator: UInt8(ascii: " ")).map { String(decoding: $0, as: UTF8.self) } } ?? []
            var offering: [String: [Bool]] = [:]
            for line in lines.dropFirst() {
                let fields = line.split(separator: UInt8(ascii: " "))
                guard fields.count == 2 else { continue }
                var bits: [Bool] = []
                // Hexadecimal digits, most significant first; bit i is region i.
                for digit in fields[1].reversed() {
                    let value = Int(digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0"))
                    for bit in 0..<4 { bits.append(value & (1 << bit) != 0) }
                }
                bits += Array(repeating: false, count: max(0, names.count - bits.count))
                offering[String(decoding: fields[0], as: UTF8.self)] = bits
            }
            return (names, Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }), offering)
        }
}
