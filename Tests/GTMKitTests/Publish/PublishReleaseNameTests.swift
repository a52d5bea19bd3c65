import Foundation
import GTMKit
import Testing

@Suite("Publish: release names and sets")
struct PublishReleaseNameTests {
    let noon = Date(timeIntervalSince1970: 1_795_996_800 + 12 * 3600 + 34 * 60 + 56)

    @Test func namesAreUTCSecondsAndSortInTimeOrder() {
        #expect(ReleaseName.stamp(for: noon) == "20261130T123456Z")
        let first = ReleaseName.next(at: noon, after: [])
        #expect(first.description == "20261130T123456Z")
        let second = ReleaseName.next(at: noon, after: [first])
        #expect(second.description == "20261130T123456Z-001")
        let third = ReleaseName.next(at: noon, after: [first, second])
        #expect(third.description == "20261130T123456Z-002")
        #expect(first < second && second < third)
        #expect(ReleaseName.next(at: noon.addingTimeInterval(1), after: [first, second]).description == "20261130T123457Z")
    }

    @Test func aClockThatSteppedBackStillSortsLast() {
        let later = ReleaseName("20270101T000000Z")!
        #expect(ReleaseName.next(at: noon, after: [later]).description == "20270101T000000Z-001")
    }

    @Test func parsingAcceptsOnlyReleaseNames() {
        #expect(ReleaseName("20261130T123456Z-012")?.sequence == 12)
        #expect(ReleaseName("20261130T123456Z-1000")?.description == "20261130T123456Z-1000")
        for bad in [".partial-20261130T123456Z", "20261204T123456", "2026-12-04", "20261130T123456Z-", "20261130T123456Z-0", "current", ""] {
            #expect(ReleaseName(bad) == nil, "\(bad)")
        }
        // Ordering is by value, not by text: -1000 comes after -999.
        #expect(ReleaseName("20261130T123456Z-999")! < ReleaseName("20261130T123456Z-1000")!)
    }

    @Test func liveReleaseIsReadFromTheSymlinkTarget() {
        let entries = ["20261201T000000Z", "20261202T000000Z", ".partial-20261203T000000Z", "notes.txt"]
        let set = ReleaseSet(entries: entries, currentTarget: "releases/20261201T000000Z")
        #expect(set.releases.map(\.description) == ["20261201T000000Z", "20261202T000000Z"])
        #expect(set.live?.description == "20261201T000000Z")
        #expect(ReleaseSet(entries: entries, currentTarget: "/srv/intel/releases/20261202T000000Z/").live?.description == "20261202T000000Z")
        #expect(ReleaseSet(entries: entries, currentTarget: "/var/www/old").live == nil)
        #expect(ReleaseSet(entries: entries, currentTarget: "releases/20261209T000000Z").live == nil)
        #expect(ReleaseSet(entries: entries, currentTarget: nil).linkSource?.description == "20261202T000000Z")
    }

    @Test func rollbackGoesToTheReleaseBeforeTheLiveOne() {
        let names = (1...4).map { "2026120\($0)T000000Z" }
        #expect(ReleaseSet(entries: names, currentTarget: "releases/20261204T000000Z").rollbackTarget?.description == "20261203T000000Z")
        // After one rollback, the next goes one further back, not "forward" to the newest.
        #expect(ReleaseSet(entries: names, currentTarget: "releases/20261203T000000Z").rollbackTarget?.description == "20261202T000000Z")
        #expect(ReleaseSet(entries: names, currentTarget: "releases/20261201T000000Z").rollbackTarget == nil)
        #expect(ReleaseSet(entries: names, currentTarget: nil).rollbackTarget == nil)
    }

    @Test func pruningKeepsTheNewestAndNeverTheLive() {
        let names = (1...7).map { "2026120\($0)T000000Z" }
        let set = ReleaseSet(entries: names, currentTarget: "releases/20261207T000000Z")
        #expect(set.pruneCandidates(keep: 5).map(\.description) == ["20261201T000000Z", "20261202T000000Z"])
        #expect(set.pruneCandidates(keep: 10).isEmpty)
        #expect(set.pruneCandidates(keep: 1).count == 6)
        // Rolled back to an old release: it stays although it is not among the newest.
        let rolledBack = ReleaseSet(entries: names, currentTarget: "releases/20261201T000000Z")
        #expect(rolledBack.pruneCandidates(keep: 2).map(\.description) == (2...5).map { "2026120\($0)T000000Z" })
        // Publishing adds the new release as live before choosing.
        let next = ReleaseName("20261208T000000Z")!
        let after = set.publishing(next)
        #expect(after.live == next)
        #expect(after.pruneCandidates(keep: 5).map(\.description) == ["20261201T000000Z", "20261202T000000Z", "20261203T000000Z"])
    }
}
