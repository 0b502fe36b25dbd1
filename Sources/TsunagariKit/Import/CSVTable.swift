import Foundation

/// Files larger than this are refused before reading (a year's survey of 1,000,000 rows is
/// about 60 MB).
let maximumFileSize = 1_000_000_000

/// A record of a `CSVTable`: its place among the file's records and the line it starts on.
struct CSVRow: Sendable {
    let index: Int
    let line: Int
}

/// A CSV input file read against its schema: decoded, parsed, header matched, blank rows dropped.
/// Cells stay bytes of the file (`CSVCells`) until a value is asked for.
struct CSVTable: Sendable {
    let path: String
    let header: CSVRecord
    /// Cell index of each schema column (by `Column.index`), nil when the file lacks it.
    let positions: [Int?]
    let cells: CSVCells
    /// Data records (the header and blank rows left out).
    let records: [CSVRow]
    /// The value blank cells at a position hold (`filling`).
    private var fill: (position: Int, value: String)?

    /// Reads `path`, reporting every problem into `diagnostics`. Nil when nothing can be read:
    /// the file is missing or unreadable, in an unknown encoding, empty, or lacks a required column.
    static func read(_ path: String, schema: FileSchema, diagnostics: inout Diagnostics) -> CSVTable? {
        let fileStart = SourceLocation(file: path, line: 0, column: 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumFileSize {
            let megabytes = size / 1_000_000, limit = maximumFileSize / 1_000_000
            diagnostics.error(fileStart, .fileTooLarge(megabytes: megabytes, limit: limit))
            return nil
        }
        let all: CSVCells, syntaxErrors: [CSVSyntaxError]
        if path.lowercased().hasSuffix(".xlsx") {
            // The workbook is read from the file itself (`Workbook.read`).
            guard FileManager.default.isReadableFile(atPath: path) else {
                diagnostics.error(fileStart, .fileUnreadable)
                return nil
            }
            guard let rows = sheetRows(path: path, schema: schema, diagnostics: &diagnostics) else { return nil }
            (all, syntaxErrors) = (CSVCells(records: rows), [])
        } else {
            guard let data = fileBytes(path) else {
                diagnostics.error(fileStart, .fileUnreadable)
                return nil
            }
            let text: [UInt8]
            var separator = UInt8(ascii: ",")
            switch decodeText(data) {
            case .success(let decoded):
                text = decoded.bytes
            case .failure(.unknownEncoding(let offset)):
                diagnostics.error(fileStart, .unknownEncoding(offset: offset))
                return nil
            case .failure(.utf16):
                // Excel's 「Unicode テキスト」: UTF-16 with a byte-order mark, cells separated by tabs.
                guard let decoded = decodeUTF16(Data(data)) else {
                    diagnostics.error(fileStart, .utf16)
                    return nil
                }
                text = Array(decoded.utf8)
                if decoded.prefix(while: { $0 != "\n" }).contains("\t") { separator = UInt8(ascii: "\t") }
            }
            (all, syntaxErrors) = parseCSV(text, separator: separator)
        }
        for e in syntaxErrors {
            let at = SourceLocation(file: path, line: e.line, column: e.column)
            switch e.kind {
            case .unterminatedQuote:
                diagnostics.error(at, .unterminatedQuote)
            case .tooManyColumns:
                diagnostics.error(at, .tooManyCells)
            case .cellTooLong:
                diagnostics.error(at, .cellTooLong)
            case .textAfterQuote:
                diagnostics.error(at, .textAfterQuote)
            }
        }

        // A header that broke the reading (too many cells) is not an empty file: said above.
        if all.count == 0 && syntaxErrors.contains(where: { $0.kind == .tooManyColumns }) { return nil }
        guard let firstRow = (0..<all.count).first(where: { !all.isBlank($0) }) else {
            diagnostics.error(fileStart, .emptyFile(schema))
            return nil
        }
        // The header is the first row with every required column; title rows above it (a form's
        // heading, a date) are not data and are skipped, with a word.
        let headerIndex =
            (firstRow..<all.count).prefix(20).first { schema.isHeader(all.record($0)) } ?? firstRow
        if headerIndex > firstRow {
            diagnostics.warning(
                SourceLocation(file: path, line: Int(all.lines[firstRow]), column: 1),
                .rowsAboveHeader(headerLine: Int(all.lines[headerIndex])))
        }
        let header = all.record(headerIndex)
        let (positions, duplicates) = schema.match(header: header)
        for (column, cell) in duplicates {
            diagnostics.error(
                SourceLocation(file: path, line: cell.line, column: cell.column), .duplicateColumn(column))
        }
        // Case files must not hold personal data: a column that looks like it refuses the file.
        let personal = header.fields.enumerated().filter { i, cell in
            !positions.contains(i) && schema.personalDataWords.contains { normalizedKey(cell.value).contains($0) }
        }
        for (_, cell) in personal {
            diagnostics.error(
                SourceLocation(file: path, line: cell.line, column: cell.column), .personalHeader(cell.value))
        }
        guard personal.isEmpty else { return nil }
        let missing = schema.columns.filter { $0.required && positions[$0.index] == nil }
        for column in missing {
            diagnostics.error(SourceLocation(file: path, line: header.line, column: 1), .missingColumn(column))
        }
        guard missing.isEmpty else { return nil }
        var records = ((headerIndex + 1)..<all.count).filter { !all.isBlank($0) }
        // The record with an unclosed quote swallowed the rest of the file: none of it is data.
        if syntaxErrors.contains(where: { $0.kind == .unterminatedQuote }), !records.isEmpty { records.removeLast() }
        // A row with a cell too long to keep is not read (its error is above).
        let cut = Set(syntaxErrors.filter { $0.kind == .cellTooLong }.map { [$0.line, $0.column] })
        if !cut.isEmpty {
            records.removeAll { r in
                all.cellRange(r).contains { cut.contains([Int(all.cells[$0].line), Int(all.cells[$0].column)]) }
            }
        }
        return CSVTable(
            path: path, header: header, positions: positions, cells: all,
            records: records.map { CSVRow(index: $0, line: Int(all.lines[$0])) })
    }

    /// The rows of the workbook's sheet that holds the table: the first whose header has every
    /// required column, else the first sheet. Merged cells in it are reported.
    private static func sheetRows(path: String, schema: FileSchema, diagnostics: inout Diagnostics) -> [CSVRecord]? {
        let workbook: Workbook
        do {
            workbook = try Workbook.read(contentsOf: path)
        } catch {
            diagnostics.error(SourceLocation(file: path, line: 0, column: 0), .notAWorkbook)
            return nil
        }
        let sheet =
            workbook.sheets.first { $0.rows.prefix(20).contains(where: schema.isHeader) } ?? workbook.sheets[0]
        if sheet.truncated {
            diagnostics.warning(
                SourceLocation(file: path, line: 0, column: 0), .cellsBeyondLastColumn(sheet: sheet.name))
        }
        for range in sheet.merged {
            let start = range.prefix { $0 != ":" }
            let line = Int(start.drop { $0.isLetter }) ?? 0
            diagnostics.warning(
                SourceLocation(file: path, line: line, column: columnNumber(start)),
                .mergedCells(range, sheet: sheet.name))
        }
        return sheet.rows
    }

    /// The value most rows hold in `column`, when more than half of the rows with a value hold it
    /// (the agency a form is from); nil otherwise.
    func owner(_ column: Column) -> String? {
        var counts: [String: (written: String, count: Int)] = [:]
        var filled = 0
        for record in records {
            guard let value = value(record, column) else { continue }
            filled += 1
            counts[normalizedKey(value), default: (value, 0)].count += 1
        }
        guard let best = counts.values.max(by: { ($0.count, $1.written) < ($1.count, $0.written) }),
            2 * best.count > filled
        else { return nil }
        return best.written
    }

    /// The table with the blank cells of `column` holding `value` (rows that hold anything else).
    func filling(_ column: Column, with value: String) -> CSVTable {
        guard let position = positions[column.index] else { return self }
        var table = self
        table.fill = (position, value)
        return table
    }

    /// The cells of `record` as strings, as the file has them (a blank cell `filling` fills holds
    /// its value, the row lengthened to reach it).
    func fields(_ record: CSVRow) -> [CSVField] {
        var fields = cells.cellRange(record.index).map(cells.field)
        if let (position, value) = fill {
            while fields.count <= position {
                fields.append(CSVField(value: "", line: record.line, column: fields.count + 1))
            }
            if unneutralised(trimmed(fields[position].value)).isEmpty { fields[position].value = value }
        }
        return fields
    }

    /// The cell of `column` in `record`, trimmed of surrounding white space; nil when the column
    /// is not in the file or the row stops before it.
    func cell(_ record: CSVRow, _ column: Column) -> CSVField? {
        guard let i = positions[column.index] else { return nil }
        let range = cells.cellRange(record.index)
        guard i < range.count else {
            return fill?.position == i ? CSVField(value: fill!.value, line: record.line, column: i + 1) : nil
        }
        let cell = cells.cells[range.lowerBound + i]
        var value = cells.bytes.withUnsafeBufferPointer { String(decoding: Self.value($0, cell), as: UTF8.self) }
        if value.isEmpty, let fill, fill.position == i { value = fill.value }
        return CSVField(value: value, line: Int(cell.line), column: Int(cell.column))
    }

    /// The bytes of `cell` in `text` as a value: trimmed of white space (`trimmed`), a neutralising
    /// apostrophe before a formula character taken off (`unneutralised`). One string is made from
    /// them, not one for the cell and one for each change.
    private static func value(_ text: UnsafeBufferPointer<UInt8>, _ cell: CSVCells.Cell) -> UnsafeBufferPointer<UInt8> {
        var trimmed = trimmedRange(text, Int(cell.start), Int(cell.end))
        if trimmed.count >= 2, text[trimmed.lowerBound] == UInt8(ascii: "'"),
            formulaStarts.utf8.contains(text[trimmed.lowerBound + 1])
        {
            trimmed = (trimmed.lowerBound + 1)..<trimmed.upperBound
        }
        return UnsafeBufferPointer(rebasing: text[trimmed])
    }

    /// Where a cell is, or where the row starts when the row stops before the column.
    func location(_ record: CSVRow, _ column: Column) -> SourceLocation {
        let (line, column) = place(record, column)
        return SourceLocation(file: path, line: line, column: column)
    }

    /// The line and column of `location`.
    func place(_ record: CSVRow, _ column: Column) -> (line: Int, column: Int) {
        if let i = positions[column.index] {
            let range = cells.cellRange(record.index)
            if i < range.count {
                let cell = cells.cells[range.lowerBound + i]
                return (Int(cell.line), Int(cell.column))
            }
            if fill?.position == i { return (record.line, i + 1) }
        }
        return (record.line, 1)
    }

    /// The bytes of `column`'s cell in `record` as `value` reads them (trimmed, a neutralising
    /// apostrophe taken off), empty when the cell is blank or absent. `text` is `cells.bytes`; a
    /// table `filling` filled is read through `value`.
    func bytes(_ text: UnsafeBufferPointer<UInt8>, _ record: CSVRow, _ column: Column) -> UnsafeBufferPointer<UInt8> {
        precondition(fill == nil)
        let range = cells.cellRange(record.index)
        guard let i = positions[column.index], i < range.count else {
            return UnsafeBufferPointer(rebasing: text[0..<0])
        }
        return Self.value(text, cells.cells[range.lowerBound + i])
    }

    /// The value of `column`'s cell in `record` when it is one to nine ASCII digits (most numbers
    /// in a file), read from its bytes; nil otherwise (`value` then reads it).
    func digits(_ record: CSVRow, _ column: Column) -> Int? {
        guard fill == nil else { return nil }
        return cells.bytes.withUnsafeBufferPointer { text in
            let bytes = self.bytes(text, record, column)
            guard (1...9).contains(bytes.count) else { return nil }
            var n = 0
            for b in bytes {
                guard (0x30...0x39).contains(b) else { return nil }
                n = 10 * n + Int(b - 0x30)
            }
            return n
        }
    }

    /// A non-empty cell value, or nil.
    func value(_ record: CSVRow, _ column: Column) -> String? {
        guard let v = cell(record, column)?.value, !v.isEmpty else { return nil }
        return v
    }
}

// MARK: - Wording

/// UTF-16 text with its byte-order mark (either order), or little-endian without one (as Windows
/// writes it); nil when it is not valid UTF-16.
func decodeUTF16(_ data: Data) -> String? {
    if data.starts(with: [0xFF, 0xFE]) { return String(data: data.dropFirst(2), encoding: .utf16LittleEndian) }
    if data.starts(with: [0xFE, 0xFF]) { return String(data: data.dropFirst(2), encoding: .utf16BigEndian) }
    return String(data: data, encoding: .utf16LittleEndian)
}

extension Wording {
    static func rowsAboveHeader(headerLine: Int) -> Wording {
        Wording(
            Text(
                ja: "見出しの行 (\(headerLine)行目) より上の行は、表の題名などとして読み飛ばしました",
                en: "the rows above the header (line \(headerLine)) were skipped as a title"),
            hint: Text(
                ja: "データが入っていたなら、見出しの下に移してください",
                en: "if they hold answers, move them below the header"))
    }

