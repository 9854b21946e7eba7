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
/// case), so the preview is the document as it will be, less its notes. After a crash the notes
/// are waited for in `begin`, and the opening is as before.
public final class StoreOpening: @unchecked Sendable {
    /// The document to show until `finish`: without its notes while `notesPending`. Empty after
    /// `finish`, which hands over the whole document (one copy of a big panel is enough).
    public private(set) var preview: PanelDocument
    /// True while the notes are still to come: the preview has none, and `finish` waits for them.
    public var notesPending: Bool { notes != nil && !done }

    private let url: URL
    private let lock: StoreLock
    private let removed: [String]
    /// The file as read: needed until `finish` (for the hash, or a whole decode's error), then
    /// let go, so a big store is not held twice for the whole session.
    private var bytes: Data
    private let journalBytes: Data?
    private let contents: JournalContents
    private let now: Date
    private let calls: SystemCalls
    /// The notes and the snapshot's hash, coming from a thread of their own; nil when `preview`
    /// is already whole.
    private var notes: BackgroundWork<DeferredPart>?
    /// The hash of `bytes`, when it was computed on this thread.
    private let hash: String?
    private var done = false

    /// The rest of a store's decoding, done off the main thread: the notes (nil when they did
    /// not decode) and the hash the journal is checked against.
    struct DeferredPart: Sendable {
        var notes: [Note]?
        var hash: String
    }

    init(url: URL, lock: StoreLock, removed: [String], bytes: Data, preview: PanelDocument,
         notes: BackgroundWork<DeferredPart>?, hash: String?, journalBytes: Data?, contents: JournalContents,
         now: Date, calls: SystemCalls) {
        self.url = url
        self.lock = lock
        self.removed = removed
        self.bytes = bytes
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
            bytes = Data()
            preview = PanelDocument()
            notes = nil
        }
        let path = url.path, name = url.relativePath
        do {
            let snapshot: PanelDocument, hash: String
            if let notes {
                (snapshot, hash) = try Self.whole(preview, with: notes.wait(), bytes: bytes, file: name)
            } else {
                (snapshot, hash) = (preview, self.hash ?? Checksum.hex(bytes))
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
        bytes = Data()
        lock.release()
    }

    /// The document with its notes; when they did not decode, the error a whole decode gives,
    /// in the terms of the whole file ("notes[4093].at: expected text…").
    static func whole(_ preview: PanelDocument, with part: DeferredPart, bytes: Data, file: String)
        throws(StoreError) -> (PanelDocument, String) {
        guard let notes = part.notes else {
            // Decoding whole cannot succeed where the notes alone failed; if it somehow did, its
            // document is the right one all the same.
            return (try PanelStore.decode(bytes, file: file), part.hash)
        }
        var document = preview
        document.notes = notes
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
