import Foundation
import MustacheEngine

/// A value of the specification's JSON data, decoded without Foundation's number guessing so
/// that `true` stays a boolean and `1.5` a double.
enum SpecJSON: Decodable {
    case value(MustacheValue)

    init(from decoder: Decoder) throws {
        self = .value(try Self.decode(decoder))
    }

    private static func decode(_ decoder: Decoder) throws -> MustacheValue {
        if var array = try? decoder.unkeyedContainer() {
            var items: [MustacheValue] = []
            while !array.isAtEnd { items.append(try array.decode(SpecJSON.self).mustache) }
            return .list(items)
        }
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var map: MustacheMap = [:]
            for key in object.allKeys { map[Symbol(key.stringValue)] = try object.decode(SpecJSON.self, forKey: key).mustache }
            return .map(map)
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { return .null }
        if let flag = try? single.decode(Bool.self) { return .bool(flag) }
        if let number = try? single.decode(Int.self) { return .int(number) }
        if let number = try? single.decode(Double.self) { return .double(number) }
        return .text(try single.decode(String.self))
    }

    var mustache: MustacheValue {
        switch self { case .value(let value): return value }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// One test of the specification.
struct SpecTest: Decodable {
    var name: String
    var desc: String
    var data: SpecJSON
    var template: String
    var partials: [String: String]?
    var expected: String
}

struct SpecFile: Decodable {
    var tests: [SpecTest]
}
