import Foundation

/// A CSV input file read against its schema: decoded, parsed, header matched, blank rows dropped.
struct CSVTable {
    let path: String
    let encoding: TextEncoding
    let header: CSVRecord
    /// Cell index of each schema column (by `Column.index`), nil when the file lacks it.
    let positions: [Int?]
    /// Data records (the header and blank rows left out).
    let records: [CSVRecord]

    /// Reads `path`, reporting every problem into `diagnostics`. Nil when nothing can be read:
    /// the file is missing or unreadable, in an unknown encoding, empty, or lacks a required column.
    static func read(_ path: String, schema: FileSchema, diagnostics: inout Diagnostics) -> CSVTable? {
        let fileStart = SourceLocation(file: path, line: 0, column: 0)
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(fileStart, Text(ja: "ファイルを読めません", en: "cannot read the file"),
                              hint: Text(ja: "ファイルの場所と読み取り権限を確かめてください",
                                         en: "check that the file exists and can be read"))
            return nil
        }
        let text: String, encoding: TextEncoding
        switch decodeText([UInt8](data)) {
        case .success(let decoded):
            (text, encoding) = decoded
        case .failure(.unknownEncoding(let offset)):
            diagnostics.error(fileStart,
                Text(ja: "文字コードが UTF-8 でも Shift_JIS (CP932) でもありません (\(offset) バイト目)",
                     en: "the text is neither UTF-8 nor Shift_JIS (CP932) (byte \(offset))"),
                hint: Text(ja: "Excel で「CSV UTF-8 (コンマ区切り)」を選んで保存し直してください",
                           en: "save it again from Excel as 'CSV UTF-8 (Comma delimited)'"))
            return nil
        }

        let (all, syntaxErrors) = parseCSV(text)
        for e in syntaxErrors {
            let at = SourceLocation(file: path, line: e.line, column: e.column)
            switch e.kind {
            case .unterminatedQuote:
                diagnostics.error(at,
                    Text(ja: "引用符 \" で始まったセルが閉じられていません。ここから後は読めません",
                         en: "a quoted cell is never closed; the rest of the file cannot be read"),
                    hint: Text(ja: "セルの終わりに \" を加えるか、セル内の \" を \"\" と二重にしてください",
                               en: "add the closing \" or double each \" inside the cell as \"\""))
            case .textAfterQuote:
                diagnostics.error(at,
                    Text(ja: "引用符 \" で閉じたセルの後ろに文字があります",
                         en: "text follows the closing quote of a cell"),
                    hint: Text(ja: "セル全体を \" で囲み、セル内の \" は \"\" と二重にしてください",
                               en: "quote the whole cell and double each \" inside it as \"\""))
            }
        }

        guard let headerIndex = all.firstIndex(where: { !$0.isBlank }) else {
            diagnostics.error(fileStart, Text(ja: "ファイルが空です", en: "the file is empty"),
                              hint: Text(ja: "1行目に見出し行を置いてください (\(schema.columns.filter(\.required).map(\.ja).joined(separator: "、")) など)",
                                         en: "put a header row first (\(schema.columns.filter(\.required).map(\.en).joined(separator: ", ")), …)"))
            return nil
        }
        let header = all[headerIndex]
        let (positions, duplicates) = schema.match(header: header)
        for (column, cell) in duplicates {
            diagnostics.error(SourceLocation(file: path, line: cell.line, column: cell.column),
                Text(ja: "列 \(column.quoted.ja) が2回あります", en: "column \(column.quoted.en) appears twice"),
                hint: Text(ja: "どちらかの列を削除するか見出しを変えてください",
                           en: "delete one of the two columns or rename its header"))
        }
        let missing = schema.columns.filter { $0.required && positions[$0.index] == nil }
        for column in missing {
            diagnostics.error(SourceLocation(file: path, line: header.line, column: 1),
                Text(ja: "必須の列 \(column.quoted.ja) がありません", en: "required column \(column.quoted.en) is missing"),
                hint: Text(ja: "1行目の見出しに「\(column.ja)」または「\(column.en)」の列を加えてください",
                           en: "add a column headed '\(column.en)' or '\(column.ja)' to the first row"))
        }
        guard missing.isEmpty else { return nil }
        var records = all[(headerIndex + 1)...].filter { !$0.isBlank }
        // The record with an unclosed quote swallowed the rest of the file: none of it is data.
        if syntaxErrors.contains(where: { $0.kind == .unterminatedQuote }), !records.isEmpty { records.removeLast() }
        return CSVTable(path: path, encoding: encoding, header: header, positions: positions, records: records)
    }

    /// The cell of `column` in `record`, trimmed of surrounding white space; nil when the column
    /// is not in the file or the row stops before it.
    func cell(_ record: CSVRecord, _ column: Column) -> CSVField? {
        guard let i = positions[column.index], i < record.fields.count else { return nil }
        var field = record.fields[i]
        field.value = trimmed(field.value)
        return field
    }

    /// Where a cell is, or where the row starts when the row stops before the column.
    func location(_ record: CSVRecord, _ column: Column) -> SourceLocation {
        if let i = positions[column.index], i < record.fields.count {
            return SourceLocation(file: path, line: record.fields[i].line, column: record.fields[i].column)
        }
        return SourceLocation(file: path, line: record.line, column: 1)
    }

    /// A non-empty cell value, or nil.
    func value(_ record: CSVRecord, _ column: Column) -> String? {
        guard let v = cell(record, column)?.value, !v.isEmpty else { return nil }
        return v
    }
}
