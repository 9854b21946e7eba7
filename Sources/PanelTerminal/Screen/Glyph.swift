import Synchronization

/// One screen cell's character, packed into 16 bytes that hold no reference, so a frame of
/// cells copies, compares and is freed as plain memory (a `String` per cell made every copy
/// of a frame retain, and every freed frame release, thousands of strings).
///
/// The character's UTF-8 is kept inline when it fits in 15 bytes, as every character but long
/// emoji sequences does; a longer one is kept in a process-wide table and named by its place
/// there. Equal characters have equal glyphs (byte for byte; the table keeps one entry per
/// character), so comparing glyphs compares what is drawn.
struct Glyph: Hashable, Sendable {
    /// Bytes 0–7 of the UTF-8, or the long character's place in the table.
    private var low: UInt64
    /// Bytes 8–14 of the UTF-8, and in the top byte how many bytes there are (`longMark` for
    /// a long character).
    private var high: UInt64

    private static let longMark: UInt64 = 0xFF
    private static let lengthShift: UInt64 = 56

    /// "" (the second column of a wide character).
    static let empty = Glyph(low: 0, high: 0)
    static let space = Glyph(ascii: 0x20)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(ascii byte: UInt8) {
        self.init(low: UInt64(byte), high: 1 << Self.lengthShift)
    }

    init(_ scalar: Unicode.Scalar) {
        var low: UInt64 = 0, count: UInt64 = 0
        for byte in UTF8.encode(scalar)! {
            low |= UInt64(byte) << (8 * count)
            count += 1
        }
        self.init(low: low, high: count << Self.lengthShift)
    }

    init(_ character: Character) {
        self.init(String(character))
    }

    init(_ text: String) {
        let utf8 = text.utf8
        guard utf8.count <= 15 else {
            self.init(low: UInt64(LongCharacters.place(of: text)), high: Self.longMark << Self.lengthShift)
            return
        }
        var low: UInt64 = 0, high: UInt64 = 0, count: UInt64 = 0
        for byte in utf8 {
            if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
            count += 1
        }
        self.init(low: low, high: high | count << Self.lengthShift)
    }

    /// True for "", the second column of a wide character.
    var isEmpty: Bool { high == 0 && low == 0 }

    /// The character's one scalar when it is a plain narrow one (`DisplayWidth.isPlainNarrow`:
    /// one column, no control), read without building a string: what the terminal adapter
    /// sends for almost every cell.
    var plainNarrowScalar: UInt32? {
        let count = high >> Self.lengthShift
        let b0 = UInt32(low & 0xFF), b1 = UInt32(low >> 8 & 0x3F), b2 = UInt32(low >> 16 & 0x3F)
        let value: UInt32
        switch count {
        case 1: value = b0
        case 2 where b0 & 0xE0 == 0xC0: value = (b0 & 0x1F) << 6 | b1
        case 3 where b0 & 0xF0 == 0xE0: value = (b0 & 0x0F) << 12 | b1 << 6 | b2
        default: return nil  // longer (no plain narrow scalar takes four bytes), or several scalars
        }
        return DisplayWidth.isPlainNarrow(value) ? value : nil
    }

    var string: String {
        let count = high >> Self.lengthShift
        if count == Self.longMark { return LongCharacters.character(at: Int(low)) }
        var bytes: (UInt64, UInt64) = (low.littleEndian, (high & ~(0xFF << Self.lengthShift)).littleEndian)
        return withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(Int(count)), as: UTF8.self) }
    }
}

/// Characters of more than 15 bytes (long emoji sequences) drawn so far, each once: few, and
/// kept for the life of the process so a glyph can name one by a number.
private enum LongCharacters {
    private static let table = Mutex<(characters: [String], places: [String: Int])>(([], [:]))

    static func place(of text: String) -> Int {
        table.withLock { table in
            if let place = table.places[text] { return place }
            table.characters.append(text)
            table.places[text] = table.characters.count - 1
            return table.characters.count - 1
        }
    }

    static func character(at place: Int) -> String {
        table.withLock { $0.characters[place] }
    }
}
