import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends records to the journal of one open store (`FILE.journal`, mode 0600), each one on
/// disk (`fsync`) before `append` returns.
///
/// It keeps in memory every change since the snapshot the journal follows, and the live draft,
/// so the file can always be written again from scratch. That is how it recovers from a failed
/// append (disk full, EIO, the journal deleted behind its back): the descriptor whose write or
/// fsync failed is closed and never fsync'd again (after a failed fsync the kernel may have
/// dropped the pages, and a second fsync would report success for lost data); the next append
/// writes a fresh temp file with everything and renames it over the journal.
///
/// Not thread-safe: `StoreSession` serialises calls.
final class JournalWriter {
    let path: String
    let displayName: String
    /// Hash of the snapshot the journal follows, and the last change that snapshot holds.
    private(set) var base: String
    private(set) var baseSequence: UInt64
    /// The number of the last change or draft recorded.
    private(set) var lastSequence: UInt64
    /// Changes after `baseSequence`, in order.
    private(set) var pending: [JournalRecord]
    /// The open editor's latest text, until it is ended.
    private(set) var draft: JournalRecord?
    /// Snapshot records written since the start record: kept so a rewrite before the cut
    /// still says which snapshot holds what.
    private var markers: [JournalRecord] = []
    private var fd: Int32 = -1
    private let calls: SystemCalls

    /// Writes a new journal at `path` (atomically: a temp file renamed over any old one) holding
    /// the start record, `pending` and `draft`.
    init(path: String, displayName: String, base: String, baseSequence: UInt64, lastSequence: UInt64,
         pending: [JournalRecord] = [], draft: JournalRecord? = nil, calls: SystemCalls = .live) throws(StoreError) {
        self.path = path
        self.displayName = displayName
        self.base = base
        self.baseSequence = baseSequence
        self.lastSequence = max(lastSequence, baseSequence)
        self.pending = pending
        self.draft = draft
        self.calls = calls
        try rewrite()
    }

    deinit { close() }

    /// Records a change, a draft or the end of a draft; returns its number once it is on disk.
    @discardableResult
    func append(_ payload: JournalRecord.Payload) throws(StoreError) -> UInt64 {
        lastSequence += 1
        let record = JournalRecord(sequence: lastSequence, payload: payload)
        switch payload {
        case .edit: pending.append(record)
        case .draft: draft = record
        case .draftEnded: draft = nil
        case .start, .snapshot: preconditionFailure("start and snapshot records are written by the journal itself")
        }
        try write(record)
        return record.sequence
    }

    /// Notes, before a snapshot holding every change up to `sequence` is put in place, that the
    /// snapshot hashing to `hash` holds them (so a crash right after the rename replays nothing twice).
    func markSnapshot(hash: String, through sequence: UInt64) throws(StoreError) {
        let marker = JournalRecord(sequence: sequence, payload: .snapshot(hash: hash))
        markers.append(marker)
        try write(marker)
    }

    /// Once that snapshot is in place: a new journal following it, holding only later changes
    /// and the live draft. Replaced atomically, so a crash leaves the old journal (whose snapshot
    /// record still says what to skip) or the new one, never a mix.
    func cut(base hash: String, through sequence: UInt64) throws(StoreError) {
        base = hash
        baseSequence = sequence
        pending.removeAll { $0.sequence <= sequence }
        markers.removeAll()
        try rewrite()
    }

    func close() {
        if fd >= 0 { _ = calls.close(fd) }
        fd = -1
    }

    /// Whether the file at `path` is still the one being appended to (not deleted, replaced or
    /// moved with its folder behind our back).
    var isInPlace: Bool {
        var open = stat(), named = stat()
        return fd >= 0 && fstat(fd, &open) == 0 && stat(path, &named) == 0
            && open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    // MARK: - Writing

    /// Appends one line and fsyncs; after any failure, or if the file was moved away, writes
    /// the whole journal again from memory with a fresh temp file.
    private func write(_ record: JournalRecord) throws(StoreError) {
        if fd >= 0 && appendLine(record.line()) && isInPlace { return }
        close()
        try rewrite()
    }

    /// true when the whole line reached the disk.
    private func appendLine(_ line: Data) -> Bool {
        let complete = line.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var done = 0
            while done < buffer.count {
                let n = calls.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return complete && calls.fsync(fd) == 0
    }

    /// The whole journal from memory into a fresh temp file, fsync'd, renamed over `path`, the
    /// folder fsync'd; the temp file's descriptor becomes the one appended to.
    private func rewrite() throws(StoreError) {
        close()
        var data = JournalRecord(sequence: baseSequence, payload: .start(base: base)).line()
        for record in pending { data.append(record.line()) }
        for marker in markers { data.append(marker.line()) }
        if let draft { data.append(draft.line()) }

        let (folder, name) = AtomicFile.split(path)
        func failure(_ step: String, _ code: Int32) -> StoreError {
            .writeFailed(file: displayName, step: step, reason: AtomicFile.explain(code, folder: folder, file: path),
                         previousKept: true)
        }
        var temp = ""
        var newFD: Int32 = -1
        for _ in 0..<16 {
            temp = AtomicFile.join(folder, AtomicFile.temporaryName(for: name))
            newFD = calls.open(temp, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if newFD >= 0 || errno != EEXIST { break }
        }
        guard newFD >= 0 else { throw failure("creating a temporary journal in \(folder)", errno) }
        func abandon(_ step: String, _ code: Int32) -> StoreError {
            _ = calls.close(newFD)
            _ = calls.unlink(temp)
            return failure(step, code)
        }
        let written = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32 in
            var done = 0
            while done < buffer.count {
                let n = calls.write(newFD, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return errno }
                if n == 0 { return EIO }
                done += n
            }
            return 0
        }
        if written != 0 { throw abandon("writing the journal", written) }
        if calls.fsync(newFD) != 0 { throw abandon("flushing the journal to disk", errno) }
        if calls.rename(temp, path) != 0 { throw abandon("putting the new journal in place", errno) }
        let dirFD = calls.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0)
        let synced = dirFD >= 0 && (calls.fsync(dirFD) == 0 || errno == EINVAL)
        let code = errno
        if dirFD >= 0 { _ = calls.close(dirFD) }
        if !synced {
            // The new journal is in place but may not survive a power cut: don't append to it
            // as if it would; the next record writes it again.
            _ = calls.close(newFD)
            throw failure("flushing the folder to disk", code)
        }
        fd = newFD
    }
}
