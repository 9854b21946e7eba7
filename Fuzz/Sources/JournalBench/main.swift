import Foundation
import PanelModel

// What one committed change costs: `StoreSession.record` (append one journal line, fsync)
// and `snapshot` (atomic save, then cut the journal), measured on the disk holding FOLDER.
//
//   swift run -c release --package-path Fuzz --scratch-path Fuzz/.build-bench JournalBench [FOLDER] [COUNT]
//
// Not a fuzz target: it lives in this package so the main one carries no benchmark code.

let arguments = CommandLine.arguments
let folder = arguments.count > 1 ? arguments[1] : FileManager.default.temporaryDirectory.path
let count = arguments.count > 2 ? Int(arguments[2]) ?? 500 : 500
let scratch = URL(fileURLWithPath: folder).appendingPathComponent("journal-bench-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
// JOURNAL_BENCH_KEEP=1 keeps the store and journal (the fuzz seeds of the journal came from it).
let keep = ProcessInfo.processInfo.environment["JOURNAL_BENCH_KEEP"] != nil
defer { if !keep { try? FileManager.default.removeItem(at: scratch) } else { print("kept \(scratch.path)") } }
let url = scratch.appendingPathComponent("panel.json")
try PanelStore.create(PanelTemplates.example, at: url)

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func summary(_ label: String, _ samples: [Double]) {
    let sorted = samples.sorted()
    let mean = samples.reduce(0, +) / Double(samples.count)
    let p = { (q: Double) in sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
    print(String(format: "%@: n=%d mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms",
                 label, samples.count, mean, p(0.5), p(0.99), sorted.last ?? 0))
}

let (session, _) = try StoreSession.open(url, program: "journal-bench")
var document = PanelTemplates.example
var records: [Double] = []
var drafts: [Double] = []
for k in 0..<count {
    let edit = document.insertNote(Note(id: "note-\(k)", at: "2024-03-06T10:41:07+00:00",
                                        text: "Typed note \(k): parents describe waiting eighteen months for an assessment."))
    try edit.apply(to: &document)
    records.append(try milliseconds { try session.record(edit) })
    let draft = Data(#"{"cursor":40,"text":"A draft of about forty characters, typed."}"#.utf8)
    drafts.append(try milliseconds { try session.recordDraft(draft) })
}
var snapshots: [Double] = []
for _ in 0..<(keep ? 0 : 10) {
    let edit = document.insertNote(Note(id: "note-s\(snapshots.count)", at: "2024-03-06T10:41:07+00:00", text: "x"))
    try edit.apply(to: &document)
    try session.record(edit)
    let through = session.lastSequence
    snapshots.append(try milliseconds { try session.snapshot(document, through: through) })
}
session.close()
print("folder: \(folder)")
summary("record (append + fsync)", records)
summary("recordDraft (append + fsync)", drafts)
if !snapshots.isEmpty { summary("snapshot of \(PanelStore.encode(document).count / 1024) KB (atomic save + journal cut)", snapshots) }
