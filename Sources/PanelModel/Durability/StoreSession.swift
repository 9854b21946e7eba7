import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One open store, writable: the lock, the journal and the snapshot, tied together so the host
/// holds one object and calls four methods.
///
/// - `open` takes the lock, removes temp files of earlier crashes, loads the snapshot and
///   replays its journal (`begin` and `StoreOpening.finish` do it in two steps, so a big
///   store's notes are decoded while its first screen is drawn).
/// - `record` puts a committed change on disk (journal, fsync) and returns when it is there:
///   after it returns, "saved" is true.
/// - `recordDraft` keeps the open editor's draft, or notes it ended (the host calls it at most
///   once a second while the text changes).
/// - `snapshot` writes the whole document atomically, then cuts the journal.
/// - `close` releases the lock (after a last snapshot, if the host wants one).
///
/// Thread-safety: every method may be called from any thread. Journal writes are serialised
/// by one lock, held only for an append (microseconds plus an fsync), so the main loop's
/// `record` never waits for the background `snapshot`'s encoding and saving, which hold a
/// second lock that only snapshots take.
public final class StoreSession: @unchecked Sendable {
    /// What `open` found, for the host to show.
    public struct Opened: Sendable {
        /// The snapshot with the journal replayed.
        public var document: PanelDocument
        /// The open editor's draft when the program last stopped (the bytes the host gave
        /// `recordDraft`), to reopen the editor with.
        public var draft: Data?
        public var recovery: JournalRecovery
        /// The old lock this session replaced (its program had died), if any.
        public var takenOver: StoreLock.TakenOver?
        /// Temp files of interrupted saves that were removed.
        public var removedLeftovers: [String]
        /// Where the damaged or unmatched journal was copied, if it was.
        public var journalKeptAside: String?

        /// One line for the title bar or the terminal, "" when there was nothing to say:
        /// "took over the lock left by pid 4242 (since …), which is no longer running;
        /// replayed 12 changes and a draft of 340 characters; ignored a torn last record".
        public var summary: String {
            var parts: [String] = []
            if let takenOver { parts.append(takenOver.description) }
            let recovered = recovery.summary
            if !recovered.isEmpty { parts.append(recovered) }
            if let journalKeptAside { parts.append("a copy of the journal is in \(journalKeptAside)") }
            if !removedLeftovers.isEmpty {
                parts.append("removed \(removedLeftovers.count == 1 ? "1 temp file" : "\(removedLeftovers.count) temp files") "
                    + "of an interrupted save")
            }
            return parts.joined(separator: "; ")
        }
    }

    /// How a snapshot went, beyond "saved".
    public enum SnapshotOutcome: Equatable, Sendable {
        case saved
        /// Nothing changed since the last snapshot: nothing was written.
        case unchanged
        /// The store had been deleted behind our back and was written again.
        case recreated
        /// The store had been changed by something else; that version was kept at `keptAt`
        /// before ours replaced it.
        case replacedOutsideChange(keptAt: String)
    }

    public let url: URL
    private let displayName: String
    private let lock: StoreLock
    private let journal: JournalWriter
    private let calls: SystemCalls
    /// Guards `journal` (and `closed`).
    private let journalLock = NSLock()
    /// Lets one snapshot run at a time; guards `lastSaved`.
    private let snapshotLock = NSLock()
    /// What the store on disk was when we last read or wrote it, to notice changes behind our back.
    private var lastSaved: FileIdentity?
    private var closed = false

    init(url: URL, lock: StoreLock, journal: JournalWriter, identity: FileIdentity?, calls: SystemCalls) {
        self.url = url
        self.displayName = url.relativePath
        self.lock = lock
        self.journal = journal
        self.lastSaved = identity
        self.calls = calls
    }

    deinit { close() }

    /// Opens the store at `url` for writing. `program` goes in the lock ("scrutiny 0.3").
    public static func open(_ url: URL, program: String) throws(StoreSessionError) -> (StoreSession, Opened) {
        try open(url, program: program, now: Date(), calls: .live)
    }

    static func open(_ url: URL, program: String, now: Date, calls: SystemCalls) throws(StoreSessionError)
        -> (StoreSession, Opened) {
        try begin(url, program: program, now: now, calls: calls).finish()
    }

    /// Opens the store at `url` for writing in two steps, so the first screen can be drawn from
    /// `preview` while a big store's notes are decoded on another thread (see `StoreOpening`):
    /// takes the lock, removes leftovers, decodes all but the notes and reads the journal. Errors
    /// are those of `open`, in the same order: a file whose notes are damaged is reported as
    /// such even when something later (the journal) fails too.
    public static func begin(_ url: URL, program: String) throws(StoreSessionError) -> StoreOpening {
        try begin(url, program: program, now: Date(), calls: .live)
    }

