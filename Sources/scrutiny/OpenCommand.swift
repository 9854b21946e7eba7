import ArgumentParser
import Foundation
import PanelModel
import PanelTerminal

/// `scrutiny [FILE] [--keymap NAME|PATH]`: the full-screen workspace, the default command.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a panel file in the full-screen workspace (the default command).",
        discussion: """
            Without FILE, opens ./panel.json, creating it from the example panel on first run. \
            Every change, and the text of an open editor once a second, is written to FILE.journal \
            (on disk before the title bar says saved) and comes back if Scrutiny is killed. One \
            Scrutiny at a time writes a file (FILE.lock); another is offered a read-only view. \
            New files are readable by their owner only.
            """
    )

    @Argument(help: "The panel file (default: ./panel.json).")
    var file: String?

    @Option(help: "The keymap: default, vim, emacs, or the path of a .toml file.")
    var keymap: String?

    func run() throws {
        // Everything Scrutiny creates (store, journal, lock, temporary files) is for its owner's eyes only.
        umask(0o077)
        let url = URL(fileURLWithPath: file ?? "panel.json")
        let keymap: Keymap
        do {
            keymap = try KeymapLoader.load(self.keymap)
        } catch {
            fail("\(error)")
        }

        let exists = FileManager.default.fileExists(atPath: url.path)
        if !exists && file != nil {
            fail("\(url.relativePath) does not exist; create it with `scrutiny new \(url.relativePath)`")
        }
        if !exists {
            // First run: never leave a new panel.json behind when there is no terminal to use it.
            requireTerminal()
            do { try PanelStore.create(PanelTemplates.example, at: url) } catch { fail("\(error)") }
        }

        // The lock, temp files of a crash, and all but a big store's notes read: before asking
        // for a terminal, so a bad file is reported anywhere.
        switch Result(catching: { () throws(StoreSessionError) in try StoreSession.begin(url, program: Self.program) }) {
        case .success(let opening):
            do { try TerminalSession.checkTerminal() } catch {
                // Damaged notes are reported before a missing terminal, as when they were read at once.
                switch Result(catching: opening.finish) {
                case .success(let (session, _)): session.close()
                case .failure(let storeError): fail("\(storeError)")
                }
                fail("\(error)")
            }
            let status: Int32
            if opening.notesPending {
                // The first frame now, the notes (most of a big store) meanwhile on their own thread.
                var preview = Workspace(document: opening.preview, keymap: keymap)
                preview.notesLoading = true
                preview.storeURL = url
                status = TerminalSession.run(preview: preview, store: url) {
                    switch Result(catching: opening.finish) {
                    case .success(let (session, opened)):
                        .success((workspace(session, opened, keymap: keymap, url: url), session))
                    case .failure(let error):
                        .failure(TerminalSession.StartError(description: error.description))
                    }
                }
            } else {
                let (session, opened): (StoreSession, StoreSession.Opened)
                do { (session, opened) = try opening.finish() } catch { fail("\(error)") }
                status = TerminalSession.run(workspace(session, opened, keymap: keymap, url: url), store: url,
                                             session: session)
            }
            if status != 0 { throw ExitCode(status) }
        case .failure(.store(let error)):
            fail("\(error)")
        case .failure(.locked(let refusal)):
            requireTerminal()
            let choice = LockPrompt.ask(refusal, read: TerminalSession.askOnPlainTerminal, say: { print($0) })
            guard choice == .readOnly else { throw ExitCode(1) }
            let document: PanelDocument
            do { document = try StoreSession.peek(url).document } catch { fail("\(error)") }
            var workspace = Workspace(document: document, keymap: keymap)
            workspace.readOnly = true
            workspace.storeURL = url
            workspace.announce("read-only view: \(url.relativePath) is open in another Scrutiny")
            let status = TerminalSession.run(workspace, store: url)
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// The workspace over a store just opened for writing, with what the opening recovered said.
    private func workspace(_ session: StoreSession, _ opened: StoreSession.Opened, keymap: Keymap, url: URL) -> Workspace {
        if opened.recovery.replayed > 0 {
            // Bring the store itself up to date at once, so other tools (check, export, a
            // follower) see what was recovered. If it fails, the journal still holds it all.
            _ = try? session.snapshot(opened.document, through: session.lastSequence)
        }
        var workspace = Workspace(document: opened.document, keymap: keymap, draft: opened.draft)
        // For chairs running `scrutiny present FILE --follow-cursor` (ids only, in FILE.cursor).
        workspace.publishesSelection = true
        workspace.storeURL = url
        if !opened.summary.isEmpty { workspace.announce(Self.sentence(opened.summary)) }
        return workspace
    }

    /// Written in the lock, so a refusal can say which program holds the store.
    static let program = "scrutiny 0.1"

    /// "Took over the lock …; replayed 12 changes …": the session's summary as a sentence.
    static func sentence(_ summary: String) -> String {
        summary.prefix(1).uppercased() + summary.dropFirst()
    }

    private func requireTerminal() {
        do { try TerminalSession.checkTerminal() } catch { fail("\(error)") }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("scrutiny: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
