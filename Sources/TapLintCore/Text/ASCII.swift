extension UInt8 {
    /// A–Z, a–z or 0–9: what logical ids, and the parts SAM builds them
    /// from, may hold.
    public var isASCIIAlphanumeric: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
    }
}
