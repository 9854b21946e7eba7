import XCTest
@testable import PanelTerminal

/// Key names as written in keymap files: parsing, the one canonical spelling, and aliases.
final class KeyNameTests: XCTestCase {
    func testParsesCharactersNamedKeysModifiersAndSequences() {
        XCTAssertEqual(KeyName.parse("a"), [.char("a")])
        XCTAssertEqual(KeyName.parse("A"), [.char("A")])
        XCTAssertEqual(KeyName.parse("?"), [.char("?")])
        XCTAssertEqual(KeyName.parse("C-s"), [.ctrl("s")])
        XCTAssertEqual(KeyName.parse("A-enter"), [Key(.enter, alt: true)])
        XCTAssertEqual(KeyName.parse("S-tab"), [Key(.tab, shift: true)])
        XCTAssertEqual(KeyName.parse("C-left"), [Key(.left, ctrl: true)])
        XCTAssertEqual(KeyName.parse("F5"), [Key(.function(5))])
        XCTAssertEqual(KeyName.parse("space"), [.char(" ")])
        XCTAssertEqual(KeyName.parse("minus"), [.char("-")])
        XCTAssertEqual(KeyName.parse("C-A-del"), [Key(.delete, ctrl: true, alt: true)])
        XCTAssertEqual(KeyName.parse("g g"), [.char("g"), .char("g")])
        XCTAssertEqual(KeyName.parse("C-x C-c"), [.ctrl("x"), .ctrl("c")])
        XCTAssertEqual(KeyName.parse("A-<"), [.alt("<")])
        XCTAssertEqual(KeyName.parse("é"), [.char("é")])
    }

    func testAliasesAreTheSameKeyAsTheirCanonicalName() {
        let pairs: [(String, String)] = [
            ("ret", "enter"), ("return", "enter"), ("escape", "esc"), ("delete", "del"),
            ("insert", "ins"), ("bs", "backspace"), ("pgup", "pageup"), ("pgdn", "pagedown"),
            ("-", "minus"), ("M-x", "A-x"), ("A-C-x", "C-A-x"), ("S-a", "A"), ("S-A", "A"),
            ("C-S", "C-s"), ("C-S-s", "C-s"), ("C-m", "enter"), ("C-i", "tab"), ("C-[", "esc"),
            ("A-C-m", "A-enter"), ("C-j", "enter"), ("C-h", "backspace"), ("C-/", "C-_"), ("C-@", "C-space"),
            ("ENTER", "enter"), ("f5", "F5"), ("g  g", "g g"),
        ]
        for (alias, canonical) in pairs {
            XCTAssertNotNil(KeyName.parse(alias), alias)
            XCTAssertEqual(KeyName.parse(alias), KeyName.parse(canonical), "\(alias) = \(canonical)")
            XCTAssertEqual(KeyName.parse(alias).map(KeyName.format), canonical, alias)
        }
    }

    func testCanonicalNamesRoundTrip() {
        let names = [
            "a", "A", "?", "0", "$", "<", "é", "space", "minus", "C-minus", "C-s", "C-_", "C-space", "A-enter",
            "S-tab", "C-left", "C-A-S-right", "F1", "F12", "F24", "enter", "esc", "tab", "backspace",
            "del", "ins", "up", "down", "left", "right", "home", "end", "pageup", "pagedown",
            "g g", "d r", "C-x C-c", "Z Z", "C-c d d", "A-<", "A->", "A-R",
        ]
        for name in names {
            guard let keys = KeyName.parse(name) else { return XCTFail("\(name) did not parse") }
            XCTAssertEqual(KeyName.format(keys), name)
            XCTAssertEqual(KeyName.parse(KeyName.format(keys)), keys, name)
        }
    }

    func testEveryKindOfKeyFormatsToANameThatParsesBack() {
        let bases: [Key.Base] = [.character("x"), .character("X"), .character(" "), .character("-"),
                                 .enter, .tab, .backspace, .delete, .escape, .insert, .up, .down,
                                 .left, .right, .home, .end, .pageUp, .pageDown, .function(7)]
        for base in bases {
            for (ctrl, alt) in [(false, false), (true, false), (false, true), (true, true)] {
                var key = Key(base, ctrl: ctrl, alt: alt)
                if ctrl, base == .character("X") { key.base = .character("x") }  // Ctrl letters are lower-case
                XCTAssertEqual(KeyName.parse(KeyName.format([key])), [key], KeyName.format([key]))
            }
        }
    }

    func testRejectsWhatIsNotAKeyName() {
        for bad in ["", "  ", "ab", "C-", "C-foo", "X-a", "c-s", "C-C-s", "S-1", "S-?", "F0", "F25",
                    "F05", "enterr", "g gg", "\u{7}", "C-\t"] {
            XCTAssertNil(KeyName.parse(bad), "\(bad.debugDescription) should not parse")
        }
    }
}
