/// The intrinsic functions CloudFormation knows, by their long-form names.
public enum IntrinsicName: String, CaseIterable, Sendable {
    case ref = "Ref"
    case getAtt = "Fn::GetAtt"
    case sub = "Fn::Sub"
    case `if` = "Fn::If"
    case join = "Fn::Join"
    case select = "Fn::Select"
    case split = "Fn::Split"
    case findInMap = "Fn::FindInMap"
    case importValue = "Fn::ImportValue"
    case base64 = "Fn::Base64"
    case cidr = "Fn::Cidr"
    case getAZs = "Fn::GetAZs"
    case equals = "Fn::Equals"
    case and = "Fn::And"
    case or = "Fn::Or"
    case not = "Fn::Not"
    case condition = "Condition"
    case transform = "Fn::Transform"
    case toJsonString = "Fn::ToJsonString"
    case length = "Fn::Length"

    /// `!Ref` and `!Condition` keep their names; every other `!X` is `Fn::X`.
    /// Spelled out rather than built from the long name: the parser asks
    /// this of every tagged node.
    public init?(shortTag: String) {
        switch shortTag {
        case "!Ref": self = .ref
        case "!GetAtt": self = .getAtt
        case "!Sub": self = .sub
        case "!If": self = .if
        case "!Join": self = .join
        case "!Select": self = .select
        case "!Split": self = .split
        case "!FindInMap": self = .findInMap
        case "!ImportValue": self = .importValue
        case "!Base64": self = .base64
        case "!Cidr": self = .cidr
        case "!GetAZs": self = .getAZs
        case "!Equals": self = .equals
        case "!And": self = .and
        case "!Or": self = .or
        case "!Not": self = .not
        case "!Condition": self = .condition
        case "!Transform": self = .transform
        case "!ToJsonString": self = .toJsonString
        case "!Length": self = .length
        default: return nil
        }
    }
}

/// One call of an intrinsic function, whichever form it was written in.
/// `!Sub "x"` and `{"Fn::Sub": "x"}` decode to the same value.
public struct Intrinsic: Sendable {
    public var name: IntrinsicName
    /// The function's argument, with any short-form tag removed.
    public var argument: Node
    /// The whole call: the tagged node or the one-key mapping.
    public var node: Node
}

extension Node {
    /// The intrinsic function this node calls, in short or long form.
    ///
    /// The long form `{Condition: X}` is left out: a one-key mapping named
    /// `Condition` is an ordinary key almost everywhere (IAM statements, for
    /// one). Condition expressions ask for it through `conditionCall`.
    public var intrinsic: Intrinsic? {
        if let tag {
            guard case .intrinsic(let name) = tag else { return nil }
            var argument = self
            argument.tag = nil
            return Intrinsic(name: name, argument: argument, node: self)
        }
        guard let entries = mapping, entries.count == 1, let key = entries[0].name,
              let name = IntrinsicName(longFormKey: key) else { return nil }
        return Intrinsic(name: name, argument: entries[0].value, node: self)
    }

    /// Like `intrinsic`, but also reads `{Condition: X}`, for the places
    /// (condition expressions) where that is a function.
    public var conditionCall: Intrinsic? {
        if let call = intrinsic { return call }
        guard tag == nil, let entries = mapping, entries.count == 1, entries[0].name == "Condition" else { return nil }
        return Intrinsic(name: .condition, argument: entries[0].value, node: self)
    }
}

/// The target of an `Fn::GetAtt`, from `A.B` or `[A, B]`.
public struct GetAttTarget: Sendable {
    public var resource: String
    /// Nil when the attribute is computed (`[A, !Ref P]`).
    public var attribute: String?
    public var node: Node

    /// Reads both forms. A dotted string splits at the first dot, because
    /// attribute names themselves may contain dots (`Endpoint.Address`).
    public init?(_ argument: Node) {
        node = argument
        if let text = argument.string {
            guard let (before, after) = text.split(atFirst: UInt8(ascii: ".")) else { return nil }
            (resource, attribute) = (before, after)
        } else if let items = argument.sequence, items.count == 2, let name = items[0].string {
            resource = name
            attribute = items[1].string
        } else {
            return nil
        }
    }
}

extension IntrinsicName {
    /// The function a one-key mapping calls in long form (`Fn::Sub: …`,
    /// `Ref: …`); nil for any other key, `Condition` included (see
    /// `Node.intrinsic`). Most keys are turned away by their first byte,
    /// the rest compared with the names of their length: the synthesized
    /// `init(rawValue:)` hashed every key it was asked about.
    init?(longFormKey key: String) {
        switch key.utf8.first {
        case UInt8(ascii: "F"), UInt8(ascii: "R"): break
        default: return nil
        }
        let count = key.utf8.count
        guard count < Self.byLength.count else { return nil }
        for name in Self.byLength[count] where name.rawValue == key {
            self = name
            return
        }
        return nil
    }

    /// The long-form names by their length in bytes, `Condition` left out.
    private static let byLength: [[IntrinsicName]] = {
        var table = [[IntrinsicName]](repeating: [], count: 1 + allCases.map(\.rawValue.utf8.count).max()!)
        for name in allCases where name != .condition { table[name.rawValue.utf8.count].append(name) }
        return table
    }()
}

extension Node {
    /// `!Ref AWS::NoValue`: the property is left out where it stands.
    /// Read from the node itself, without decoding the call: every
    /// property value is asked this.
    public static func isNoValue(_ node: Node) -> Bool {
        switch node.content {
        case .scalar(let scalar):
            return node.tag == .intrinsic(.ref) && scalar.value == "AWS::NoValue"
        case .mapping(let entries):
            return node.tag == nil && entries.count == 1 && entries[0].name == "Ref" && entries[0].value.string == "AWS::NoValue"
        case .sequence:
            return false
        }
    }
}
