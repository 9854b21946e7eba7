import Foundation
import XCTest
@testable import PanelTerminal

/// The three keymaps shipped in keymaps/: each loads, binds every action in a context where
/// it can work, binds no key twice, and leaves typed characters to the editor.
final class KeymapBuiltInTests: XCTestCase {
    private let names = ["default", "vim", "emacs"]

    /// The actions that only make sense while text is being edited.
    private let editorActions: Set<Action> = [
        .cursorLeft, .cursorRight, .wordLeft, .wordRight, .cursorUp, .cursorDown,
        .cursorLineStart, .cursorLineEnd, .deleteBackward, .deleteForward, .deleteWordBackward,
        .killToLineEnd, .killToLineStart, .newline, .finishEdit, .leaveEdit,
    ]

    private func builtIn(_ name: String) throws -> Keymap {
        try KeymapLoader.load(name, userFile: nil)
    }

    func testTheBuiltInMapsAreFoundFromTheTestRunner() throws {
        XCTAssertEqual(try BuiltInKeymaps.folder().standardizedFileURL.path,
                       KeymapTestSupport.builtInFolder.standardizedFileURL.path)
        XCTAssertEqual(BuiltInKeymaps.names(in: KeymapTestSupport.builtInFolder), ["default", "emacs", "vim"])
    }

    func testEveryActionIsBoundInASensibleContextInEveryMap() throws {
        for name in names {
            let keymap = try builtIn(name)
            for action in Action.allCases {
                let contexts = KeyContext.allCases.filter { !keymap.keys(for: action, in: $0).isEmpty }
                XCTAssertFalse(contexts.isEmpty, "\(name): \(action.rawValue) has no key")
                if editorActions.contains(action) {
                    XCTAssertEqual(contexts, [.editor], "\(name): \(action.rawValue) belongs in [editor]")
                } else {
                    XCTAssertFalse(contexts.contains(.editor), "\(name): \(action.rawValue) cannot work in [editor]")
                }
            }
        }
    }

