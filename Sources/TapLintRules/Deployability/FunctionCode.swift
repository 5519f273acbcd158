import TapLintCore

/// A Python or Node.js function's handler and where its code is, read from
/// an `AWS::Lambda::Function` or a SAM function (Globals included).
struct FunctionCode {
    enum Language { case python, node }

    enum Source {
        /// `InlineCode` or `Code.ZipFile`.
        case inline(String)
        /// A local folder (`CodeUri: src/`), relative to the template; `.`
        /// for a SAM function that names none.
        case folder(String)
    }

    var resource: String
    var language: Language
    var handler: String
    var handlerAt: (range: SourceRange, path: [PathElement])
    var source: Source

    /// The handler's file part (`app` of `app.handler`, `src/app` of `src/app.handler`).
    var module: String { String(handler[..<handler.lastIndex(of: ".")!]) }
    /// The function part (`handler`).
    var function: String { String(handler[handler.index(after: handler.lastIndex(of: ".")!)...]) }
    /// The module as a path: Python reads `pkg.app` as `pkg/app`.
    var modulePath: String {
        language == .python ? module.replacing(".", with: "/") : module
    }

    /// Nil for a function taplint cannot judge: another runtime, an image,
    /// code in S3, or a handler, runtime or code computed at deploy time.
    init?(_ resource: Resource, in template: Template) {
        guard resource.type == "AWS::Lambda::Function" || resource.type == "AWS::Serverless::Function" else { return nil }
        func text(_ name: String) -> (String, (range: SourceRange, path: [PathElement]))? {
            guard let found = template.property(name, of: resource),
                  let value = template.stringValue(of: found.entry.value) else { return nil }
            return (value, (found.entry.value.valueRange, found.path))
        }
        if text("PackageType")?.0 == "Image" { return nil }
        guard let runtime = text("Runtime")?.0, let (handler, handlerAt) = text("Handler"),
              let dot = handler.lastIndex(of: "."), dot != handler.startIndex, handler.index(after: dot) != handler.endIndex
        else { return nil }
        if runtime.hasPrefix("python") { language = .python } else if runtime.hasPrefix("nodejs") { language = .node } else { return nil }
        let properties = resource.properties
        if resource.type == "AWS::Lambda::Function" {
            guard let code = properties?.entry("Code") else { return nil }
            if let zip = code.value.entry("ZipFile"), let inline = zip.value.string {
                source = .inline(inline)
            } else if let folder = code.value.string, !folder.hasPrefix("s3://") {
                source = .folder(folder)
            } else {
                return nil
            }
        } else if let inline = properties?.entry("InlineCode"), let code = inline.value.string {
            source = .inline(code)
        } else if let folder = text("CodeUri")?.0, !folder.hasPrefix("s3://") {
            source = .folder(folder)
        } else if template.property("CodeUri", of: resource) == nil {
            // `sam build` and `sam package` take a function without CodeUri
            // from the template's own folder.
            source = .folder(".")
        } else {
            return nil
        }
        self.resource = resource.name
        self.handler = handler
        self.handlerAt = handlerAt
    }

    /// A finding on the handler.
    func violation(_ message: String, fix: String? = nil) -> Violation {
        Violation(at: handlerAt.range, path: handlerAt.path, message: message, resource: resource, fix: fix)
    }
}

/// What taplint reads in source code: whether a name occurs, as a whole
/// word. Deliberately loose (a name mentioned anywhere counts as defined):
/// a missing function is then certain, and no way of defining one (a
/// decorator, an assignment, a re-export) is mistaken for its absence.
enum CodeText {
    static func defines(_ name: String, in bytes: [UInt8]) -> Bool {
        let needle = Array(name.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        func identifier(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x24 || byte >= 0x80
        }
        var i = 0
        while let at = find(needle, in: bytes, from: i) {
            let before = at == 0 || !identifier(bytes[at - 1])
            let end = at + needle.count
            if before, end == bytes.count || !identifier(bytes[end]) { return true }
            i = at + 1
        }
        return false
    }

    /// The response module the code imports that AWS supplies only to
    /// inline code: `cfnresponse` (Python) or `cfn-response` (Node.js).
    static func importsResponseModule(_ bytes: [UInt8], language: FunctionCode.Language) -> String? {
        switch language {
        case .python:
            let found = contains(Array("import cfnresponse".utf8), in: bytes) || contains(Array("from cfnresponse ".utf8), in: bytes)
            return found ? "cfnresponse" : nil
        case .node:
            let found = contains(Array("'cfn-response'".utf8), in: bytes) || contains(Array("\"cfn-response\"".utf8), in: bytes)
            return found ? "cfn-response" : nil
        }
    }

    static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { ByteSearch.contains(haystack, needle: $0) } }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var i = start
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
