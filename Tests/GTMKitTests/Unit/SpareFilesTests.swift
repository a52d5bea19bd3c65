import Foundation
@testable import GTMKit
import Testing

/// Replacing pages through spare files: each page ends with the new bytes and one link, no
/// spare is left once the update is done, and new folders are made on the way.
@Suite("Spare files")
struct SpareFilesTests {
    @Test func replacesWithoutLeavingSparesOrExtraLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-spares-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        for index in 0..<20 { _ = FileManager.default.createFile(atPath: "\(folder)/a/\(index).html", contents: Data("old \(index)".utf8)) }
        let spares = SpareFiles(folder: folder)
        for index in 0..<20 { #expect(spares.replace("\(folder)/a/\(index).html", with: Array("new \(index)".utf8)) == nil) }
        #expect(spares.replace("\(folder)/b/c/new.html", with: Array("fresh".utf8)) == nil)
        spares.removeAll()
        for index in 0..<20 {
            let path = "\(folder)/a/\(index).html"
            #expect(String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) == "new \(index)")
            var status = stat()
            #expect(stat(path, &status) == 0 && status.st_nlink == 1)
        }
        #expect(FileManager.default.contents(atPath: "\(folder)/b/c/new.html") == Data("fresh".utf8))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(SpareFiles.prefix) }
        #expect(left.isEmpty)
    }

    @Test func leftoversOfAKilledBuildAreRemoved() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gtmgen-spares-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/" + SpareFiles.prefix + "1-1", contents: Data("x".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/index.html", contents: Data("keep".utf8))
        SpareFiles.removeLeftovers(in: folder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["index.html"])
    }
}
