import CNcurses
import Foundation

/// One read from the terminal, before it means anything: what `get_wch` gave, or that nothing
/// came. The adapter produces these; `KeyDecoder` turns them into `InputEvent`s.
public enum RawInput: Equatable, Sendable {
    /// A character or control code (`get_wch` returned OK).
    case character(UInt32)
    /// An ncurses key code (`get_wch` returned KEY_CODE_YES), other than KEY_RESIZE.
    case keyCode(Int32)
    /// KEY_RESIZE, with the new size already read from the window.
    case resized(width: Int, height: Int)
    /// Nothing arrived within the read's timeout.
    case timeout
}

/// Turns raw terminal reads into key presses, pastes and resizes.
///
/// Pure and stateful: the adapter feeds it one read at a time, with the time of the read, so
/// every rule (Alt as Esc-then-key, escape sequences ncurses did not recognise, bracketed
/// paste) is tested without a terminal. Time only matters for closing a paste that never ends.
public struct KeyDecoder: Sendable {
    /// Key codes ncurses assigned at start-up to extended keys such as Ctrl-Left ("kLFT5").
    public var extendedKeys: [Int32: Key]
    /// Codes the adapter registered (with `define_key`) for the paste markers, if any.
    public var pasteStartCode: Int32?
    public var pasteEndCode: Int32?
    /// A paste with no input for this long is closed: its end marker was lost.
    public var pasteIdleLimit: Double = 1.0
    /// A paste this long (in Unicode scalars) is delivered in pieces, so memory stays bounded.
    public var pasteChunkLimit = 1 << 20

    private enum State: Sendable {
        case ground
        /// Saw Esc: the next byte, if it comes at once, is Alt+key or a sequence.
        case escape
        /// Inside "Esc [" or "Esc O": collecting parameters until a final byte.
        case sequence(introducer: Character, body: String)
        /// Between the paste markers: everything is text.
        case paste(text: String, scalars: Int, lastInputAt: Double)
    }

    private var state: State = .ground

    public init(extendedKeys: [Int32: Key] = [:], pasteStartCode: Int32? = nil, pasteEndCode: Int32? = nil) {
        self.extendedKeys = extendedKeys
        self.pasteStartCode = pasteStartCode
        self.pasteEndCode = pasteEndCode
    }

    /// True while a decision waits on the next byte (after Esc, inside a sequence): the adapter
    /// then reads again at once with the short escape delay instead of its idle timeout.
    public var wantsFollowUp: Bool {
        switch state {
        case .escape, .sequence: true
        case .ground, .paste: false
        }
    }

    /// True while inside a bracketed paste.
    public var isPasting: Bool {
        if case .paste = state { return true }
        return false
    }

    public mutating func feed(_ input: RawInput, at time: Double) -> [InputEvent] {
        switch state {
        case .ground:
            return ground(input, at: time)

        case .escape:
            state = .ground
            switch input {
            case .timeout:
                return [.key(Key(.escape))]
            case .character(27):
                state = .escape
                return [.key(Key(.escape))]
            case .character(0x5B):  // "["
                state = .sequence(introducer: "[", body: "")
                return []
            case .character(0x4F):  // "O"
                state = .sequence(introducer: "O", body: "")
                return []
            case .resized:
                return [.key(Key(.escape))] + ground(input, at: time)
            case .character, .keyCode:
                // Alt+key: the terminal sent Esc and the key together.
                return ground(input, at: time).map { event in
                    guard case .key(var key) = event else { return event }
                    key.alt = true
                    return .key(key)
                }
            }

        case let .sequence(introducer, body):
            if case let .character(code) = input, let scalar = Unicode.Scalar(code), body.count < 16 {
                if (0x20...0x3F).contains(code) {
                    state = .sequence(introducer: introducer, body: body + String(Character(scalar)))
                    return []
                }
                if (0x40...0x7E).contains(code) {
                    state = .ground
                    return finishSequence(introducer, body, Character(scalar), at: time)
                }
            }
            // Not a sequence after all: give back what was typed as keys, then this input.
            state = .ground
            var events: [InputEvent] = [.key(Key(.character(introducer), alt: true))]
            events += body.map { .key(Key(.character($0))) }
            return events + feed(input, at: time)

        case let .paste(text, scalars, lastInputAt):
            return paste(input, text: text, scalars: scalars, lastInputAt: lastInputAt, at: time)
        }
    }