    static let notAWorkbook = Wording(
        Text(ja: "Excel のブック (.xlsx) として読めません", en: "not readable as an Excel workbook (.xlsx)"),
        hint: Text(
            ja: "Excel で開き直して「Excel ブック」か「CSV UTF-8」で保存してください",
            en: "open it in Excel and save it again as an Excel workbook or as CSV UTF-8"))

    static func cellsBeyondLastColumn(sheet: String) -> Wording {
        Wording(
            Text(
                ja: "シート「\(sheet)」の1,000列目より右のセルは読みませんでした",
                en: "cells beyond column 1,000 on the sheet '\(sheet)' were not read"),
            hint: Text(ja: "表の右の離れたセルに何か入っていないか確かめてください", en: "check for stray cells far to the right of the table"))
    }

    static func mergedCells(_ range: String, sheet: String) -> Wording {
        Wording(
            Text(
                ja: "結合されたセルです (シート「\(sheet)」の \(range))。値は左上のセルだけにあるものとして読みます",
                en: "a merged cell (\(range) on the sheet '\(sheet)'); its value is read from the top-left cell only"),
            hint: Text(ja: "セルの結合を解除し、行ごとに値を入れてください", en: "unmerge the cells and fill in every row"))
    }

    static func fileTooLarge(megabytes: Int, limit: Int) -> Wording {
        Wording(
            Text(
                ja: "ファイルが大きすぎます (\(megabytes) MB。上限は \(limit) MB)",
                en: "the file is too large (\(megabytes) MB; the limit is \(limit) MB)"),
            hint: Text(
                ja: "別の種類のファイルでないか確かめ、不要な列や行を削除してください",
                en: "check that it is the right file, and remove columns or rows that are not needed"))
    }

