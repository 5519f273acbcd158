/// SAM's `Globals`: properties written once that the transform merges into
/// every resource of a kind (`Globals: Function: Runtime: python3.12`).
extension Template {
    /// The Globals section for a SAM type (`AWS::Serverless::Function` reads
    /// `Globals.Function`); nil outside templates with the SAM transform.
    public func globals(for type: String) -> Node? {
        guard type.hasPrefix("AWS::Serverless::"), transforms.contains("AWS::Serverless-2016-10-31") else { return nil }
        return root["Globals"]?[String(type.dropFirst("AWS::Serverless::".count))]
    }

    /// The Globals value SAM merges into this resource's `name` property:
    /// nil when there is none, or the resource's `IgnoreGlobals` (`"*"` or
    /// a list of names) leaves it out.
    public func globalValue(_ name: String, for resource: Resource) -> Node? {
        if let ignored = resource.body["IgnoreGlobals"],
           ignored.string == "*" || ignored.items.contains(where: { $0.string == name }) { return nil }
        guard let type = resource.type else { return nil }
        return globals(for: type)?[name]
    }

    /// A scalar property as SAM deploys it: the resource's own entry, else
    /// the one in Globals (SAM lets the resource's value win) unless the
    /// resource's `IgnoreGlobals` (`"*"` or a list of names) leaves it out,
    /// with the path of the entry found.
    public func property(_ name: String, of resource: Resource) -> (entry: Entry, path: [PathElement])? {
        if let entry = resource.properties?.entry(name) {
            return (entry, [.key("Resources"), .key(resource.name), .key("Properties"), .key(name)])
        }
        guard let type = resource.type, globalValue(name, for: resource) != nil,
              let entry = globals(for: type)?.entry(name) else { return nil }
        return (entry, [.key("Globals"), .key(String(type.dropFirst("AWS::Serverless::".count))), .key(name)])
    }
}
