@testable import TapLintCore
import Testing

/// The record reader finds lines and words in place; a resource type is
/// then what its record says, line for line.
@Suite struct CatalogRecordTests {
    /// Reads `text` as a record and hands `body` a reader over it.
    private func reading<T>(_ text: String, _ body: (inout CatalogRecord) -> T) -> T {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var record = CatalogRecord(buffer)
            return body(&record)
        }
    }

    @Test func linesKeepEmptyOnesAndNeedNoFinalNewline() {
        let lines = reading("T A\n\np x s\np y i") { record in
            var found: [String] = []
            while let line = record.next() { found.append(String(decoding: line, as: UTF8.self)) }
            return found
        }
        #expect(lines == ["T A", "", "p x s", "p y i"])
        #expect(reading("") { $0.next() == nil })
        #expect(reading("\n") { record in record.next()?.isEmpty == true && record.next() == nil })
    }

    @Test func wordsLeaveOutEmptyOnes() {
        let words = reading("k  A B   C ") { record in record.next().map { CatalogRecord.words($0.dropFirst(2)) } }
        #expect(words == ["A", "B", "C"])
        #expect(reading("k ") { record in record.next().map { CatalogRecord.words($0.dropFirst(2)) } } == [])
    }

    @Test func countsLookAheadWithoutMoving() {
        reading("o\np a s\np b s\nr a\nd D\np c s\nx 0 e=1\nx 1 e=2") { record in
            #expect(record.count(of: UInt8(ascii: "x")) == 2)
            #expect(record.count(of: UInt8(ascii: "d")) == 1)
            _ = record.next()
            #expect(record.count(of: UInt8(ascii: "p"), before: (UInt8(ascii: "o"), UInt8(ascii: "d"), UInt8(ascii: "x"))) == 2)
            #expect(record.next().map { String(decoding: $0, as: UTF8.self) } == "p a s", "counting did not move the reader")
        }
    }

    @Test func aRecordReadsAsItsLinesSay() throws {
        let text = """
            T My::Made::Up
            g m Labels
            k Id
            a Arn Name.*
            o
            p Id !0:s
            p Size !1:i
            p Items [@Item
            p Broken
            p Two words here
            r Id
            d Item +
            p Key s
            q Key Other
            u Choice s @Item
            x 0 minl=1\tmaxl=5\tpat=^a b$
            x 1 min=1\tmax=10
            """
        let type = Array(text.utf8).withUnsafeBufferPointer { ResourceType(record: $0) }
        #expect(type.name == "My::Made::Up")
        #expect(type.tagging == .map("Labels"))
        #expect(type.primaryIdentifier == ["Id"])
        #expect(type.hasAttribute("Name.First") && !type.hasAttribute("Other"))
        #expect(type.properties.properties == ["Id": .constrained(0, .string), "Size": .constrained(1, .integer),
                                               "Items": .list(.object("Item"))], "lines without exactly a name and a shape are left out")
        #expect(type.properties.required == ["Id"] && !type.properties.isOpen)
        let item = try #require(type.definitions["Item"])
        #expect(item.properties == ["Key": .string] && item.isOpen && item.requiredOneOf == [["Key", "Other"]])
        #expect(type.unions["Choice"] == [.string, .object("Item")])
        #expect(type.constraints[0]?.pattern == "^a b$" && type.constraints[0]?.maxLength == 5)
        #expect(type.constraints[1]?.maximum == 10)
        #expect(type.constraints[2] == nil && type.constraints[-1] == nil)
        #expect(type.constraints.all.count == 2)
    }

    @Test func constraintsMayLeaveGaps() {
        var constraints = ValueConstraints()
        constraints.set(2, Array("min=3".utf8).withUnsafeBufferPointer { ValueConstraint(fields: $0[...]) })
        #expect(constraints[0] == nil && constraints[1] == nil && constraints[2]?.minimum == 3 && constraints[3] == nil)
        #expect(constraints.all.count == 1)
    }
}
