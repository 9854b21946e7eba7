import Foundation
import PanelModel

/// The report importer on any bytes: it refuses them with a ReportImportError or builds a
/// document that the store can save and read back unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReport(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    let options = ReportImporter.Options(fileName: "fuzz.txt", now: "2024-03-06T10:00:00Z", ids: .readable)
    guard let imported = try? ReportImporter.read(data, options: options) else { return 0 }
    let bytes = PanelStore.encode(imported.document)
    guard let again = try? PanelStore.decode(bytes, file: "fuzz.json"), again == imported.document else {
        fatalError("an imported document does not survive a save and load")
    }
    return 0
}
