import Foundation
import PanelModel

/// When the store is locked by another Scrutiny, asks on the plain terminal (before the full
/// screen starts) whether to open it read-only or quit:
///
///     panel.json is open in pid 4242 on clerk-laptop since 2024-03-06T10:41:07Z (scrutiny 0.1). …
///     [r]ead-only / [q]uit:
///
/// The lock is never removed here: a live holder keeps it, and a lock from another host is
/// removed only by hand (the message says how). A stale lock never gets this far: opening the
/// store takes it over.
public enum LockPrompt {
    public enum Choice: Equatable, Sendable {
        case readOnly
        case quit
    }

    /// `read` returns one answer, nil at end of input (which quits); `say` prints a line.
    public static func ask(_ refusal: StoreLockError, read: (String) -> String?, say: (String) -> Void) -> Choice {
        say(refusal.description)
        while let answer = read("[r]ead-only / [q]uit: ") {
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "r", "read-only", "readonly": return .readOnly
            case "q", "quit", "": return .quit
            default: say("Type r to open it read-only, or q to quit.")
            }
        }
        return .quit
    }
}
