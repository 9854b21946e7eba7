/// How many terminal columns a character takes: 0, 1 or 2.
///
/// A pure-Swift table rather than Glibc's `wcwidth`, which Swift cannot import and which
/// depends on the locale: the same text must measure the same in tests, on the clerk's laptop
/// and in CI. Wide means East Asian Wide/Fullwidth (CJK, Hangul, fullwidth forms) and emoji
/// shown as pictures.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // One scalar? (Asked without `count`, which walks and validates the whole view.)
        if scalars.index(after: scalars.startIndex) == scalars.endIndex { return of(first) }
        // Emoji sequences (flags, ZWJ families, keycaps, VS16) show as one picture, two columns.
        if scalars.contains(where: { $0.value == 0xFE0F }) && first.properties.isEmoji { return 2 }
        if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }  // a flag: two regional indicators
        let base = of(first)
        return base == 0 ? scalars.dropFirst().map(of).max() ?? 0 : base
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        isPlainNarrow(scalar.value) ? 1 : measured(scalar)
    }

    /// Scalars known without a Unicode property look-up to take one column, to be drawn as they
    /// are, and never to join a neighbour into one character: Latin letters and punctuation,
    /// arrows, maths, box drawing and the marks the panes use (— … · × ≠ ● ◆ ▴ ▾ ✗ ↵ ‹ › ⟨ ⟩ ␛).
    /// Text made only of them is one column per scalar (`ScreenBuffer.put` relies on it).
    /// Every one is checked against the full measure by `ScreenDisplayWidthTests`.
    @inline(__always)
    static func isPlainNarrow(_ v: UInt32) -> Bool {
        if v < 0x7F { return v >= 0x20 }
        if v < 0x300 { return v >= 0xA0 && v != 0xAD }
        switch v {
        case 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x2319, 0x2400...0x2426, 0x2500...0x25FC,
             0x2710...0x2727, 0x27E6...0x27EF:
            return true
        default:
            return false
        }
    }

    /// The width from the scalar's Unicode properties.
    static func measured(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and finals join the initial consonant before them.
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII: one column a byte, no grapheme walk.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,  // Tangut, kana supplements
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