    /// Notes of fewer bytes than this are decoded at once (a few milliseconds): a small panel's
    /// first frame shows its counts, with no "loading notes…" flashing by and no second render.
    static let deferredNotesMinimum = 256 * 1024

    /// `startNotes` runs the notes' decoding (a new thread; tests hold it back to see the screen
    /// before), for notes of `deferFrom` bytes or more.
    static func begin(_ url: URL, program: String, now: Date, calls: SystemCalls,
                      startNotes: BackgroundWork<StoreOpening.DeferredPart>.Start = { Thread.detachNewThread($0) },
                      deferFrom: Int = deferredNotesMinimum) throws(StoreSessionError) -> StoreOpening {
        let path = url.path
        let name = url.relativePath
        let lock: StoreLock
        do { lock = try StoreLock.acquire(for: path, displayName: name, program: program, now: now) } catch {
            throw .locked(error)
        }
        let removed = LeftoverFiles.clean(besides: path, olderThan: lock.acquiredAt)
        var deferred: BackgroundWork<StoreOpening.DeferredPart>?
        do {
            var document: PanelDocument
            var hash = ""
            var notesSize = 0
            do {
                // Only the notes' thread keeps the bytes: a big store is not held twice meanwhile.
                let bytes = try PanelStore.contents(of: url)
                if let split = PanelStore.decodeWithoutNotes(bytes) {
                    document = split.document
                    notesSize = split.notes.count
                    deferred = BackgroundWork(start: notesSize < deferFrom ? { $0() } : startNotes) {
                        StoreOpening.DeferredPart.decode(bytes, notesAt: split.notes, file: name)
                    }
                } else {
                    document = try PanelStore.decode(bytes, file: name)
                    hash = Checksum.hex(bytes)
                }
            }
            let journalPath = path + ".journal"
            // No journal is normal (a new store, or one last opened by an older Scrutiny); one
            // that exists but cannot be read must not be overwritten by a fresh one.
            var info = stat()
            let journalBytes = lstat(journalPath, &info) != 0 && errno == ENOENT
                ? nil : try PanelStore.readWhole(journalPath, displayName: name + ".journal")
            let contents = journalBytes.map(JournalReader.read) ?? JournalContents(records: [], damage: nil)
            // After a crash (changes or a draft to replay, damage to report) the first screen
            // must already show what the journal brings back: the notes are waited for here.
            if let pending = deferred, !contents.replaysNothing || notesSize < deferFrom {
                (document, hash) = try StoreOpening.whole(document, with: pending.wait())
                deferred = nil
            }
            return StoreOpening(url: url, lock: lock, removed: removed, preview: document, notes: deferred, hash: hash,
                                journalBytes: journalBytes, contents: contents, now: now, calls: calls)
        } catch {
            lock.release()
            // A whole decode would have failed on damaged notes before reading the journal.
            if let deferred, case .failure(let notesError) = deferred.wait().notes { throw .store(notesError) }
            throw .store(error)
        }
    }

    /// The store as the next `open` would see it (snapshot plus journal), without taking the
    /// lock or writing anything: for a read-only view of a store another instance has open,
    /// and for tools that check what a crash left.
    public static func peek(_ url: URL) throws(StoreError) -> JournalRecovery {
        let bytes = try PanelStore.contents(of: url)
        let snapshot = try PanelStore.decode(bytes, file: url.relativePath)
        let journalPath = url.path + ".journal"
        var info = stat()
        let journal = lstat(journalPath, &info) != 0 && errno == ENOENT
            ? Data() : try PanelStore.readWhole(journalPath, displayName: url.relativePath + ".journal")
        return JournalRecovery.replay(JournalReader.read(journal), onto: snapshot, snapshotHash: Checksum.hex(bytes))
    }

    /// The number of the last change recorded: pass it to `snapshot` with the document it is
    /// part of (read both on the thread that records).
    public var lastSequence: UInt64 {
        journalLock.withLock { journal.lastSequence }
    }

    /// Puts a committed change on disk; returns its number once the journal is fsync'd. Throws
    /// when it could not be (disk full, read-only, folder gone): the change is still kept in
    /// memory and goes into the journal with the next record or snapshot that succeeds.
    @discardableResult
    public func record(_ edit: Edit) throws(StoreError) -> UInt64 {
        try locked(journalLock) { () throws(StoreError) -> UInt64 in
            try ensureOpen()
            return try journal.append(.edit(edit))
        }
    }

