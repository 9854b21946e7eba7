import Foundation
import XCTest
import PanelModel

/// The real binary under `TZ` set to zones either side of UTC, one with a half-hour offset:
/// the title bar's "saved HH:MM:SS", the schedule's "today" and a note's stamp are that zone's
/// time, as Foundation tells it for the same zone by name. The program reads local time
/// through glibc (`WallClock.local`), so this is what says the two agree where it matters.
final class LocalTimeInTmuxTests: ScrutinyTestCase {
    func testTimesShownAndStampedAreThoseOfTheZoneInTZ() throws {
        for name in ["Europe/London", "America/New_York", "Asia/Kolkata"] {
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            // A store of its own per zone: each run leaves its journal beside its store.
            let store = folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-") + ".json")
            try PanelStore.create(PanelTemplates.example, at: store)
            try TmuxSession.backdate(store)

            let before = Date()
            let session = try scrutiny(["open", store.path], environment: [
                "TZ": name, "LC_ALL": "C.UTF-8", "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path])
            try session.waitUntil("the workspace") { $0.contains("Framework") && $0.contains("Questions") }
            try session.press("2", "g", "g", "Home", "n")
            try session.type("A note in \(name)")
            try session.press("Enter")
            try session.waitUntil("the note taken") { $0.contains("Note taken") }
            // Saved since the note: "saved" with a time the zone's clock showed during the run
            // (the store was backdated an hour, so the time it opened with is not one of them).
            let clock = Self.clock(in: zone)
            func savedTime(_ screen: String) -> String? {
                screen.range(of: #"saved \d\d:\d\d:\d\d"#, options: .regularExpression).map {
                    String(screen[$0].dropFirst("saved ".count))
                }
            }
            func clocksSince(_ start: Date) -> Set<String> {
                let seconds = Int(start.timeIntervalSince1970) - 1...Int(Date().timeIntervalSince1970) + 1
                return Set(seconds.map { clock(Date(timeIntervalSince1970: Double($0))) })
            }
            let screen = try session.waitUntil("saved at a time of the run in \(name)") { screen in
                savedTime(screen).map { clocksSince(before).contains($0) } ?? false
            }
            try session.press("q")
            XCTAssertEqual(try session.waitForExit(), 0, "q quits")
            let after = Date()
            let days = Set([before, after].map { CalendarDate.today(in: zone, now: $0).shortForm })
            XCTAssertTrue(days.contains { screen.contains("── today " + $0 + " ") }, "\(name): \(days)\n\(screen)")

            // The note's stamp: the zone's local time with its offset, to the second.
            let note = try XCTUnwrap(try PanelStore.load(from: store).notes.first { $0.text == "A note in \(name)" })
            let taken = try XCTUnwrap(Timestamp.date(note.at), note.at)
            XCTAssertTrue(before.addingTimeInterval(-1) <= taken && taken <= after.addingTimeInterval(1), note.at)
            XCTAssertEqual(note.at, Self.foundationStamp(taken, in: zone), name)
        }
    }

    /// "10:41:07" in `zone`, by Foundation's formatter.
    private static func clock(in zone: TimeZone) -> (Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm:ss"
        return { formatter.string(from: $0) }
    }

    /// "2024-03-06T16:11:07+05:30" by Foundation's calendar for the zone, as stamps were made
    /// before local time was read through glibc.
    private static func foundationStamp(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = zone.secondsFromGMT(for: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year!, c.month!, c.day!, c.hour!,
                      c.minute!, c.second!, offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) / 60 % 60)
    }
}
