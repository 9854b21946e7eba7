import Foundation

/// Stable identifiers for criteria, dimensions, questions, schedule items and notes.
///
/// Ids never change once made, so text keyed by them survives renames and reorders, and two
/// clerks' copies of a panel can be merged by identity. They are short (a prefix and 12 hex
/// digits: 48 random bits) so the JSON stays readable.
public enum Identifier {
    public static func make(_ prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(prefix, using: &generator)
    }

    public static func make<G: RandomNumberGenerator>(_ prefix: String, using generator: inout G) -> String {
        let value = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(value, radix: 16)
        return prefix + "-" + String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// A readable id from a name, for templates: "Provision/ Funding" → "provision-funding".
    public static func slug(_ prefix: String, _ name: String) -> String {
        var out = ""
        var dash = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                out.unicodeScalars.append(scalar)
                dash = false
            } else if !dash && !out.isEmpty {
                out.append("-")
                dash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return prefix + "-" + (out.isEmpty ? "x" : String(out.prefix(40)))
    }
}
