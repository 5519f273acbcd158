/// An IP address block in CIDR notation, read strictly the way EC2 and
/// cfn-lint read one: the address must be the block's first address, with
/// no bits set below the prefix length (`10.0.0.0/16`, not `10.0.0.1/16`).
public struct AddressBlock: Sendable, Equatable {
    /// 4 or 6.
    public var version: Int
    /// The address, 4 or 16 bytes.
    public var bytes: [UInt8]
    public var prefixLength: Int

    /// What is wrong with `text` as a block of the given version, in words;
    /// nil when it is a valid block.
    /// A lone address is the block of just that address, as cfn-lint (and
    /// Python's `ipaddress`) read it.
    public static func problem(_ text: String, version: Int) -> String? {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let bits = version == 4 ? 32 : 128
        if parts.count == 1 { parts.append(Substring(String(bits))) }
        guard parts.count == 2, let length = Int(parts[1]), String(length) == parts[1], (0...bits).contains(length) else {
            return "is not an IPv\(version) address block (address/prefix length, prefix 0 to \(bits))"
        }
        guard let bytes = version == 4 ? ipv4(parts[0]) : ipv6(parts[0]) else {
            return "is not an IPv\(version) address block: '\(parts[0])' is not an IPv\(version) address"
        }
        let block = AddressBlock(version: version, bytes: bytes, prefixLength: length)
        guard block.hostBitsAreZero else {
            return "has bits set past its /\(length) prefix; the block it means starts at \(block.networkAddress)/\(length)"
        }
        return nil
    }

    var hostBitsAreZero: Bool {
        bytes.enumerated().allSatisfy { index, byte in byte & ~Self.mask(byte: index, prefix: prefixLength) == 0 }
    }

    /// The block's first address, written the usual way.
    var networkAddress: String {
        let network = bytes.enumerated().map { index, byte in byte & Self.mask(byte: index, prefix: prefixLength) }
        if version == 4 { return network.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(network[$0]) << 8 | UInt16(network[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// The bits of byte `index` that lie inside a prefix of `prefix` bits.
    static func mask(byte index: Int, prefix: Int) -> UInt8 {
        let inside = min(max(prefix - index * 8, 0), 8)
        return inside == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - inside))
    }

    /// Four decimal octets, without leading zeros (which some readers take
    /// as octal).
    static func ipv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for octet in octets {
            guard let value = UInt8(octet), String(value) == octet else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// Eight groups of up to four hex digits, `::` standing for one run of
    /// zero groups, and an IPv4 address allowed as the last 32 bits.
    static func ipv6(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: "::", omittingEmptySubsequences: false)
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring) -> [UInt8]? {
            if part.isEmpty { return [] }
            var bytes: [UInt8] = []
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, field) in fields.enumerated() {
                if index == fields.count - 1, field.contains("."), let v4 = ipv4(field) {
                    bytes += v4
                    continue
                }
                guard (1...4).contains(field.count), let value = UInt16(field, radix: 16) else { return nil }
                bytes += [UInt8(value >> 8), UInt8(value & 0xFF)]
            }
            return bytes
        }
        guard let head = groups(halves[0]) else { return nil }
        if halves.count == 1 { return head.count == 16 ? head : nil }
        guard let tail = groups(halves[1]), head.count + tail.count <= 14 else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }
}
