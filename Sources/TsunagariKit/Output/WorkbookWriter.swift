import Foundation
import ZIPFoundation

/// An Excel workbook to write (.xlsx, Office Open XML, ECMA-376 Part 1 §18): the small subset a
/// form or a table needs. Text goes to the shared-string table, so no cell is ever a formula
/// (CSV's "formula injection" cannot happen); a cell that reads as a plain decimal number
/// (`12`, `-0.25`, not `007` or `1e3`) is written as a number. Sheets may freeze their first rows
/// and columns, fix column widths, offer drop-down lists (data validation), be protected with only
/// the `.input` cells editable, be hidden, and print on A4 fitted to the page width with the
/// frozen rows repeated on every page. The bytes depend on the content alone (entries dated
/// 1980-01-01), so the same workbook is written byte for byte the same.
public struct OutputWorkbook: Sendable {
    public enum Style: Int, Sendable {
        /// Default text; locked when the sheet is protected.
        case plain = 0
        /// Bold on a pale blue fill, wrapped.
        case header
        /// On a pale yellow fill and not locked: where the reader writes.
        case input
        /// Wrapped, aligned to the top: paragraphs of instructions.
        case wrapped
        /// Large and bold.
        case title
    }

    public struct Cell: Sendable, Equatable {
        public var value: String
        public var style: Style

        public init(_ value: String, _ style: Style = .plain) { (self.value, self.style) = (value, style) }
    }

    /// A drop-down list on a block of cells.
    public struct Validation: Sendable {
        /// 1-based, inclusive.
        public var columns: ClosedRange<Int>, rows: ClosedRange<Int>
        /// The list: a range such as `'選択肢'!$A$2:$A$9`, or literal words `"0,1,2,3"`.
        public var list: String
        /// Whether other input is refused (`false`: Excel informs and lets it stand, as for
        /// several words separated by `;`).
        public var strict: Bool
        /// Shown when a cell is selected (Excel: at most 32 and 255 characters).
        public var prompt: (title: String, text: String)
        /// Shown when the input is not in the list.
        public var error: (title: String, text: String)

        public init(
            columns: ClosedRange<Int>, rows: ClosedRange<Int>, list: String, strict: Bool,
            prompt: (title: String, text: String), error: (title: String, text: String)
        ) {
            (self.columns, self.rows, self.list, self.strict, self.prompt, self.error) =
                (columns, rows, list, strict, prompt, error)
        }
    }

    public struct Sheet: Sendable {
        /// At most 31 characters, none of `[]:*?/\`.
        public var name: String
        public var rows: [[Cell]]
        /// Widths in characters of the default font, from column A on.
        public var columnWidths: [Double] = []
        public var frozenRows = 0, frozenColumns = 0
        /// Heights in points by row index (from 0): Excel and LibreOffice do not grow a row to fit
        /// wrapped text they open.
        public var rowHeights: [Int: Double] = [:]
        public var hidden = false
        /// Protected without a password (against slips, not against intent): only `.input` cells
        /// can be changed.
        public var protected = false
        public var validations: [Validation] = []
        public var landscape = false

        public init(name: String, rows: [[Cell]]) { (self.name, self.rows) = (name, rows) }

        /// A table: the first row as a frozen header, the rest plain.
        public init(name: String, table: [[String]]) {
            self.init(
                name: name,
                rows: table.enumerated().map { i, row in row.map { Cell($0, i == 0 ? .header : .plain) } })
            frozenRows = table.isEmpty ? 0 : 1
            columnWidths = Self.widths(table)
        }

        /// Column widths that fit the text (wide characters count two), between 6 and 50.
        public static func widths(_ table: [[String]]) -> [Double] {
            var widths: [Double] = []
            for row in table {
                for (i, cell) in row.enumerated() {
                    if widths.count <= i { widths.append(6) }
                    let longest = cell.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
                    widths[i] = min(50, max(widths[i], Double(longest) + 2))
                }
            }
            return widths
        }
    }

    public var sheets: [Sheet]
    /// The sheet Excel opens on.
    public var activeSheet = 0

    public init(sheets: [Sheet]) { self.sheets = sheets }

    /// One sheet per table, each with a frozen header.
    public init(tables: [(name: String, rows: [[String]])]) {
        self.init(sheets: tables.map { Sheet(name: $0.name, table: $0.rows) })
    }

