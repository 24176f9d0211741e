/// The environment stopped a command: a folder, file or database that cannot be used.
/// The message names the path and says what to do.
public struct EnvironmentError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
