import ArgumentParser

/// `scrutiny`: the command line. Each subcommand lives in its own file.
@main
struct Scrutiny: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scrutiny",
        abstract: "A keyboard-only terminal workspace for a council scrutiny panel.",
        subcommands: [
            Open.self,
            New.self,
            Check.self,
            Import.self,
            Export.self,
            KeymapCommand.self,
            Present.self,
            MergeCommand.self,
            SyncCommand.self,
        ],
        defaultSubcommand: Open.self,
    )
}
