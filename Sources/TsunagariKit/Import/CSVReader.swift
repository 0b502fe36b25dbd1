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

    /// True when every cell is empty or blank (Excel writes such rows below the data).
    public var isBlank: Bool {
        fields.allSatisfy { $0.value.allSatisfy(\.isWhitespace) }
    }
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
) -> (records: [CSVRecord], errors: [CSVSyntaxError]) {
    var text = text
    return text.withUTF8 { bytes in
        parseCSVBytes(bytes, separator: separator, maximumColumns: maximumColumns, maximumCellBytes: maximumCellBytes)
    }
}

private func parseCSVBytes(
    _ bytes: UnsafeBufferPointer<UInt8>, separator comma: UInt8, maximumColumns: Int, maximumCellBytes: Int
) -> (records: [CSVRecord], errors: [CSVSyntaxError]) {
    let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    var records: [CSVRecord] = []
    var errors: [CSVSyntaxError] = []
    var fields: [CSVField] = []
    var buffer: [UInt8] = []
    var i = 0
    let n = bytes.count
    var line = 1
    var column = 1  // column of bytes[i]
    var recordLine = 1

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

    while i < n {
        // Start of a field.
        let fieldLine = line, fieldColumn = column
        var value: String
        var tooLong = false
        if bytes[i] == quote {
            advance()
            buffer.removeAll(keepingCapacity: true)
            var closed = false
            while i < n {
                let b = bytes[i]
                if b == quote {
                    if i + 1 < n && bytes[i + 1] == quote {
                        buffer.append(quote)
                        advance(); advance()
                    } else {
                        advance()
                        closed = true
                        break
                    }
                } else {
                    if buffer.count < maximumCellBytes { buffer.append(b) } else { tooLong = true }
                    advance()
                }
            }
            if !closed {
                errors.append(CSVSyntaxError(kind: .unterminatedQuote, line: fieldLine, column: fieldColumn))
                fields.append(
                    CSVField(value: String(decoding: buffer, as: UTF8.self), line: fieldLine, column: fieldColumn))
                records.append(CSVRecord(line: recordLine, fields: fields))
                return (records, errors)
            }
            // Anything up to the delimiter is kept, but reported.
            if i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                errors.append(CSVSyntaxError(kind: .textAfterQuote, line: line, column: column))
                while i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                    buffer.append(bytes[i])
                    advance()
                }
            }
            value = String(decoding: buffer, as: UTF8.self)
        } else {
            let start = i
            while i < n && bytes[i] != comma && bytes[i] != cr && bytes[i] != lf {
                advance()
            }
            tooLong = i - start > maximumCellBytes
            value = tooLong ? "" : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        }
        if tooLong {
            errors.append(CSVSyntaxError(kind: .cellTooLong, line: fieldLine, column: fieldColumn))
            value = ""
        }
        fields.append(CSVField(value: value, line: fieldLine, column: fieldColumn))
        if fields.count > maximumColumns {
            errors.append(CSVSyntaxError(kind: .tooManyColumns, line: fieldLine, column: fieldColumn))
            return (records, errors)
        }

        // Delimiter after the field.
        if i < n && bytes[i] == comma {
            advance()
            if i == n {  // a trailing comma at the end of the text opens one more empty field
                fields.append(CSVField(value: "", line: line, column: column))
            }
            continue
        }
        if i < n && bytes[i] == cr {
            advance()
            if i < n && bytes[i] == lf { advance() } else { line += 1; column = 1 }
        } else if i < n && bytes[i] == lf {
            advance()
        }
        records.append(CSVRecord(line: recordLine, fields: fields))
        fields.removeAll(keepingCapacity: true)
        recordLine = line
    }
    if !fields.isEmpty {
        records.append(CSVRecord(line: recordLine, fields: fields))
    }
    return (records, errors)
}
