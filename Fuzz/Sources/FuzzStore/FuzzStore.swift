import Foundation
import PanelModel

/// The store decoder on any bytes: it either refuses them with a StoreError or returns a
/// document that survives its own round trip (encode, decode, same document, same bytes).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let document = try? PanelStore.decode(data, file: "fuzz.json") else { return 0 }
    let bytes = PanelStore.encode(document)
    guard let again = try? PanelStore.decode(bytes, file: "fuzz.json") else {
        fatalError("a document the decoder accepted does not read back after encoding")
    }
    if again != document { fatalError("a round trip changed the document") }
    if PanelStore.encode(again) != bytes { fatalError("encoding is not canonical") }
    _ = PanelValidator.problems(in: document)
    return 0
}