    /// The .xlsx file's bytes.
    public func data() -> Data {
        var strings = SharedStringTable()
        let worksheets = sheets.enumerated().map { i, sheet in worksheet(sheet, selected: i == activeSheet, &strings) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", Self.packageRelations),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelations),
            ("xl/styles.xml", Self.styles),
            ("xl/sharedStrings.xml", strings.xml),
        ]
        parts += worksheets.enumerated().map { ("xl/worksheets/sheet\($0 + 1).xml", $1) }
        // Writing to memory fails only when memory does.
        let archive = try! Archive(accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try! archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count),
                modificationDate: Date(timeIntervalSince1970: 315_532_800), permissions: 0o644,
                compressionMethod: .deflate
            ) { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) }
        }
        return archive.data!
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    private var contentTypes: String {
        let sheetTypes = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/"
                + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return Self.header
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
            + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + sheetTypes.joined() + "</Types>"
    }

    private static let packageRelations =
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relations)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private var workbook: String {
        let list = sheets.enumerated().map { i, sheet in
            "<sheet name=\"\(xml(sheet.name))\" sheetId=\"\(i + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "")"
                + " r:id=\"rId\(i + 1)\"/>"
        }
        // The frozen header rows repeat on every printed page.
        let titles = sheets.enumerated().filter { $1.frozenRows > 0 }.map { i, sheet in
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                + "\(xml(Self.quotedSheet(sheet.name)))!$1:$\(sheet.frozenRows)</definedName>"
        }
        return Self.header + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relations)\">"
            + "<bookViews><workbookView activeTab=\"\(activeSheet)\"/></bookViews>"
            + "<sheets>\(list.joined())</sheets>"
            + (titles.isEmpty ? "" : "<definedNames>\(titles.joined())</definedNames>") + "</workbook>"
    }

    private var workbookRelations: String {
        let n = sheets.count
        let sheetRelations = (0..<n).map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(Self.relations)/worksheet\""
                + " Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        return Self.header
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + sheetRelations.joined()
            + "<Relationship Id=\"rId\(n + 1)\" Type=\"\(Self.relations)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(n + 2)\" Type=\"\(Self.relations)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }

    /// `'Sheet name'`, quoted as formulas name a sheet.
    public static func quotedSheet(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    private func worksheet(_ sheet: Sheet, selected: Bool, _ strings: inout SharedStringTable) -> String {
        var out = Self.header + "<worksheet xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.relations)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let width = max(1, sheet.rows.map(\.count).max() ?? 1)
        out += "<dimension ref=\"A1:\(cellReference(column: width, row: max(1, sheet.rows.count)))\"/>"
        out += "<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        if sheet.frozenRows > 0 || sheet.frozenColumns > 0 {
            let pane =
                sheet.frozenRows > 0 && sheet.frozenColumns > 0
                ? "bottomRight" : sheet.frozenRows > 0 ? "bottomLeft" : "topRight"
            out += "<pane"
            if sheet.frozenColumns > 0 { out += " xSplit=\"\(sheet.frozenColumns)\"" }
            if sheet.frozenRows > 0 { out += " ySplit=\"\(sheet.frozenRows)\"" }
            out += " topLeftCell=\"\(cellReference(column: sheet.frozenColumns + 1, row: sheet.frozenRows + 1))\""
            out += " activePane=\"\(pane)\" state=\"frozen\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"18\"/>"
        if !sheet.columnWidths.isEmpty {
            out += "<cols>"
            for (i, w) in sheet.columnWidths.enumerated() {
                out += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(fixed(w, digits: 1))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            out += "<row r=\"\(r + 1)\""
            if let height = sheet.rowHeights[r] { out += " ht=\"\(fixed(height, digits: 1))\" customHeight=\"1\"" }
            out += ">"
            for (c, cell) in row.enumerated() {
                let reference = cellReference(column: c + 1, row: r + 1)
                let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
                if cell.value.isEmpty {
                    if cell.style != .plain { out += "<c r=\"\(reference)\"\(style)/>" }
                } else if isPlainNumber(cell.value) {
                    out += "<c r=\"\(reference)\"\(style)><v>\(cell.value)</v></c>"
                } else {
                    out += "<c r=\"\(reference)\"\(style) t=\"s\"><v>\(strings.index(cell.value))</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if sheet.protected {
            out += "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\"/>"
        }
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">"
            for v in sheet.validations {
                let range =
                    cellReference(column: v.columns.lowerBound, row: v.rows.lowerBound) + ":"
                    + cellReference(column: v.columns.upperBound, row: v.rows.upperBound)
                out += "<dataValidation type=\"list\"\(v.strict ? "" : " errorStyle=\"information\"")"
                out += " allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
                out += " errorTitle=\"\(xml(v.error.title))\" error=\"\(xml(v.error.text))\""
                out += " promptTitle=\"\(xml(v.prompt.title))\" prompt=\"\(xml(v.prompt.text))\" sqref=\"\(range)\">"
                out += "<formula1>\(xml(v.list))</formula1></dataValidation>"
            }
            out += "</dataValidations>"
        }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\""
        out += " fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return out + "</worksheet>"
    }

    /// Fonts: the default, bold, the title's. Fills: the two Excel reserves, pale blue, pale yellow.
    /// Cell formats in the order of `Style`.
    private static let styles: String = {
        let font = "<sz val=\"11\"/><name val=\"游ゴシック\"/><family val=\"3\"/><charset val=\"128\"/>"
        let border =
            "<left style=\"thin\"><color rgb=\"FFBFBFBF\"/></left><right style=\"thin\"><color rgb=\"FFBFBFBF\"/>"
            + "</right><top style=\"thin\"><color rgb=\"FFBFBFBF\"/></top><bottom style=\"thin\"><color rgb=\"FFBFBFBF\"/>"
            + "</bottom><diagonal/>"
        func fill(_ rgb: String) -> String {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        return header + "<styleSheet xmlns=\"\(main)\">"
            + "<fonts count=\"3\"><font>\(font)</font><font><b/>\(font)</font>"
            + "<font><b/><sz val=\"14\"/><name val=\"游ゴシック\"/><family val=\"3\"/><charset val=\"128\"/></font></fonts>"
            + "<fills count=\"4\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>\(fill("FFDDEBF7"))\(fill("FFFFF2CC"))</fills>"
            + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border>\(border)</border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\""
            + " applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"center\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"3\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\""
            + " applyFill=\"1\" applyBorder=\"1\" applyProtection=\"1\"><protection locked=\"0\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
            + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
            + "<xf numFmtId=\"0\" fontId=\"2\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()
}

/// `C14` for column 3, row 14.
public func cellReference(column: Int, row: Int) -> String {
    var letters = "", c = column
    while c > 0 {
        letters = String(UnicodeScalar(UInt8(65 + (c - 1) % 26))) + letters
        c = (c - 1) / 26
    }
    return letters + String(row)
}

/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?` with at most 15 digits (what a double holds exactly): a value
/// written as a number, one that reads back as the same text. `007`, `1e3`, `+1` stay text.
func isPlainNumber(_ s: String) -> Bool {
    var digits = s.utf8[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    let whole = digits.prefix { $0 != UInt8(ascii: ".") }
    let fraction = digits.dropFirst(whole.count)
    func allDigits(_ d: Substring.UTF8View.SubSequence) -> Bool {
        !d.isEmpty && d.allSatisfy { (48...57).contains($0) }
    }
    guard allDigits(whole), whole.first != UInt8(ascii: "0") || whole.count == 1 else { return false }
    if !fraction.isEmpty {
        let rest = fraction.dropFirst()
        guard allDigits(rest), rest.last != UInt8(ascii: "0") else { return false }
    }
    return digits.count - (fraction.isEmpty ? 0 : 1) <= 15
}

/// The workbook's table of distinct texts, each stored once.
private struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var items: [String] = []
    private var uses = 0

    mutating func index(_ text: String) -> Int {
        uses += 1
        if let i = indices[text] { return i }
        indices[text] = items.count
        items.append(text)
        return items.count - 1
    }

    var xml: String {
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\""
            + " uniqueCount=\"\(items.count)\">"
        for item in items {
            // Spaces at either end are kept only when the element says so.
            let preserve = item.first?.isWhitespace == true || item.last?.isWhitespace == true
            out += preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>"
            out += TsunagariKit.xml(ooxmlEscaped(item)) + "</t></si>"
        }
        return out + "</sst>"
    }
}

/// `text` with the characters XML cannot hold written as OOXML's `_xHHHH_` (ECMA-376 Part 1,
/// §22.9.2.19 ST_Xstring), as Excel writes them, and an underscore that would start such an
/// escape written `_x005F_`, so that every text reads back exactly (`ooxmlUnescaped`). Characters
/// beyond U+FFFF that are not allowed text (noncharacters) have no such form and are left out.
func ooxmlEscaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { !isAllowedText($0) || $0 == "_" }) else { return text }
    var out = ""
    let scalars = Array(text.unicodeScalars)
    func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_"
    }
    for (i, scalar) in scalars.enumerated() {
        if scalar == "_", startsEscape(scalars[i...]) {
            out += hex(0x5F)
        } else if isAllowedText(scalar) || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            out.unicodeScalars.append(scalar)
        } else if scalar.value <= 0xFFFF {
            out += hex(scalar.value)
        }
    }
    return out
}

/// `text` with OOXML's `_xHHHH_` escapes decoded (`ooxmlEscaped`).
func ooxmlUnescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = "", i = 0
    while i < scalars.count {
        if scalars[i] == "_", startsEscape(scalars[i...]),
            let v = UInt32(String(String.UnicodeScalarView(scalars[(i + 2)..<(i + 6)])), radix: 16),
            let scalar = Unicode.Scalar(v)
        {
            out.unicodeScalars.append(scalar)
            i += 7
        } else {
            out.unicodeScalars.append(scalars[i])
            i += 1
        }
    }
    return out
}

/// Whether the scalars start with `_xHHHH_`.
private func startsEscape(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
    guard s.count >= 7 else { return false }
    let start = s.startIndex
    return s[start] == "_" && s[start + 1] == "x" && s[start + 6] == "_"
        && s[(start + 2)..<(start + 6)].allSatisfy { $0.properties.isASCIIHexDigit }
}