    static let fileUnreadable = Wording(
        Text(ja: "ファイルを読めません", en: "cannot read the file"),
        hint: Text(
            ja: "ファイルの場所と読み取り権限を確かめてください",
            en: "check that the file exists and can be read"))

    private static let saveAsUTF8 = Text(
        ja: "Excel で「CSV UTF-8 (コンマ区切り)」を選んで保存し直してください",
        en: "save it again from Excel as 'CSV UTF-8 (Comma delimited)'")

    static func unknownEncoding(offset: Int) -> Wording {
        Wording(
            Text(
                ja: "文字コードが UTF-8 でも Shift_JIS (CP932) でもありません (\(offset) バイト目)",
                en: "the text is neither UTF-8 nor Shift_JIS (CP932) (byte \(offset))"), hint: saveAsUTF8)
    }

    static let utf16 = Wording(
        Text(
            ja: "UTF-16 (Excel の「Unicode テキスト」) のファイルのようですが、文字として正しく読めません",
            en: "the file looks like UTF-16 (Excel's 'Unicode Text') but does not decode"), hint: saveAsUTF8)

    static let unterminatedQuote = Wording(
        Text(
            ja: "引用符 \" で始まったセルが閉じられていません。ここから後は読めません",
            en: "a quoted cell is never closed; the rest of the file cannot be read"),
        hint: Text(
            ja: "セルの終わりに \" を加えるか、セル内の \" を \"\" と二重にしてください",
            en: "add the closing \" or double each \" inside the cell as \"\""))

