import Foundation
import PanelModel

/// The journal reader on any bytes: damage is reported, never a crash, and whatever it reads
/// is a prefix of the records in the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJournal(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let contents = JournalReader.read(data)
    var document = PanelDocument()
    for record in contents.records {
        if case .edit(let edit) = record.payload { try? edit.apply(to: &document) }
    }
    return 0
}
