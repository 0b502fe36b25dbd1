/// One cell of a CSV file with the place it starts.
public struct CSVField: Sendable, Equatable {
    public var value: String
    public var line: Int
    public var column: Int
}

/// One record of a CSV file. `line` is where it starts; a quoted newline makes a record span lines.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [CSVField]
}

/// A problem in the CSV syntax itself.
public struct CSVSyntaxError: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A quoted field whose closing quote never comes; the rest of the file is not read.
        case unterminatedQuote
        /// Text after a closing quote and before the next comma or line end (`"ab"c`).
        case textAfterQuote
        /// A record with more cells than `maximumColumns`; the rest of the file is not read.
        case tooManyColumns
        /// A cell longer than `maximumCellBytes`; its text is not kept (the row is not read).
        case cellTooLong
    }

    public var kind: Kind
    public var line: Int
    public var column: Int
}

/// CSV text as parsed: every cell a range of one byte buffer, with the line and column where it
/// starts. No string is made per cell: the importer reads the survey's cells as bytes where they
/// lie and makes strings only of the values it keeps (`CSVTable`).
public struct CSVCells: Sendable {
    struct Cell: Sendable {
        /// The value is `bytes[start..<end]`.
        var start: UInt32, end: UInt32
        var line: UInt32, column: UInt32
    }

    /// The text as UTF-8, then the values that differ from their bytes in the text (quoted cells
    /// with doubled quotes or text after the closing quote), unescaped.
    var bytes: [UInt8] = []
    var cells: [Cell] = []
    /// The index of each record's first cell, then the number of cells.
    var firsts: [UInt32] = [0]
    /// The line each record starts on.
    var lines: [UInt32] = []

    /// The number of records.
    public var count: Int { lines.count }

    /// The records as values (for the header, small files and tests).
    public var records: [CSVRecord] { (0..<count).map(record) }

    /// Record `r` with a string per cell.
    public func record(_ r: Int) -> CSVRecord {
        CSVRecord(line: Int(lines[r]), fields: cellRange(r).map(field))
    }

    /// The cells of record `r`, as indices of `cells`.
    func cellRange(_ r: Int) -> Range<Int> { Int(firsts[r])..<Int(firsts[r + 1]) }

    func field(_ c: Int) -> CSVField {
        CSVField(value: string(c), line: Int(cells[c].line), column: Int(cells[c].column))
    }

    func string(_ c: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(cells[c].start)..<Int(cells[c].end)]), as: UTF8.self)
        }
    }

    /// True when every cell of record `r` is empty or blank (Excel writes such rows below the data).
    func isBlank(_ r: Int) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            cellRange(r).allSatisfy {
                let range = trimmedRange(text, Int(cells[$0].start), Int(cells[$0].end))
                return range.lowerBound == range.upperBound
            }
        }
    }

    /// Rows read elsewhere (a workbook's sheet) in the same form.
    init(records: [CSVRecord]) {
        for record in records {
            for field in record.fields {
                let start = UInt32(bytes.count)
                bytes += field.value.utf8
                cells.append(
                    Cell(start: start, end: UInt32(bytes.count), line: UInt32(field.line), column: UInt32(field.column))
                )
            }
            firsts.append(UInt32(cells.count))
            lines.append(UInt32(record.line))
        }
    }

    init() {}
}

/// The range of `text[start..<end]` without white space (`isSpace`) at either end, as `trimmed`
/// leaves a string; the text is valid UTF-8.
@inline(__always)
func trimmedRange(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
    var (s, e) = (start, end)
    while s < e, let n = spaceLength(text, s, e, forward: true) { s += n }
    while s < e, let n = spaceLength(text, s, e, forward: false) { e -= n }
    return s..<e
}

