import GTMKit
import Testing

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func parsesValidISODates() throws {
        let date = try #require(CalendarDate(iso: "2026-03-01"))
        #expect(date.year == 2026 && date.month == 3 && date.day == 1)
        #expect(date.description == "2026-03-01")
        #expect(CalendarDate(iso: "2024-02-29") != nil, "2024 is a leap year")
        #expect(CalendarDate(iso: "2000-02-29") != nil, "2000 is a leap year (divisible by 400)")
        #expect(CalendarDate(iso: "2026-12-31") != nil)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "2026-00-10", "2026-04-31", "2026-01-00", "2025-02-29",
                      "1900-02-29", "2026-1-01", "2026/01/01", "26-01-01", "2026-01-01T00:00", "", "abcd-ef-gh",
                      " 2026-01-01"])
    func rejectsInvalidDates(_ text: String) {
        #expect(CalendarDate(iso: text) == nil, "`\(text)` must not parse")
    }

    @Test func unixSecondsGiveTheUTCDay() {
        #expect(CalendarDate(unixSeconds: 0) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate(unixSeconds: 86_399) == CalendarDate(year: 1970, month: 1, day: 1))
        #expect(CalendarDate(unixSeconds: 86_400) == CalendarDate(year: 1970, month: 1, day: 2))
        #expect(CalendarDate(unixSeconds: -1) == CalendarDate(year: 1969, month: 12, day: 31))
        #expect(CalendarDate(unixSeconds: 951_782_400) == CalendarDate(year: 2000, month: 2, day: 29))
        // `date -u -d @1795996800` → Mon Nov 30 00:00:00 UTC 2026.
        #expect(CalendarDate(unixSeconds: 1_795_996_800) == CalendarDate(year: 2026, month: 11, day: 30))
        #expect(CalendarDate(unixSeconds: 1_795_996_799) == CalendarDate(year: 2026, month: 11, day: 29))
    }

    @Test func daysSinceEpochRoundTrips() throws {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CalendarDate(unixSeconds: days * 86_400)
            #expect(date.daysSinceEpoch == days, "round trip of day \(days) via \(date)")
        }
        let a = try #require(CalendarDate(iso: "2026-08-31"))
        let b = try #require(CalendarDate(iso: "2026-11-30"))
        #expect(b.daysSinceEpoch - a.daysSinceEpoch == 91)
        #expect(a < b)
    }
}
