import Foundation
import Testing

@testable import TsunagariKit

@Suite("Tables of the import")
struct ImportTableTests {
    @Test("cells' values through the cache are those set, for cells alike in the bytes their slots come from")
    func cellValues() {
        // Cells whose first three, middle two and last two bytes are the same: those of one length
        // share a slot, and differ only in bytes the slot does not look at.
        var rng = SplitMix64(seed: 3)
        let cells: [[UInt8]] = (0..<3_000).map { _ in
            let n = 1 + Int(rng.next() % 24)
            return (0..<n).map { i in
                i < 3 || i >= n - 2 || i == n / 2 || i == n / 2 - 1 ? 0x41 : UInt8(0x41 + rng.next() % 3)
            }
        }
        let text = cells.flatMap { $0 }
        var starts = [0]
        for cell in cells { starts.append(starts.last! + cell.count) }
        text.withUnsafeBufferPointer { text in
            func cell(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: text[starts[i]..<starts[i + 1]])
            }
            var memory = CellValues<Int>()
            var expected: [[UInt8]: Int] = [:]
            var wrong = 0
            for _ in 0..<20_000 {
                let i = Int(rng.next() % UInt64(cells.count))
                if expected[cells[i]] == nil && rng.next() % 3 == 0 {
                    memory.set(cell(i), i)
                    expected[cells[i]] = i
                }
                if memory.value(cell(i)) != expected[cells[i]] { wrong += 1 }
            }
            #expect(wrong == 0)
            #expect(expected.count > 500)
        }
    }

    @Test("a cell's digits read from its bytes are its value's number, and only for one to nine ASCII digits")
    func digits() throws {
        let pieces = ["0", "1", "9", "５", " ", "'", "+", "-", "a", "\u{3000}", "7", "3"]
        var rng = SplitMix64(seed: 8)
        let notes = (0..<2_000).map { _ in
            (0..<Int(rng.next() % 12)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
        let path = NSTemporaryDirectory() + "tsunagari-digits-\(UUID().uuidString).csv"
        try
            (["reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note"]
            + notes.map { "A01,A02,,,,,,\($0)" })
            .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var diagnostics = Diagnostics()
        let table = try #require(CSVTable.read(path, schema: Schema.survey, diagnostics: &diagnostics))
        #expect(table.records.count == notes.count)
        var numbers = 0
        for record in table.records {
            let value = table.value(record, Schema.Survey.note) ?? ""
            let plain = (1...9).contains(value.utf8.count) && value.utf8.allSatisfy { (0x30...0x39).contains($0) }
            #expect(table.digits(record, Schema.Survey.note) == (plain ? Int(value) : nil), "\(value)")
            numbers += plain ? 1 : 0
        }
        #expect(numbers > 50)
    }
}
