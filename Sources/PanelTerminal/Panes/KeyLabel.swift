/// Key sequences as the help and the hint line print them ("g g", "C-r", "S-tab").
/// TEMPORARY stand-in for the keymaps engineer's `KeyName.format`, which prints the same names;
/// switch the one line below when it lands on main.
enum KeyLabel {
    static func format(_ keys: [Key]) -> String {
        keys.map(\.description).joined(separator: " ")
    }
}
