import Foundation
import Testing

@testable import TsunagariKit

@Suite("CSV reader")
struct CSVReaderTests {
    private func values(_ text: String) -> [[String]] {
        parseCSV(text).cells.records.map { $0.fields.map(\.value) }
    }

    @Test("plain, quoted, doubled quotes, empty cells")
    func cells() {
        #expect(
            values("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n,,\n")
                == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["", "", ""]])
    }

    @Test("LF, CRLF and CR line ends read the same", arguments: ["\n", "\r\n", "\r"])
    func lineEnds(_ end: String) {
        let text = ["id,name", "A01,窓口", "A02,保健所"].joined(separator: end) + end
        #expect(values(text) == [["id", "name"], ["A01", "窓口"], ["A02", "保健所"]])
        #expect(parseCSV(text).cells.records.map(\.line) == [1, 2, 3])
    }

    @Test("a quoted newline stays in the cell and later rows keep their real line numbers")
    func quotedNewline() {
        let (cells, errors) = parseCSV("a,b\r\n1,\"two\r\nlines\"\r\n2,x\r\n")
        let records = cells.records
        #expect(errors.isEmpty)
        #expect(records.map { $0.fields.map(\.value) } == [["a", "b"], ["1", "two\r\nlines"], ["2", "x"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("columns count characters, not bytes")
    func columns() {
        let record = parseCSV("機関,分野,x\n").cells.records[0]
        #expect(record.fields.map(\.column) == [1, 4, 7])
    }

    @Test("last line without a line end, and a trailing comma")
    func endOfText() {
        #expect(values("a,b\n1,") == [["a", "b"], ["1", ""]])
        #expect(values("a,b\n1,2") == [["a", "b"], ["1", "2"]])
    }

    @Test("an unclosed quote is reported where it opens and ends the reading")
    func unterminatedQuote() {
        let (cells, errors) = parseCSV("a,b\n1,\"open\n2,3\n4,5\n")
        #expect(errors == [CSVSyntaxError(kind: .unterminatedQuote, line: 2, column: 3)])
        #expect(cells.count == 2)
    }

    @Test("text after a closing quote is kept and reported")
    func textAfterQuote() {
        let (cells, errors) = parseCSV("\"ab\"cd,e\n")
        #expect(errors == [CSVSyntaxError(kind: .textAfterQuote, line: 1, column: 5)])
        #expect(cells.record(0).fields.map(\.value) == ["abcd", "e"])
    }

    @Test("rows of empty cells are blank")
    func blankRows() {
        let cells = parseCSV("a,b\n,\n\u{3000}, \n").cells
        #expect((0..<cells.count).map(cells.isBlank) == [false, true, true])
    }
}

@Suite("Text encodings")
struct TextDecodingTests {
    @Test("a UTF-8 byte-order mark is stripped")
    func bom() throws {
        let decoded = try decodeText([0xEF, 0xBB, 0xBF] + Array("機関ID".utf8)).get()
        #expect(decoded.bytes == Array("機関ID".utf8))
        #expect(decoded.encoding == .utf8BOM)
    }

    @Test("CP932 characters Excel writes: ①, ㈱, 髙, ～ and full-width digits")
    func cp932() throws {
        // ① 87 40, ㈱ 87 8A, 髙 FB FC (IBM extension), ～ 81 60, １ 82 50
        let decoded = try decodeText([0x87, 0x40, 0x87, 0x8A, 0xFB, 0xFC, 0x81, 0x60, 0x82, 0x50]).get()
        #expect(decoded.bytes == Array("①㈱髙～１".utf8))
        #expect(decoded.encoding == .cp932)
    }