    // MARK: - Outside any sequence

    private mutating func ground(_ input: RawInput, at time: Double) -> [InputEvent] {
        switch input {
        case .timeout:
            return []
        case let .resized(width, height):
            return [.resize(width: width, height: height)]
        case .character(27):
            state = .escape
            return []
        case let .character(code):
            return Self.key(forCharacter: code).map { [.key($0)] } ?? []
        case let .keyCode(code):
            if code == pasteStartCode {
                state = .paste(text: "", scalars: 0, lastInputAt: time)
                return []
            }
            if code == pasteEndCode { return [] }  // a stray end marker: nothing to do
            return key(forCode: code).map { [.key($0)] } ?? []
        }
    }

    /// The key a character code stands for in raw mode, or nil for codes that are not keys.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 13, 10: return Key(.enter)
        case 9: return Key(.tab)
        case 127, 8: return Key(.backspace)
        case 27: return Key(.escape)
        case 0: return Key(.character(" "), ctrl: true)
        case 1...26: return Key(.character(Character(Unicode.Scalar(UInt8(0x60 + code)))), ctrl: true)
        case 28: return Key(.character("\\"), ctrl: true)
        case 29: return Key(.character("]"), ctrl: true)
        case 30: return Key(.character("^"), ctrl: true)
        case 31: return Key(.character("_"), ctrl: true)
        case 0x80...0x9F: return nil  // C1 controls are never keys
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return Key(.character(Character(scalar)))
        }
    }

    /// The key an ncurses key code stands for, or nil for codes Scrutiny has no use for.
    func key(forCode code: Int32) -> Key? {
        if let key = extendedKeys[code] { return key }
        switch code {
        case KEY_UP: return Key(.up)
        case KEY_DOWN: return Key(.down)
        case KEY_LEFT: return Key(.left)
        case KEY_RIGHT: return Key(.right)
        case KEY_SR: return Key(.up, shift: true)
        case KEY_SF: return Key(.down, shift: true)
        case KEY_SLEFT: return Key(.left, shift: true)
        case KEY_SRIGHT: return Key(.right, shift: true)
        // tmux sends Home and End as the sequences xterm's terminfo calls Find and Select.
        case KEY_HOME, KEY_FIND, KEY_A1: return Key(.home)
        case KEY_END, KEY_SELECT, KEY_C1: return Key(.end)
        case KEY_SHOME: return Key(.home, shift: true)
        case KEY_SEND: return Key(.end, shift: true)
        case KEY_PPAGE, KEY_A3: return Key(.pageUp)
        case KEY_NPAGE, KEY_C3: return Key(.pageDown)
        case KEY_DC: return Key(.delete)
        case KEY_SDC: return Key(.delete, shift: true)
        case KEY_IC: return Key(.insert)
        case KEY_BACKSPACE: return Key(.backspace)
        case KEY_ENTER: return Key(.enter)
        case KEY_BTAB: return Key(.tab, shift: true)
        default:
            let f = Int(code) - Int(scrutiny_key_f(0))
            if (1...12).contains(f) { return Key(.function(f)) }
            if (13...24).contains(f) { return Key(.function(f - 12), shift: true) }
            return nil
        }
    }

    // MARK: - Escape sequences ncurses passed through undecoded

    private mutating func finishSequence(_ introducer: Character, _ body: String, _ final: Character,
                                         at time: Double) -> [InputEvent] {
        let numbers = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 } ?? 1
        let modifier = numbers.count > 1 ? (numbers[1] ?? 1) : 1

        if introducer == "[" && final == "~" && first == 200 && numbers.count == 1 {
            state = .paste(text: "", scalars: 0, lastInputAt: time)
            return []
        }
        if introducer == "[" && final == "~" && first == 201 { return [] }  // stray end marker

        let base: Key.Base?
        switch final {
        case "A": base = .up
        case "B": base = .down
        case "C": base = .right
        case "D": base = .left
        case "H": base = .home
        case "F": base = .end
        case "P": base = .function(1)
        case "Q": base = .function(2)
        case "R": base = .function(3)
        case "S": base = .function(4)
        case "Z": return introducer == "[" ? [.key(Key(.tab, shift: true))] : []
        case "~" where introducer == "[":
            switch first {
            case 1, 7: base = .home
            case 4, 8: base = .end
            case 2: base = .insert
            case 3: base = .delete
            case 5: base = .pageUp
            case 6: base = .pageDown
            case 11...15: base = .function(first - 10)
            case 17...21: base = .function(first - 11)
            case 23, 24: base = .function(first - 12)
            default: base = nil
            }
        default: base = nil
        }
        guard let base else { return [] }
        // xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
        let bits = max(0, modifier - 1)
        return [.key(Key(base, ctrl: bits & 4 != 0, alt: bits & 2 != 0, shift: bits & 1 != 0))]
    }

    // MARK: - Bracketed paste

    private static let pasteStart = "\u{1B}[200~"
    private static let pasteEnd = "\u{1B}[201~"

    private mutating func paste(_ input: RawInput, text: String, scalars: Int, lastInputAt: Double,
                                at time: Double) -> [InputEvent] {
        var text = text
        var scalars = scalars
        switch input {
        case .timeout:
            if time - lastInputAt >= pasteIdleLimit {
                state = .ground
                return Self.pasteEvent(text)
            }
            return []
        case let .resized(width, height):
            state = .paste(text: text, scalars: scalars, lastInputAt: time)
            return [.resize(width: width, height: height)]
        case let .keyCode(code):
            if code == pasteEndCode {
                state = .ground
                return Self.pasteEvent(text)
            }
            // Keypad mode may turn pasted bytes into key codes; keep what is text.
            if code == KEY_ENTER { text += "\n"; scalars += 1 }
            if code == pasteStartCode { text += Self.pasteStart; scalars += 6 }
        case let .character(code):
            if let scalar = Unicode.Scalar(code) {
                text.unicodeScalars.append(scalar)
                scalars += 1
            }
            if code == 0x7E && text.hasSuffix(Self.pasteEnd) {
                state = .ground
                text.unicodeScalars.removeLast(Self.pasteEnd.unicodeScalars.count)
                return Self.pasteEvent(text)
            }
        }
        if scalars >= pasteChunkLimit {
            // Keep back a trailing Esc and what follows: it may be the start of the end marker.
            let tail = text.unicodeScalars.suffix(Self.pasteEnd.unicodeScalars.count - 1)
            var kept = ""
            if let escape = tail.lastIndex(of: "\u{1B}") { kept = String(String.UnicodeScalarView(tail[escape...])) }
            text.unicodeScalars.removeLast(kept.unicodeScalars.count)
            state = .paste(text: kept, scalars: kept.unicodeScalars.count, lastInputAt: time)
            return Self.pasteEvent(text)
        }
        state = .paste(text: text, scalars: scalars, lastInputAt: time)
        return []
    }

    /// The paste as one event, with any paste marker inside it removed: a marker in pasted
    /// text must never end a paste early or start another.
    private static func pasteEvent(_ text: String) -> [InputEvent] {
        let clean = text.replacingAll(pasteEnd, with: "").replacingAll(pasteStart, with: "")
        return clean.isEmpty ? [] : [.paste(clean)]
    }
}

extension KeyDecoder {
    /// Terminfo's names for modified keys (ncurses extensions), and the key each one is.
    /// The adapter asks ncurses which code each name has on this terminal.
    public static let extendedKeyNames: [(name: String, key: Key)] = {
        let bases: [(String, Key.Base)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
            ("kHOM", .home), ("kEND", .end), ("kDC", .delete), ("kIC", .insert),
            ("kPRV", .pageUp), ("kNXT", .pageDown),
        ]
        var names: [(String, Key)] = []
        for (prefix, base) in bases {
            // The suffix is xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
            for suffix in 2...7 {
                let bits = suffix - 1
                names.append((prefix + String(suffix),
                              Key(base, ctrl: bits & 4 != 0, alt: bits & 2 != 0, shift: bits & 1 != 0)))
            }
        }
        return names
    }()
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
