/// What went wrong reading or writing a store, in words a clerk can act on.
///
/// Every message names the file and says whether the file was touched, because the first thing
/// anyone wants to know after an error is whether their work is still there.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all (missing, a folder, no permission).
    case unreadable(file: String, reason: String)
    /// Not a Scrutiny panel: empty, not JSON, not an object, no `"format": "scrutiny-panel"`.
    case notAPanel(file: String, reason: String)
    /// Broken JSON syntax (a truncated or hand-edited file), with where it broke.
    case syntax(file: String, line: Int, column: Int, reason: String)
    /// Valid JSON of the panel format with a value of the wrong type or missing;
    /// `path` is where in the document, e.g. `framework.cells[3].text`.
    case invalid(file: String, path: String, reason: String)
    /// Written by a newer Scrutiny that knows a format this build does not.
    case newerVersion(file: String, version: Int, supported: Int)
    /// An older version this build cannot bring up to date.
    case migrationFailed(file: String, fromVersion: Int, reason: String)
    /// `scrutiny new` refuses to replace a file.
    case alreadyExists(file: String)
    /// Saving failed at `step`; `previousKept` says an earlier copy of the file is still there.
    case writeFailed(file: String, step: String, reason: String, previousKept: Bool)
    /// The new version is in place but the folder could not be flushed to disk, so a power cut
    /// in the next moments might bring back the previous version.
    case notDurable(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file) cannot be read: \(reason)."
        case let .notAPanel(file, reason):
            "\(file) is not a Scrutiny panel (\(reason)). The file was not changed."
        case let .syntax(file, line, column, reason):
            "\(file) is not a Scrutiny panel (broken JSON at line \(line), column \(column): \(reason)). "
                + "The file was not changed."
        case let .invalid(file, path, reason):
            "\(file) is a damaged Scrutiny panel: at \(path), \(reason). The file was not changed."
        case let .newerVersion(file, version, supported):
            "\(file) was written by a newer Scrutiny (format version \(version); this one reads up to "
                + "version \(supported)). Update Scrutiny to open it. The file was not changed."
        case let .migrationFailed(file, from, reason):
            "\(file) uses format version \(from), which cannot be brought up to date: \(reason). "
                + "The file was not changed."
        case let .alreadyExists(file):
            "\(file) already exists; Scrutiny never overwrites a file with a new panel. "
                + "Choose another name or move the old file away."
        case let .writeFailed(file, step, reason, previousKept):
            "Could not save \(file): \(reason) (while \(step)). "
                + (previousKept ? "Nothing was lost: \(file) still holds the previous save."
                                : "No file was created.")
        case let .notDurable(file, reason):
            "Saved \(file), but could not flush its folder to disk (\(reason)); "
                + "if the machine loses power now, the previous save may come back."
        }
    }
}
