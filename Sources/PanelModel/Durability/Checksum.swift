import Foundation

/// FNV-1a, 64 bits: a small, fast, well-known hash that catches torn and flipped bytes in a
/// journal line and names a snapshot's exact bytes. Not cryptographic (nothing here needs it).
enum Checksum {
    static func fnv1a64(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return hash
        }
    }

    /// The hash as 16 lower-case hex digits, as written in the journal.
    static func hex(_ data: Data) -> String {
        let text = String(fnv1a64(data), radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