    /// Keeps the open editor's draft (opaque bytes: the host's own encoding), or with nil notes
    /// that the editor closed, its text committed as an edit or abandoned. Call it at most about
    /// once a second while the text changes, and at once when the editor closes.
    public func recordDraft(_ draft: Data?) throws(StoreError) {
        try locked(journalLock) { () throws(StoreError) in
            try ensureOpen()
            if let draft {
                _ = try journal.append(.draft(draft))
            } else if journal.draft != nil {
                _ = try journal.append(.draftEnded)
            }
        }
    }

    /// Saves `document`, which holds every change up to `sequence` (`lastSequence` read with it),
    /// atomically, then cuts the journal. Safe to call from a background thread while `record`
    /// goes on: changes recorded meanwhile stay in the journal.
    @discardableResult
    public func snapshot(_ document: PanelDocument, through sequence: UInt64) throws(StoreError) -> SnapshotOutcome {
        try locked(snapshotLock) { () throws(StoreError) -> SnapshotOutcome in
            let bytes = PanelStore.encode(document)
            let hash = Checksum.hex(bytes)
            let current = FileIdentity(path: url.path)
            let upToDate = journalLock.withLock { journal.base == hash && journal.baseSequence >= sequence }
            if upToDate && current != nil && current == lastSaved { return .unchanged }

            // 1. The journal says which snapshot is coming, before it is in place.
            try locked(journalLock) { () throws(StoreError) in
                try ensureOpen()
                try journal.markSnapshot(hash: hash, through: sequence)
            }

            // 2. Someone else's version of the file is kept, never silently overwritten.
            var outcome = SnapshotOutcome.saved
            if current == nil {
                outcome = .recreated
            } else if let lastSaved, current != lastSaved {
                let aside = url.path + ".outside-change-" + Self.compactTimestamp(Date())
                if link(url.path, aside) != 0 {
                    let reason = AtomicFile.explain(errno, folder: AtomicFile.split(aside).folder, file: aside)
                    throw StoreError.writeFailed(file: displayName, step: "keeping the version changed outside Scrutiny",
                                                 reason: reason, previousKept: true)
                }
                outcome = .replacedOutsideChange(keptAt: AtomicFile.split(aside).name)
            }

            // 3. The snapshot, atomically; then the journal starts again after it.
            try AtomicFile.save(bytes, to: url.path, displayName: displayName, exclusive: false, calls: calls)
            lastSaved = FileIdentity(path: url.path)
            try locked(journalLock) { () throws(StoreError) in try journal.cut(base: hash, through: sequence) }
            return outcome
        }
    }

    /// For `:sync`: something else (git, through `scrutiny sync`) has rewritten the store while
    /// we held the lock, after a snapshot of ours (`snapshot(_:through: lastSequence)`) left the
    /// journal holding nothing the file did not. Reads the file and starts the journal again on
    /// it, so a crash from now on replays nothing old onto the merged version, and the next
    /// snapshot does not take the sync's file for an outside change. Throws (and changes
    /// nothing) when the file cannot be read as a panel.
    public func adoptStoreWrittenOutside() throws(StoreError) -> PanelDocument {
        try locked(snapshotLock) { () throws(StoreError) -> PanelDocument in
            let bytes = try PanelStore.contents(of: url)
            let document = try PanelStore.decode(bytes, file: displayName)
            try locked(journalLock) { () throws(StoreError) in
                try ensureOpen()
                try journal.cut(base: Checksum.hex(bytes), through: journal.lastSequence)
            }
            lastSaved = FileIdentity(path: url.path)
            return document
        }
    }

    /// Releases the lock and closes the journal. The journal file stays: it holds whatever the
    /// last snapshot does not, and the next open replays it.
    public func close() {
        journalLock.withLock {
            guard !closed else { return }
            closed = true
            journal.close()
            lock.release()
        }
    }

    /// After `close` the lock is gone: writing then could race another instance.
    private func ensureOpen() throws(StoreError) {
        if closed {
            throw StoreError.writeFailed(file: displayName, step: "saving", reason: "it was already closed",
                                         previousKept: true)
        }
    }

    /// `NSLock.withLock` with the typed error kept.
    private func locked<T>(_ lock: NSLock, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    static func compactTimestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}

/// Why a store could not be opened for writing.
public enum StoreSessionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Someone else has it (or the lock could not be made): offer read-only.
    case locked(StoreLockError)
    /// The store itself could not be read or its journal set up.
    case store(StoreError)

    public var description: String {
        switch self {
        case .locked(let error): error.description
        case .store(let error): error.description
        }
    }
}

extension JournalContents {
    /// True when replaying changes nothing the screen shows: no change, no draft, no damage
    /// (a journal after a clean exit holds only where it starts and the snapshots taken).
    fileprivate var replaysNothing: Bool {
        damage == nil && !records.contains {
            switch $0.payload {
            case .edit, .draft: true
            case .start, .draftEnded, .snapshot: false
            }
        }
    }
}
