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
            Every change is saved as you go; text in an open editor is kept beside the file as \
            FILE.draft and comes back if Scrutiny is killed. New files are readable by their owner only.
            """
    )

    @Argument(help: "The panel file (default: ./panel.json).")
    var file: String?

    @Option(help: "The keymap: default, vim, emacs, or the path of a .toml file.")
    var keymap: String?

    func run() throws {
        // Everything Scrutiny creates (store, draft, temporary files) is for its owner's eyes only.
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
        let document: PanelDocument
        if exists {
            // Read the store before asking for a terminal, so a bad file is reported anywhere.
            do { document = try PanelStore.load(from: url) } catch { fail("\(error)") }
            requireTerminal()
        } else {
            // First run: never leave a new panel.json behind when there is no terminal to use it.
            requireTerminal()
            do { try PanelStore.create(PanelTemplates.example, at: url) } catch { fail("\(error)") }
            document = PanelTemplates.example
        }

        let files = StoreFiles(store: url)
        files.removeLeftoverDraftTemporaries()
        let draft = files.readDraft()
        let workspace = Workspace(document: document, keymap: keymap, draft: draft)
        let status = TerminalSession.run(workspace, store: url)
        if status != 0 { throw ExitCode(status) }
    }

    private func requireTerminal() {
        do { try TerminalSession.checkTerminal() } catch { fail("\(error)") }
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("scrutiny: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
