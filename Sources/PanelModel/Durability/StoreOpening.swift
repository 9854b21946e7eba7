import Foundation

/// A store being opened for writing, in two phases, so the first screen is drawn while a big
/// store's notes are still being decoded (see `StoreSession.begin`).
///
/// `begin` has taken the lock, removed leftovers of earlier crashes, decoded everything but the
/// notes (`preview`), and read the journal; the notes are being decoded on a thread of their own.
/// `finish` waits for them and does the rest exactly as `StoreSession.open` does: the whole
/// document, or the error decoding it whole gives (the lock then released, nothing written);
/// the journal replayed and written afresh. Nothing is written before `finish`, so a store
/// whose notes turn out damaged is left as it was.
///
/// Notes are deferred only when the journal holds no change and no draft to replay (the normal
/// case), so the preview is the document as it will be, less its notes, and only when they are
/// big enough to be worth it (`StoreSession.deferredNotesMinimum`). Otherwise (after a crash, or
/// a small panel) the notes are waited for in `begin`, and the opening is as before.
public final class StoreOpening: @unchecked Sendable {
    /// The document to show until `finish`: without its notes while `notesPending`. Empty after
    /// `finish`, which hands over the whole document (one copy of a big panel is enough).
    public private(set) var preview: PanelDocument
    /// True while the notes are still to come: the preview has none, and `finish` waits for them.
    public var notesPending: Bool { notes != nil && !done }

    private let url: URL
    private let lock: StoreLock
    private let removed: [String]
    private let journalBytes: Data?
    private let contents: JournalContents
    private let now: Date
    private let calls: SystemCalls
    /// The notes and the snapshot's hash, coming from a thread of their own; nil when `preview`
    /// is already whole. That thread alone holds the file's bytes, and lets them go when done.
    private var notes: BackgroundWork<DeferredPart>?
    /// The hash of the file's bytes, when `preview` is already whole.
    private let hash: String
    private var done = false

    /// The rest of a store's decoding, done off the main thread: the notes, or the error a whole
    /// decode of the file gives, and the hash the journal is checked against.
    struct DeferredPart: Sendable {
        var notes: Result<[Note], StoreError>
        var hash: String

        /// Decodes the notes at `range` of `bytes`; when they do not decode, the file is decoded
        /// whole for the error in its own terms ("notes[4093].at: expected text…").
        static func decode(_ bytes: Data, notesAt range: Range<Int>, file: String) -> DeferredPart {
            let hash = Checksum.hex(bytes)
            if let notes = PanelStore.decodeNotes(bytes, at: range) { return DeferredPart(notes: .success(notes), hash: hash) }
            // A whole decode cannot succeed where the notes alone failed; if it somehow did, its
            // notes are the right ones all the same.
            return DeferredPart(notes: Result { () throws(StoreError) in try PanelStore.decode(bytes, file: file).notes },
                                hash: hash)
        }
    }

    init(url: URL, lock: StoreLock, removed: [String], preview: PanelDocument,
         notes: BackgroundWork<DeferredPart>?, hash: String, journalBytes: Data?, contents: JournalContents,
         now: Date, calls: SystemCalls) {
        self.url = url
        self.lock = lock
        self.removed = removed
        self.preview = preview
        self.notes = notes
        self.hash = hash
        self.journalBytes = journalBytes
        self.contents = contents
        self.now = now
        self.calls = calls
    }

    deinit { if !done { lock.release() } }

    /// Waits for the notes, then replays the journal and writes it afresh: the store is open for
    /// writing. On failure the lock is released and nothing has been written. Call it once.
    public func finish() throws(StoreSessionError) -> (StoreSession, StoreSession.Opened) {
        precondition(!done, "a store opening is finished once")
        done = true
        defer {
            preview = PanelDocument()
            notes = nil
        }
        let path = url.path, name = url.relativePath
        do {
            let snapshot: PanelDocument, hash: String
            if let notes {
                (snapshot, hash) = try Self.whole(preview, with: notes.wait())
            } else {
                (snapshot, hash) = (preview, self.hash)
            }
            let recovery = JournalRecovery.replay(contents, onto: snapshot, snapshotHash: hash)
            let journalPath = path + ".journal"
            var keptAside: String?
            if recovery.keepAside, let journalBytes {
                let stamp = StoreSession.compactTimestamp(now)
                let aside = journalPath + ".damaged-" + stamp
                try AtomicFile.create(aside, with: journalBytes, displayName: name + ".journal.damaged-" + stamp)
                keptAside = AtomicFile.split(aside).name
            }
            let journal = try JournalWriter(path: journalPath, displayName: name + ".journal", base: hash,
                                            baseSequence: recovery.baseSequence, lastSequence: recovery.lastSequence,
                                            pending: recovery.pending, draft: recovery.draftRecord, calls: calls)
            let session = StoreSession(url: url, lock: lock, journal: journal, identity: FileIdentity(path: path),
                                       calls: calls)
            let opened = StoreSession.Opened(document: recovery.document, draft: recovery.draft, recovery: recovery,
                                             takenOver: lock.takenOver, removedLeftovers: removed,
                                             journalKeptAside: keptAside)
            return (session, opened)
        } catch {
            lock.release()
            throw .store(error)
        }
    }

    /// Gives the store up without opening it (the lock released, nothing written).
    public func abandon() {
        guard !done else { return }
        done = true
        lock.release()
    }

    /// The document with its notes and the file's hash; when the notes did not decode, the error
    /// a whole decode gives.
    static func whole(_ preview: PanelDocument, with part: DeferredPart) throws(StoreError) -> (PanelDocument, String) {
        var document = preview
        document.notes = try part.notes.get()
        return (document, part.hash)
    }
}

/// Work started on a thread of its own at once, its result waited for later (any number of
/// times, from any thread). Tests pass their own `start` to decide when the work runs.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    /// Runs the work somewhere else: by default a new thread, not a shared queue (nothing else
    /// waits behind it, and it starts before the terminal is set up, so the two overlap).
    typealias Start = (@escaping @Sendable () -> Void) -> Void

    private let condition = NSCondition()
    private var value: Value?

    init(start: Start = { Thread.detachNewThread($0) }, _ work: @escaping @Sendable () -> Value) {
        start { [self] in
            let result = work()
            condition.withLock {
                value = result
                condition.broadcast()
            }
        }
    }

    /// Blocks until the work is done; its result.
    func wait() -> Value {
        condition.withLock {
            while value == nil { condition.wait() }
            return value!
        }
    }
}