    /// Read independently of the loader: every key written in a table, after alias
    /// normalisation, appears once.
    func testNoKeyIsBoundTwiceInOneContext() throws {
        for name in names {
            let text = try String(contentsOf: KeymapTestSupport.builtInFolder.appendingPathComponent("\(name).toml"),
                                  encoding: .utf8)
            var context = ""
            var seen: [String: Set<[Key]>] = [:]
            var count = 0
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                if line.hasPrefix("[") { context = String(line); continue }
                guard line.hasPrefix("\""), let end = line.dropFirst().firstIndex(of: "\"") else { continue }
                let keyName = String(line[line.index(after: line.startIndex)..<end])
                guard let keys = KeyName.parse(keyName) else { XCTFail("\(name): \(keyName)"); continue }
                XCTAssertFalse(seen[context, default: []].contains(keys), "\(name) \(context): \(keyName) twice")
                seen[context, default: []].insert(keys)
                count += 1
            }
            XCTAssertEqual(Set(seen.keys), ["[global]", "[grid]", "[schedule]", "[questions]", "[notes]", "[editor]"], name)
            // Every line read is one binding the loader kept.
            XCTAssertEqual(count, try builtIn(name).bindings.values.map(\.count).reduce(0, +), name)
        }
    }

    func testNoEditorBindingIsAPlainCharacter() throws {
        for name in names {
            for keys in try builtIn(name).bindings[.editor, default: [:]].keys {
                guard keys.count == 1, case .character = keys[0].base else { continue }
                XCTAssertTrue(keys[0].ctrl || keys[0].alt, "\(name): \(KeyName.format(keys)) would stop typing")
            }
        }
    }

    /// keymaps/default.toml is the map agreed by the whole team (the help and hints rely on it).
    func testTheDefaultMapIsExactlyTheAgreedOne() throws {
        let agreed: [KeyContext: [String: String]] = [
            .global: [
                "q": "quit", "?": "help", ":": "command-line", "/": "search", "C-n": "search-next",
                "C-p": "search-previous", "n": "note", "N": "notes", "t": "today", "U": "unfiled", "u": "undo", "C-r": "redo", "tab": "next-pane",
                "S-tab": "previous-pane", "1": "focus-schedule", "2": "focus-framework",
                "3": "focus-questions", "C-l": "redraw", "C-z": "suspend", "up": "move-up",
                "k": "move-up", "down": "move-down", "j": "move-down", "left": "move-left",
                "h": "move-left", "right": "move-right", "l": "move-right", "pageup": "page-up",
                "pagedown": "page-down", "home": "line-start", "end": "line-end", "g g": "go-first",
                "G": "go-last", "F5": "presentation", "P": "presentation",
                "c n": "next-conflict", "c o": "keep-ours", "c t": "take-theirs",
            ],
            .grid: [
                "enter": "edit", "del": "clear", "x": "clear", "o": "add-criterion",
                "O": "add-dimension", "r": "rename-criterion", "R": "rename-dimension",
                "d r": "delete-criterion", "d c": "delete-dimension", "K": "move-criterion-up",
                "J": "move-criterion-down", "H": "move-dimension-left", "L": "move-dimension-right",
                "z": "zoom", "Z": "zoom-criterion", "A-z": "zoom-dimension", "E": "hide-empty",
            ],
            .schedule: [
                "enter": "edit", "a": "add", "r": "rename", "d d": "delete", "K": "move-item-up",
                "J": "move-item-down", "s": "cycle-status", "D": "set-date", "T": "set-kind",
                "L": "live", "E": "end", "v": "session",
            ],
            .questions: [
                "enter": "edit", "a": "add", "r": "rename", "d d": "delete", "K": "move-item-up",
                "J": "move-item-down", "s": "cycle-status",
            ],
            .notes: [
                "enter": "edit-note", "e": "edit-note", "m": "move-note", "d d": "delete-note",
                "del": "delete-note", "p": "promote-note", "esc": "close-notes", "q": "close-notes",
            ],
            .editor: [
                "left": "cursor-left", "right": "cursor-right", "C-left": "word-left", "A-b": "word-left",
                "C-right": "word-right", "A-f": "word-right", "up": "cursor-up", "down": "cursor-down",
                "home": "cursor-line-start", "C-a": "cursor-line-start", "end": "cursor-line-end",
                "C-e": "cursor-line-end", "backspace": "delete-backward", "del": "delete-forward",
                "C-d": "delete-forward", "C-w": "delete-word-backward", "C-k": "kill-to-line-end",
                "C-u": "kill-to-line-start", "A-enter": "newline", "enter": "finish-edit",
                "esc": "leave-edit", "C-c": "leave-edit",
            ],
        ]
        let keymap = try builtIn("default")
        for context in KeyContext.allCases {
            let written = Dictionary(uniqueKeysWithValues: keymap.bindings[context, default: [:]].map {
                (KeyName.format($0.key), $0.value.rawValue)
            })
            XCTAssertEqual(written, agreed[context], "[\(context.rawValue)]")
        }
    }

    func testVimKeysAreWhereVimHandsExpectThem() throws {
        let vim = try builtIn("vim")
        let expected: [(KeyContext, String, Action)] = [
            (.grid, "h", .moveLeft), (.grid, "j", .moveDown), (.grid, "k", .moveUp), (.grid, "l", .moveRight),
            (.grid, "i", .edit), (.grid, "a", .edit), (.grid, "enter", .edit), (.grid, "x", .clear),
            (.schedule, "d d", .delete), (.questions, "d d", .delete), (.questions, "o", .add),
            (.grid, "u", .undo), (.grid, "C-r", .redo), (.grid, ":", .commandLine), (.grid, "/", .search),
            (.grid, "n", .searchNext), (.grid, "N", .searchPrevious), (.grid, "g g", .goFirst),
            (.grid, "G", .goLast), (.grid, "C-f", .pageDown), (.grid, "C-b", .pageUp),
            (.grid, "0", .lineStart), (.grid, "$", .lineEnd), (.schedule, "Z Z", .quit),
            (.editor, "esc", .leaveEdit), (.editor, "enter", .finishEdit), (.editor, "C-w", .deleteWordBackward),
        ]
        for (context, name, action) in expected {
            XCTAssertEqual(vim.lookup(KeyName.parse(name)!, in: context), .action(action), "vim \(name) in \(context)")
        }
        XCTAssertEqual(vim.lookup([.char("q")], in: .grid), .none, "vim quits with Z Z, not q")
    }

    func testEmacsKeysAreWhereEmacsHandsExpectThem() throws {
        let emacs = try builtIn("emacs")
        let expected: [(KeyContext, String, Action)] = [
            (.grid, "C-n", .moveDown), (.grid, "C-p", .moveUp), (.grid, "C-f", .moveRight), (.grid, "C-b", .moveLeft),
            (.grid, "C-v", .pageDown), (.grid, "A-v", .pageUp), (.grid, "A-<", .goFirst), (.grid, "A->", .goLast),
            (.grid, "C-s", .search), (.grid, "C-_", .undo), (.grid, "C-/", .undo), (.grid, "C-x C-c", .quit),
            (.grid, "A-x", .commandLine), (.editor, "C-g", .leaveEdit), (.editor, "C-f", .cursorRight),
            (.editor, "C-a", .cursorLineStart), (.editor, "C-k", .killToLineEnd), (.editor, "C-c C-c", .finishEdit),
        ]
        for (context, name, action) in expected {
            XCTAssertEqual(emacs.lookup(KeyName.parse(name)!, in: context), .action(action), "emacs \(name) in \(context)")
        }
        XCTAssertEqual(emacs.lookup([.ctrl("x")], in: .questions), .prefix)
        XCTAssertEqual(emacs.lookup([.char("q")], in: .grid), .none, "plain letters do nothing in emacs")
    }
}
