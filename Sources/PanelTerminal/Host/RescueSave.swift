import Foundation
import PanelModel

/// When the store cannot be written on the way out (disk full, folder read-only, file gone),
/// writes the panel somewhere else rather than lose it: asks on the plain terminal where,
/// offering a new file beside the store; without anyone to ask (a hang-up, a signal), tries
/// beside the store, then the home folder, then the temporary folder.
public struct RescueSave {
    public let document: PanelDocument
    public let reason: String
    public let files: StoreFiles
    /// Reads one answer (nil at end of input); nil itself when there is nobody to ask.
    public var ask: ((String) -> String?)?
    public var say: (String) -> Void
    public var now: Date
    public var home: URL?

    public init(document: PanelDocument, reason: String, files: StoreFiles,
                ask: ((String) -> String?)?, say: @escaping (String) -> Void,
                now: Date = Date(), home: URL? = FileManager.default.homeDirectoryForCurrentUser) {
        self.document = document
        self.reason = reason
        self.files = files
        self.ask = ask
        self.say = say
        self.now = now
        self.home = home
    }

    /// Where the panel was written, or nil when nowhere could take it.
    public func run() -> URL? {
        say("Scrutiny could not save your changes.\n\(reason)")
        let candidates = placesToTry()
        if let ask {
            // Offer the first place that can take a file: beside the store unless its folder is gone.
            let suggestion = candidates.first { Self.canWrite(in: $0.deletingLastPathComponent()) } ?? candidates[0]
            while true {
                guard let answer = ask("Where shall I write them? [\(suggestion.path)] ") else { break }
                let trimmed = answer.trimmingCharacters(in: .whitespaces)
                let target = trimmed.isEmpty ? suggestion : URL(fileURLWithPath: (trimmed as NSString).expandingTildeInPath)
                if let written = write(to: target) { return written }
            }
        }
        for target in candidates {
            if let written = write(to: target) { return written }
        }
        say("Nowhere could take the changes; whatever reached \(files.store.lastPathComponent).journal comes back "
            + "the next time the panel is opened.")
        return nil
    }

    /// A new file beside the store, then the same name in the home folder and the temporary folder.
    private func placesToTry() -> [URL] {
        let beside = files.rescueCandidate(at: now)
        let name = beside.lastPathComponent
        var places = [beside]
        if let home { places.append(home.appendingPathComponent(name)) }
        places.append(URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(name))
        return places
    }

    private static func canWrite(in folder: URL) -> Bool {
        access(folder.path, W_OK) == 0
    }

    private func write(to target: URL) -> URL? {
        if FileManager.default.fileExists(atPath: target.path) {
            say("\(target.path) already exists; choose another name.")
            return nil
        }
        do {
            try StoreFiles.writeAtomically(PanelStore.encode(document), to: target)
            say("Your changes are saved in \(target.path).")
            return target
        } catch {
            say("Could not write \(target.path): \(error)")
            return nil
        }
    }
}