/// The length of the white space character that starts at `s` (`forward`) or ends at `e`, or nil.
/// The spaces of `isSpace` in UTF-8: 09–0D, 20; C2 85, C2 A0; E1 9A 80; E2 80 80–8A, A8, A9, AF;
/// E2 81 9F; E3 80 80.
@inline(__always)
private func spaceLength(_ t: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, forward: Bool) -> Int? {
    let b = forward ? t[s] : t[e - 1]
    if b == 0x20 || (0x09...0x0D).contains(b) { return 1 }
    guard b >= 0x80 else { return nil }
    func at(_ k: Int, of length: Int) -> UInt8 { forward ? t[s + k] : t[e - length + k] }
    if e - s >= 2 && at(0, of: 2) == 0xC2 && (at(1, of: 2) == 0x85 || at(1, of: 2) == 0xA0) { return 2 }
    guard e - s >= 3 else { return nil }
    switch (at(0, of: 3), at(1, of: 3), at(2, of: 3)) {
    case (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9),
        (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
        return 3
    default: return nil
    }
}

/// Parses CSV text (RFC 4180 as Excel writes it): comma-separated, `"` quotes, `""` inside
/// quotes, quoted commas and newlines, CRLF or LF line ends.
///
/// Hand-written over UTF-8 bytes so that every field knows its line and column and a broken
/// quote is reported where it opens. Linear time in the size of the text. A record with more
/// than `maximumColumns` cells ends the reading (a file like that is not a survey sheet, and
/// holding a million cells of one row would only exhaust memory); a cell of more than
/// `maximumCellBytes` bytes is reported and left empty (no answer on a survey sheet is that long,
/// and a 200 MB cell would otherwise be copied, normalised and printed).
///
/// `separator` is `,` for CSV and a tab for Excel's 「Unicode テキスト」.
public func parseCSV(
    _ text: String, separator: UInt8 = UInt8(ascii: ","), maximumColumns: Int = 1_000,
    maximumCellBytes: Int = 100_000
) -> (cells: CSVCells, errors: [CSVSyntaxError]) {
    parseCSV(
        Array(text.utf8), separator: separator, maximumColumns: maximumColumns, maximumCellBytes: maximumCellBytes)
}

/// `parseCSV` over the bytes of valid UTF-8 text (as `decodeText` gives them), which become the
/// table's buffer.
public func parseCSV(
    _ text: [UInt8], separator: UInt8 = UInt8(ascii: ","), maximumColumns: Int = 1_000,
    maximumCellBytes: Int = 100_000
) -> (cells: CSVCells, errors: [CSVSyntaxError]) {
    var table = CSVCells()
    // Room for a cell every five bytes (a survey's take about eight), so that the array is not
    // copied as it grows; pages of it that are never written are never touched.
    table.cells.reserveCapacity(text.count / 5 + 1)
    var extra: [UInt8] = []
    let errors = text.withUnsafeBufferPointer { bytes in
        parseCSVBytes(
            bytes, separator: separator, maximumColumns: maximumColumns, maximumCellBytes: maximumCellBytes,
            into: &table, extra: &extra)
    }
    table.bytes = extra.isEmpty ? text : text + extra
    return (table, errors)
}

/// Parses into `table`'s cells; values that are not a range of the text go to `extra`, whose
/// offsets start at the end of the text.
private func parseCSVBytes(
    _ bytes: UnsafeBufferPointer<UInt8>, separator comma: UInt8, maximumColumns: Int, maximumCellBytes: Int,
    into table: inout CSVCells, extra: inout [UInt8]
) -> [CSVSyntaxError] {
    let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    var errors: [CSVSyntaxError] = []
    var i = 0
    let n = bytes.count
    var line = 1
    var column = 1  // column of bytes[i]
    var recordLine = 1
    var fieldCount = 0

    /// Advances over one byte, keeping line and column (continuation bytes add no column).
    @inline(__always) func advance() {
        let b = bytes[i]
        i += 1
        if b == lf {
            line += 1
            column = 1
        } else if b & 0xC0 != 0x80 {
            column += 1
        }
    }
    @inline(__always) func append(_ start: Int, _ end: Int, _ line: Int, _ column: Int) {
        table.cells.append(
            CSVCells.Cell(start: UInt32(start), end: UInt32(end), line: UInt32(line), column: UInt32(column)))
        fieldCount += 1
    }
    func endRecord() {
        table.firsts.append(UInt32(table.cells.count))
        table.lines.append(UInt32(recordLine))
        fieldCount = 0
    }
    /// `bytes[start..<end]` copied to `extra` with each doubled quote made one, at most
    /// `maximumCellBytes` of them; the range it has in the table's buffer.
    func unescaped(_ start: Int, _ end: Int) -> (Int, Int) {
        let first = n + extra.count
        var k = start
        while k < end && extra.count - (first - n) < maximumCellBytes {
            extra.append(bytes[k])
            k += bytes[k] == quote && k + 1 < end && bytes[k + 1] == quote ? 2 : 1
        }
        return (first, n + extra.count)
    }

    while i < n {
        // Start of a field.
        let fieldLine = line, fieldColumn = column
        if bytes[i] == quote {
            advance()
            let contentStart = i
            var contentEnd = n, doubled = 0, closed = false
            while i < n {
                if bytes[i] == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        doubled += 1
                        advance(); advance()
                    } else {
                        contentEnd = i
                        advance()
                        closed = true
                        break
                    }
                } else {
                    advance()
                }
            }
            if !closed {
                errors.append(CSVSyntaxError(kind: .unterminatedQuote, line: fieldLine, column: fieldColumn))
                let (s, e) = unescaped(contentStart, n)
                append(s, e, fieldLine, fieldColumn)
                endRecord()
                return errors
            }
            var (s, e) = (contentStart, contentEnd)
            var length = contentEnd - contentStart - doubled
            if doubled > 0 { (s, e) = unescaped(contentStart, contentEnd) }
            // Anything up to the delimiter is kept, but reported.
            if i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                errors.append(CSVSyntaxError(kind: .textAfterQuote, line: line, column: column))
                if doubled == 0 { (s, e) = unescaped(contentStart, contentEnd) }
                while i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                    if length < maximumCellBytes { extra.append(bytes[i]) }
                    length += 1
                    advance()
                }
                e = n + extra.count
            }
            if length > maximumCellBytes {
                errors.append(CSVSyntaxError(kind: .cellTooLong, line: fieldLine, column: fieldColumn))
                e = s
            }
            append(s, e, fieldLine, fieldColumn)
        } else {
            let start = i
            i = unquotedEnd(bytes, from: i, separator: comma, column: &column)
            if i - start > maximumCellBytes {
                errors.append(CSVSyntaxError(kind: .cellTooLong, line: fieldLine, column: fieldColumn))
                append(start, start, fieldLine, fieldColumn)
            } else {
                append(start, i, fieldLine, fieldColumn)
            }
        }
        if fieldCount > maximumColumns {
            errors.append(CSVSyntaxError(kind: .tooManyColumns, line: fieldLine, column: fieldColumn))
            table.cells.removeLast(fieldCount)
            return errors
        }

        // Delimiter after the field.
        if i < n && bytes[i] == comma {
            advance()
            if i == n {  // a trailing comma at the end of the text opens one more empty field
                append(i, i, line, column)
            }
            continue
        }
        if i < n && bytes[i] == cr {
            advance()
            if i < n && bytes[i] == lf { advance() } else { line += 1; column = 1 }
        } else if i < n && bytes[i] == lf {
            advance()
        }
        endRecord()
        recordLine = line
    }
    if fieldCount > 0 { endRecord() }
    return errors
}

