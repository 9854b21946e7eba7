import ArgumentParser
import Foundation
import PanelTerminal

/// `scrutiny keymap show`: what each key does, as the workspace will see it.
struct KeymapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keymap",
        abstract: "Show the keymaps.",
        subcommands: [Show.self],
        defaultSubcommand: Show.self
    )

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print the active key bindings, context by context.",
            discussion: """
                The chosen keymap (default, vim, emacs, or a file) is shown with the user's own \
                file, $XDG_CONFIG_HOME/scrutiny/keymap.toml, laid over it; keys it binds are marked *.
                """
        )

        @Option(name: .long, help: ArgumentHelp("A built-in keymap (default, vim, emacs) or the path of a keymap file.",
                                                valueName: "name|path"))
        var keymap: String?

        func run() throws {
            do {
                let resolved = try KeymapLoader.resolve(keymap)
                print(KeymapListing.render(resolved), terminator: "")
            } catch {
                FileHandle.standardError.write(Data("scrutiny: \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
