import Foundation
import PanelTerminal

/// The keymap parser on any text: it refuses it with a KeymapError naming the problem, or gives
/// bindings that can be laid over a keymap and looked up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKeymap(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    guard let file = try? KeymapFile.parse(text, label: "fuzz.toml") else { return 0 }
    var resolved = ResolvedKeymap(files: ["fuzz.toml"])
    resolved.apply(file)
    for binding in file.bindings {
        _ = resolved.keymap.lookup(binding.keys, in: binding.context)
    }
    return 0
}