    /// The well-formed prefix by the standard library's decoder, scalar by scalar: the length
    /// before the first sequence it rejects.
    private func decodedPrefix(_ bytes: [UInt8]) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var length = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { length += UTF8.width(scalar) }
        return length
    }

    @Test("the UTF-8 check agrees with the standard library on every kind of bad byte")
    func validation() {
        // Pieces of every length and kind: ASCII runs (the eight-byte path), kana, kanji, emoji,
        // and the sequences table 3-7 forbids (overlong, surrogate, above U+10FFFF, a lone
        // continuation byte, a sequence cut short).
        let pieces: [[UInt8]] = [
            Array("reporter,partner\n".utf8), Array("あ".utf8), Array("機関".utf8), Array("😀".utf8), Array("é".utf8),
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xBF], [0xE3, 0x81], [0xF0, 0x9F, 0x98], [0xC2], [0xFF], [0xEF, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF],
        ]
        var random = SplitMix64(seed: 19)
        var valid = 0
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let prefix = bytes.withUnsafeBufferPointer(validUTF8Prefix)
            #expect(prefix == decodedPrefix(bytes), "\(bytes)")
            #expect((prefix == bytes.count) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if prefix == bytes.count { valid += 1 }
        }
        #expect(valid > 100 && valid < 2_900)  // both outcomes were drawn
    }

    @Test("bytes that are neither UTF-8 nor CP932 are refused, naming the first bad byte")
    func neither() {
        let bytes: [UInt8] = Array("id,".utf8) + [0xFF, 0x85, 0x40]
        #expect(throws: DecodingError.unknownEncoding(offset: 3)) { try decodeText(bytes).get() }
    }

    @Test("a file longer than its size says (a named pipe) is read to its end")
    func pipe() throws {
        let path = NSTemporaryDirectory() + "tsunagari-pipe-\(UUID().uuidString).csv"
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = "reporter,partner\n" + (1...2_000).map { "A\($0),B\($0)" }.joined(separator: "\n") + "\n"
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: path)!
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        var diagnostics = Diagnostics()
        let table = try #require(CSVTable.read(path, schema: Schema.survey, diagnostics: &diagnostics))
        #expect(diagnostics.all.isEmpty)
        #expect(table.records.count == 2_000)
        #expect(table.records.last.flatMap { table.value($0, Schema.Survey.partner) } == "B2000")
    }

    @Test("a cell's value is its text trimmed of white space, a neutralising apostrophe taken off")
    func cellValues() throws {
        // Spaces of every kind `trimmed` knows, apostrophes and formula characters, in any order.
        let pieces = [
            " ", "\t", "\r", "\u{3000}", "\u{A0}", "\u{85}", "\u{2003}", "'", "=", "+", "-", "@", "a", "あ", "\"",
        ]
        var rng = SplitMix64(seed: 5)
        let notes = (0..<2_000).map { _ in (0..<Int(rng.next() % 6)).map { _ in pieces[Int(rng.next() % 15)] }.joined()
        }
        let rows = notes.map { "A01,A02,,,,,,\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let path = NSTemporaryDirectory() + "tsunagari-cells-\(UUID().uuidString).csv"
        try (["reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note"] + rows)
            .joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var diagnostics = Diagnostics()
        let table = try #require(CSVTable.read(path, schema: Schema.survey, diagnostics: &diagnostics))
        #expect(table.records.count == notes.count)
        for (record, note) in zip(table.records, notes) {
            let expected = unneutralised(trimmed(note))
            #expect(
                table.value(record, Schema.Survey.note) == (expected.isEmpty ? nil : expected),
                "\(Array(note.unicodeScalars))")
        }
    }

    @Test("unquoted cells end and count their columns as a reading byte by byte does", arguments: ["\n", "\r\n", "\r"])
    func unquotedCells(_ end: String) {
        // Cells shorter and longer than the eight bytes read at a time, ASCII and 2-, 3- and 4-byte
        // characters, line ends and commas at every place in a word.
        let pieces = ["a", "1", " ", "é", "機", "😀", "'", "=", "\t"]
        var rng = SplitMix64(seed: 11)
        let rows = (0..<500).map { _ in
            (0..<(1 + Int(rng.next() % 6))).map { _ in
                (0..<Int(rng.next() % 14)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            }
        }
        let records = parseCSV(rows.map { $0.joined(separator: ",") }.joined(separator: end) + end).cells.records
        #expect(records.count == rows.count)
        for (r, (record, row)) in zip(records, rows).enumerated() {
            #expect(record.line == r + 1)
            #expect(record.fields.map(\.value) == row)
            let columns = row.indices.map { k in 1 + row[..<k].map { $0.unicodeScalars.count + 1 }.reduce(0, +) }
            #expect(record.fields.map(\.column) == columns, "row \(r + 1)")
        }
    }
}
