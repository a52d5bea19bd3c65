import Foundation
@testable import GTMKit
import Testing

@Suite("Removing an old output tree")
struct TreeRemovalTests {
    @Test func removesEverythingBelowButNotWhatLinksPointAt() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("gtmgen-remove-\(UUID().uuidString)")
        let tree = root.appendingPathComponent("old-site")
        let outside = root.appendingPathComponent("keep")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: outside.appendingPathComponent("file.txt"))
        for folder in ["a", "a/b", "a/b/c", "d", "e f"] {
            try manager.createDirectory(at: tree.appendingPathComponent(folder), withIntermediateDirectories: true)
            for index in 0..<5 {
                try Data("x\(index)".utf8).write(to: tree.appendingPathComponent("\(folder)/page-\(index).html"))
            }
        }
        try Data().write(to: tree.appendingPathComponent(".hidden"))
        try manager.createSymbolicLink(at: tree.appendingPathComponent("a/link"), withDestinationURL: outside)

        TreeRemoval.remove(tree.path)

        #expect(!manager.fileExists(atPath: tree.path))
        #expect((try? String(contentsOf: outside.appendingPathComponent("file.txt"), encoding: .utf8)) == "kept")
    }
}
