import Foundation
import Synchronization

/// The last shutdown signal caught and not yet taken, or 0. A signal handler may only do
/// async-signal-safe work, so it stores the number here and the main loop does the rest;
/// this is the program's one piece of global mutable state, because a C signal handler has
/// nowhere else to put it.
private let caughtSignal = Atomic<Int32>(0)

/// SIGHUP (an SSH drop), SIGTERM, SIGINT and SIGQUIT: the handler only notes the signal; the
/// host's main loop saves, restores the terminal and exits. A second signal during that save
/// only notes it again, so it cannot cut the save short.
///
/// Install before `initscr`: ncurses installs its own SIGINT/SIGTERM handlers (which leave at
/// once) only where it finds the default action. SIGWINCH and SIGTSTP are left to ncurses.
public enum ShutdownSignals {
    public static let handled: [Int32] = [SIGHUP, SIGTERM, SIGINT, SIGQUIT]

    public static func install() {
        for number in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                caughtSignal.store(number, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a read waiting for a key returns at once, so the loop sees the flag.
            action.sa_flags = 0
            sigaction(number, &action, nil)
        }
        // Writing to a terminal or pipe that has gone away must fail with EPIPE, not kill us
        // before the panel is saved.
        signal(SIGPIPE, SIG_IGN)
    }

    /// The signal caught since the last call, if any.
    public static func take() -> Int32? {
        let number = caughtSignal.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }
}
