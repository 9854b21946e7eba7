/// Cleans text arriving from the keyboard or a paste before the editor takes it, so a paste
/// can never smuggle terminal commands into a cell and every line break is the same "\n".
///
/// - CR LF and a lone CR become LF (pastes from Windows and old Mac text).
/// - Bracketed-paste markers (ESC [ 200 ~ and ESC [ 201 ~) are removed whole: a paste that
///   contains an end-of-paste marker must not end the paste early or leave "[201~" behind.
/// - Other C0 controls except LF and TAB, DEL and C1 controls (U+0080–U+009F) are dropped.
/// - Everything else is kept exactly, scalar for scalar (accents, emoji, bidi marks: those are
///   drawn visibly by `VisibleText`, not removed).
public enum TypedText {
    public static func clean(_ text: String) -> String {
        let scalars = Array(withoutPasteMarkers(text).unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            switch s.value {
            case 0x0D:
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1].value == 0x0A { i += 1 }
            case 0x0A, 0x09:
                out.append(s)
            case 0..<0x20, 0x7F...0x9F:
                break  // a control character: never text
            default:
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// Removes every ESC [ 200 ~ and ESC [ 201 ~, working on scalars so that a marker is found
    /// whatever characters surround it.
    private static func withoutPasteMarkers(_ text: String) -> String {
        let markers: [[Unicode.Scalar]] = ["\u{1B}[200~", "\u{1B}[201~"].map { Array($0.unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("\u{1B}") else { return text }
        var out = String.UnicodeScalarView()
        var i = 0
        scan: while i < scalars.count {
            for marker in markers where scalars[i...].starts(with: marker) {
                i += marker.count
                continue scan
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }
}
