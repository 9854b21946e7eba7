#if canImport(Glibc)
import Glibc
#endif

/// The few environment variables a caller names, read with `getenv`.
///
/// `ProcessInfo.processInfo.environment` copies the whole environment into a new dictionary
/// on every call (0.4–0.9 M instructions each); start-up asked it three times to read four
/// variables. The functions that take an environment keep taking a dictionary, so tests can
/// still hand them any.
public enum EnvironmentValues {
    /// The named variables that are set, by name.
    public static func named(_ names: String...) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