    static let tooManyCells = Wording(
        Text(
            ja: "1行のセルが多すぎます (上限は1,000列)。ここから後は読めません",
            en: "a row has too many cells (the limit is 1,000); the rest of the file cannot be read"),
        hint: Text(ja: "Excel で余分な列を削除して保存し直してください", en: "delete the extra columns in Excel and save the file again"))

    static let cellTooLong = Wording(
        Text(
            ja: "セルが長すぎます (上限は100,000バイト)。この行は読みません",
            en: "a cell is too long (the limit is 100,000 bytes); the row is not read"),
        hint: Text(
            ja: "別のファイルを貼り付けていないか確かめ、セルの内容を短くしてください",
            en: "check that nothing was pasted into the cell by mistake, and shorten it"))

    static let textAfterQuote = Wording(
        Text(ja: "引用符 \" で閉じたセルの後ろに文字があります", en: "text follows the closing quote of a cell"),
        hint: Text(
            ja: "セル全体を \" で囲み、セル内の \" は \"\" と二重にしてください",
            en: "quote the whole cell and double each \" inside it as \"\""))

    static func emptyFile(_ schema: FileSchema) -> Wording {
        let required = schema.columns.filter(\.required)
        return Wording(
            Text(ja: "ファイルが空です", en: "the file is empty"),
            hint: Text(
                ja: "1行目に見出し行を置いてください (\(required.map(\.ja).joined(separator: "、")) など)",
                en: "put a header row first (\(required.map(\.en).joined(separator: ", ")), …)"))
    }

