import ArgumentParser
import Foundation
import PanelModel
import PanelTerminal

/// `scrutiny present FILE [--follow-cursor]`: the chair's window for a shared screen. It shows
/// the framework in presentation mode and follows the clerk's saves as they land; it is
/// read-only (every change is refused with "read-only view"), never opens the store for
/// writing and never takes the clerk's lock, so any number of them can run beside the clerk.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Show a panel's framework on a shared screen, read-only, following the clerk's saves.",
        discussion: """
            Arrows move, z zooms into a cell (Z a criterion, A-z a dimension), E hides empty \
            criteria and dimensions, ? lists the keys, q closes. The store may not exist yet: the \
            window waits for the clerk's first save.
            """
    )

    @Argument(help: ArgumentHelp("The panel's store, as the clerk opened it.", valueName: "file"))
    var file: String

    @Flag(name: .long, help: "Also follow the clerk's selection (the clerk's scrutiny publishes it in FILE.cursor).")
    var followCursor = false

    @Option(name: .long, help: ArgumentHelp("A built-in keymap (default, vim, emacs) or the path of a keymap file.",
                                            valueName: "name|path"))
    var keymap: String?

    func run() throws {
        let store = URL(fileURLWithPath: file)
        let keys: Keymap
        let follower: StoreFollower
        do {
            keys = try KeymapLoader.load(keymap)
            follower = try StoreFollower(store: store, followCursor: followCursor)
            try TerminalSession.checkTerminal()
        } catch {
            FileHandle.standardError.write(Data("scrutiny: \(error)\n".utf8))
            throw ExitCode.failure
        }
        var workspace = Workspace(document: PanelDocument(), keymap: keys)
        workspace.present(readOnly: true)
        // The bottom line is short: the file's name says enough there.
        let name = store.lastPathComponent
        for event in follower.start() { workspace.receive(event, storeName: name) }
        let status = TerminalSession.run(workspace, store: store, background: { app in
            let events = follower.poll()
            for event in events { app.receive(event, storeName: name) }
            return !events.isEmpty
        })
        if status != 0 { throw ExitCode(status) }
    }
}
