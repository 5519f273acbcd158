/// One step from the template's root to a node: a mapping key or a list index.
public enum PathElement: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

extension Array where Element == PathElement {
    /// `Properties.Policies[0].PolicyName`, the way messages name a place.
    /// Written as bytes, then made a string once: findings name their
    /// place by the thousand on a large template, and each `String` append
    /// cost more than the bytes it added.
    public var dotted: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 12)
        appendDotted(startIndex..<endIndex, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The path from `start` up to its first intrinsic function, dotted:
    /// how a user names the property that holds a value,
    /// `Properties.Role`, not `Properties.Role.Fn::GetAtt`.
    public func place(from start: Int) -> String {
        var bytes: [UInt8] = []
        appendDotted(placeRange(from: start), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `Owner.Inner.Path`: the place from `start` (as `place(from:)`)
    /// after the resource or output that holds it. `droppingProperties`
    /// leaves out a leading `Properties.` (`Bucket.BucketName` reads better
    /// than `Bucket.Properties.BucketName`). Made in one string, without
    /// reading characters: messages name places by the thousand.
    public func place(under owner: String, from start: Int, droppingProperties: Bool = false) -> String {
        var bytes = [UInt8](owner.utf8)
        bytes.append(UInt8(ascii: "."))
        let innerStart = bytes.count
        appendDotted(placeRange(from: start), to: &bytes)
        if bytes.count == innerStart {
            bytes.removeLast()
        } else if droppingProperties, bytes.count >= innerStart + Self.properties.count,
                  bytes[innerStart..<(innerStart + Self.properties.count)].elementsEqual(Self.properties) {
            bytes.removeSubrange(innerStart..<(innerStart + Self.properties.count))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let properties = [UInt8]("Properties.".utf8)

    /// The elements from `start` to the first intrinsic function.
    private func placeRange(from start: Int) -> Range<Int> {
        let start = Swift.min(start, endIndex)
        var end = start
        while end < endIndex {
            if case .key(let key) = self[end], IntrinsicName(longFormKey: key) != nil { break }
            end += 1
        }
        return start..<end
    }

    private func appendDotted(_ range: Range<Int>, to bytes: inout [UInt8]) {
        let base = bytes.count
        for element in self[range] {
            switch element {
            case .key(var key):
                if bytes.count != base { bytes.append(UInt8(ascii: ".")) }
                key.withUTF8 { bytes.append(contentsOf: $0) }
            case .index(let index):
                bytes.append(UInt8(ascii: "["))
                bytes.append(contentsOf: String(index).utf8)
                bytes.append(UInt8(ascii: "]"))
            }
        }
    }
}
