/// Read access to the files beside a template, such as a function's code
/// folder, for the rules that compare the template with them. The command
/// line hands in the file system; tests hand in a dictionary. Without one,
/// those rules judge only what the template itself holds.
public protocol SourceFiles: Sendable {
    /// The file's bytes; nil when there is no such file or it cannot be read.
    func read(_ path: String) -> [UInt8]?
    func isDirectory(_ path: String) -> Bool
    /// The names directly in a folder (files and folders), sorted; empty
    /// when it is no folder.
    func entries(of folder: String) -> [String]
}
