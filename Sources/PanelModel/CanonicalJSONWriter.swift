import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes JSON byte for byte as `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` writes it, straight into one growing buffer.
///
/// Why not `JSONEncoder`: it first builds a tree of boxed values for the whole document, sorts
/// every object's keys, then walks the tree; for a 20 MB panel that was 1.9 G instructions and
/// a second copy of the panel in memory. A panel's shape is fixed and its keys are known, so
/// the callers (see `PanelDocument+CanonicalJSON.swift`) write each object's keys in sorted
/// order themselves, and this type only lays out and escapes. `JSONEncoder` stays the
/// reference: `CanonicalJSONTests` compares the two on documents that fill every field.
///
/// What `JSONEncoder` does, found by experiment on this toolchain (Swift 6.3, swift-foundation)
/// and pinned by `CanonicalJSONTests.testEscapingMatchesJSONEncoderForEveryKindOfCharacter`:
/// - `"` and `\` become `\"` and `\\`; "/" is written as it is (`.withoutEscapingSlashes`).
/// - U+0008, U+0009, U+000A, U+000C, U+000D become `\b`, `\t`, `\n`, `\f`, `\r`; every other
///   character below U+0020 becomes `\u00XX` with lower-case hex (`\u001b`).
/// - Everything else, DEL (U+007F), the C1 controls, U+2028/U+2029, a BOM and all non-ASCII
///   text included, is copied as its UTF-8 bytes, unchanged and unnormalized.
/// - Pretty layout: two spaces per level, `"key" : value`, members separated by ",\n"; a
///   container opens with "{\n" or "[\n" and closes with "\n", the outer indent and "}" or "]",
///   so an empty one is "[\n\n" + indent + "]".
/// - Keys sort by their UTF-8 bytes ("B" < "_" < "a", "a10" < "a2", "endDate" < "endedAt").
/// - Whole numbers are plain decimal, with "-" when negative.
///
/// Noncopyable, because it owns its buffer: `finish()` hands the bytes to a `Data` without
/// copying them, and a writer dropped unfinished frees them.
///
/// The buffer is a mapping of its own (`mmap`), not a `malloc` block: when the `Data` is freed
/// the pages go back to the system at once. From `malloc`, the buffer of a 20 MB panel stayed
/// resident in the autosave thread's arena after the save, and the next save's came on top
/// (VmRSS 65 → 85 → 105 MB over two saves, measured). Pages are only resident once written,
/// so a generous first guess of the size costs address space, not memory.
struct CanonicalJSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// How many containers are open: the indent is two spaces for each.
    private var depth = 0
    /// True right after "{" or "[": the next member needs no "," before it.
    private var atContainerStart = false

    /// `capacity` is a guess of the output's size; the buffer grows past it when needed.
    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = Self.map(self.capacity)
    }

    deinit { munmap(base, capacity) }

    /// The bytes written, handed over to the `Data` without a copy (it unmaps them).
    consuming func finish() -> Data {
        let capacity = self.capacity
        let data = Data(bytesNoCopy: base, count: count, deallocator: .custom { memory, _ in munmap(memory, capacity) })
        discard self
        return data
    }

    // MARK: Layout

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object: `"name" : `, on its own line. `name` must need no
    /// escaping (the store's keys are ASCII letters), and the caller writes keys in sorted order.
    mutating func key(_ name: StaticString) {
        startMember()
        reserve(name.utf8CodeUnitCount + 5)
        put(UInt8(ascii: "\""))
        put(name.utf8Start, name.utf8CodeUnitCount)
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: " "))
        put(UInt8(ascii: ":"))
        put(UInt8(ascii: " "))
    }

    /// Starts an element of the open array, on its own line.
    mutating func element() { startMember() }

    /// The newline that ends a file (after the top-level value).
    mutating func newline() { put(UInt8(ascii: "\n")) }

    // MARK: Values

    mutating func string(_ value: String) {
        var value = value
        // A native string is already contiguous UTF-8: this borrows it, it does not copy.
        value.withUTF8 { utf8 in
            reserve(utf8.count + 2)
            put(UInt8(ascii: "\""))
            if let start = utf8.baseAddress {
                var done = 0
                while done < utf8.count {
                    // Copy the longest run that needs no escape in one go, then escape one byte.
                    let run = Self.lengthNeedingNoEscape(start + done, utf8.count - done)
                    put(start + done, run)
                    done += run
                    if done < utf8.count {
                        escape(start[done])
                        done += 1
                    }
                }
            }
            put(UInt8(ascii: "\""))
        }
    }

    mutating func integer(_ value: Int) {
        var digits = String(value)
        digits.withUTF8 { put($0.baseAddress!, $0.count) }
    }

    // MARK: Members

    /// `"name" : "value"`.
    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// `"name" : "value"`, or nothing at all when `value` is nil: `JSONEncoder` leaves out an
    /// absent optional (`encodeIfPresent`) rather than writing `null`.
    mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    /// `"name" : [ … ]`, each item written by `write` as one element.
    mutating func field<Item>(_ name: StaticString, _ items: [Item], _ write: (Item, inout CanonicalJSONWriter) -> Void) {
        key(name)
        openArray()
        for item in items {
            element()
            write(item, &self)
        }
        closeArray()
    }

    // MARK: Bytes

    private mutating func open(_ bracket: UInt8) {
        put(bracket)
        put(UInt8(ascii: "\n"))
        depth += 1
        atContainerStart = true
    }

    private mutating func close(_ bracket: UInt8) {
        put(UInt8(ascii: "\n"))
        depth -= 1
        indent()
        put(bracket)
        atContainerStart = false
    }

    private mutating func startMember() {
        if !atContainerStart {
            put(UInt8(ascii: ","))
            put(UInt8(ascii: "\n"))
        }
        atContainerStart = false
        indent()
    }

    private mutating func indent() {
        let spaces = 2 * depth
        reserve(spaces)
        memset(base + count, 0x20, spaces)
        count += spaces
    }

    /// One byte that `JSONEncoder` escapes: `"`, `\` or a control character.
    private mutating func escape(_ byte: UInt8) {
        put(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
        case 0x08: put(UInt8(ascii: "b"))
        case 0x09: put(UInt8(ascii: "t"))
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0C: put(UInt8(ascii: "f"))
        case 0x0D: put(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            put(UInt8(ascii: "u"))
            put(UInt8(ascii: "0"))
            put(UInt8(ascii: "0"))
            put(hex.utf8Start[Int(byte >> 4)])
            put(hex.utf8Start[Int(byte & 0xF)])
        }
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        reserve(length)
        memcpy(base + count, bytes, length)
        count += length
    }

    @inline(__always)
    private mutating func reserve(_ length: Int) {
        if count + length > capacity { grow(toHold: count + length) }
    }

    /// At least doubles the buffer. Seldom: the first guess is meant to be over the size.
    @inline(never)
    private mutating func grow(toHold needed: Int) {
        let larger = max(2 * capacity, needed)
        let memory = Self.map(larger)
        memcpy(memory, base, count)
        munmap(base, capacity)
        base = memory
        capacity = larger
    }

    private static func map(_ length: Int) -> UnsafeMutablePointer<UInt8> {
        let memory = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let memory, memory != MAP_FAILED else { fatalError("out of memory for \(length) bytes of JSON") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    // MARK: Finding what to escape

    /// How many bytes from `start` on are copied as they are: up to the first `"`, `\` or byte
    /// below 0x20. Most text has none, so it looks at eight bytes at a time.
    static func lengthNeedingNoEscape(_ start: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var i = 0
        while i + 8 <= length, !anyNeedsEscape(UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)) {
            i += 8
        }
        while i < length, !needsEscape(start[i]) { i += 1 }
        return i
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether any of the eight bytes of `word` needs an escape, without looking at each: the
    /// "has a byte less than n" trick (Anderson's Bit Twiddling Hacks), exact for "any", which
    /// is all this asks. XOR with a repeated byte turns the bytes equal to it into zeros.
    /// Bytes of 0x80 and above (the UTF-8 of non-ASCII text) never count.
    @inline(__always)
    static func anyNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
        /// Some byte of `x` is below `n` (for n ≤ 0x80).
        func hasByteBelow(_ x: UInt64, _ n: UInt64) -> Bool { (x &- ones &* n) & ~x & highBits != 0 }
        return hasByteBelow(word, 0x20)
            || hasByteBelow(word ^ (ones &* UInt64(UInt8(ascii: "\""))), 1)
            || hasByteBelow(word ^ (ones &* UInt64(UInt8(ascii: "\\"))), 1)
    }
}