/// The end of the unquoted cell that starts at `i`: the first separator, CR or LF from there
/// (else the end of the text), with `column` moved on by the characters before it (bytes that are
/// not UTF-8 continuation bytes, `10xxxxxx`).
///
/// Eight bytes at a time: `v − 0x01…01 & ~v & 0x80…80` marks the lowest zero byte of `v` exactly
/// (Mycroft's test for a zero byte; marks above it may be false), and a byte equal to `c` is a
/// zero byte of `v ^ c·0x01…01`. Continuation bytes have bit 7 set and bit 6 clear:
/// `v & ~(v << 1) & 0x80…80`; the product of those bits (moved to the bottom of each byte) with
/// 0x01…01 sums them in its top byte.
@inline(__always)
private func unquotedEnd(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, separator: UInt8, column: inout Int
) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
    func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
    let (separators, crs, lfs) = (ones &* UInt64(separator), ones &* 0x0D, ones &* 0x0A)
    var i = start
    while i + 8 <= bytes.count {
        let v = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
        let ends = zeroBytes(v ^ separators) | zeroBytes(v ^ crs) | zeroBytes(v ^ lfs)
        let k = ends == 0 ? 8 : ends.trailingZeroBitCount / 8
        let before: UInt64 = k == 8 ? ~0 : (1 << (8 * UInt64(k))) &- 1
        // One bit at the top of each continuation byte, summed by a product (at most 8: no carry).
        let continuations = (v & ~(v << 1) & highs & before) >> 7
        column += k - Int(truncatingIfNeeded: (continuations &* ones) >> 56)
        i += k
        if ends != 0 { return i }
    }
    while i < bytes.count {
        let b = bytes[i]
        if b == separator || b == 0x0D || b == 0x0A { break }
        i += 1
        if b & 0xC0 != 0x80 { column += 1 }
    }
    return i
}
