import Foundation
import PanelTerminal

/// The paste path on any bytes: whatever is pasted into the editor, its text holds no control
/// character but line breaks and tabs, the cursor stays inside it, and what is drawn of it
/// holds no control character at all.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPaste(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let first = bytes.first else { return 0 }
    // The first byte chooses the wrap width and where the paste lands in some existing text.
    let width = Int(first % 60) + 1
    let pasted = String(decoding: bytes.dropFirst(), as: UTF8.self)
    var editor = TextEditor(text: "Parents describe waiting\n18 months.", cursor: Int(first) % 36)
    editor.insert(pasted)

    for scalar in editor.text.unicodeScalars {
        let v = scalar.value
        if (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) {
            fatalError("a control character U+\(String(v, radix: 16)) reached the editor's text")
        }
    }
    if editor.cursor < 0 || editor.cursor > editor.text.count { fatalError("cursor outside the text") }
    _ = editor.layout(width: width)
    for scalar in VisibleText.sanitize(editor.text).unicodeScalars {
        let v = scalar.value
        if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x202E {
            fatalError("U+\(String(v, radix: 16)) would be drawn raw")
        }
    }
    return 0
}