    static func duplicateColumn(_ column: Column) -> Wording {
        Wording(
            Text(ja: "列 \(column.quoted.ja) が2回あります", en: "column \(column.quoted.en) appears twice"),
            hint: Text(ja: "どちらかの列を削除するか見出しを変えてください", en: "delete one of the two columns or rename its header"))
    }

    static func personalHeader(_ header: String) -> Wording {
        Wording(
            Text(
                ja: "列「\(header)」は個人情報 (氏名・住所・生年月日・連絡先) のようです。このファイルは読み込みません",
                en: "the column '\(header)' looks like personal data (name, address, birth date, contact); the "
                    + "file is not read"),
            hint: Text(
                ja: "事例の記録には仮名の事例ID・年齢帯・タグだけを入れます。この列を削除してから読み込んでください",
                en: "case records hold only a pseudonymous case ID, an age band and tags; delete this "
                    + "column and try again"))
    }

    static func missingColumn(_ column: Column) -> Wording {
        Wording(
            Text(ja: "必須の列 \(column.quoted.ja) がありません", en: "required column \(column.quoted.en) is missing"),
            hint: Text(
                ja: "1行目の見出しに「\(column.ja)」または「\(column.en)」の列を加えてください",
                en: "add a column headed '\(column.en)' or '\(column.ja)' to the first row"))
    }
}

/// The bytes of the file at `path`, read straight into the array (through `Data` they were
/// written twice: a tenth of reading a large survey); nil when it cannot be read. A file longer
/// than its size says (a pipe, one still being written) is read on to its end.
private func fileBytes(_ path: String) -> [UInt8]? {
    let file = open(path, O_RDONLY)
    guard file >= 0 else { return nil }
    defer { close(file) }
    var info = stat()
    guard fstat(file, &info) == 0 else { return nil }
    let size = Int(info.st_size) + 1  // one byte more than there should be, to see the end
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        while count < size {
            let n = read(file, buffer.baseAddress! + count, size - count)
            if n > 0 {
                count += n
            } else if n == 0 || errno != EINTR {
                failed = n < 0
                return
            }
        }
    }
    if failed { return nil }
    if bytes.count < size { return bytes }
    guard let rest = try? FileHandle(fileDescriptor: file).readToEnd() else { return nil }
    return bytes + rest
}
