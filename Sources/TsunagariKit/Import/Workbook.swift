import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The sheets of an Excel workbook (.xlsx, Office Open XML, ECMA-376 Part 1 §18), read as rows of
/// text the way the CSV reader gives them: every cell keeps its row (`line`) and column, so
/// diagnostics point at the cell (`C14` is line 14, column 3).
///
/// Only what a filled-in form holds is read: shared strings (rich text runs joined, phonetic
/// guides 「ふりがな」 left out, `_xHHHH_` escapes decoded), inline strings, formula results,
/// numbers as written, booleans as 1/0. Merged cells are listed, since a merged cell holds its text in its first cell only.
struct Workbook {
    struct Sheet {
        var name: String
        var rows: [CSVRecord]
        /// Ranges like `A1:C1`.
        var merged: [String]
        /// Whether cells beyond `maximumColumns` were left out.
        var truncated: Bool
    }

    /// As the CSV reader: no survey sheet is wider (and padding a row out to column 16,384 for
    /// every header candidate would only burn time).
    static let maximumColumns = 1_000

    var sheets: [Sheet]

    enum Failure: Error, Equatable {
        /// Not a ZIP archive, or not a workbook inside.
        case notAWorkbook
        /// A part larger than `maximumPartSize` when unpacked.
        case tooLarge
    }

    /// No part of a form comes near this unpacked; a "zip bomb" would.
    static let maximumPartSize = 256_000_000

    /// Reads the workbook file at `path`. The archive is read from the file, not from memory:
    /// ZIPFoundation's in-memory reader trapped on a malformed archive (found by FuzzWorkbook,
    /// regression input in Fuzz/Corpus/workbook), its file reader does not.
    static func read(contentsOf path: String) throws(Failure) -> Workbook {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil),
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int).map(UInt64.init)
        else {
            throw .notAWorkbook
        }
        func part(_ path: String) throws(Failure) -> Data? {
            guard let entry = archive[path] else { return nil }
            guard entry.uncompressedSize <= UInt64(maximumPartSize) else { throw .tooLarge }
            // A part that claims more bytes than the file holds would have the inflater wait for input
            // that never comes (found by FuzzWorkbook); output beyond the claimed size stops it too.
            guard entry.compressedSize <= size else { throw .notAWorkbook }
            var out = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    out.append(chunk)
                    if out.count > Int(entry.uncompressedSize) { throw Failure.notAWorkbook }
                }
            } catch {
                throw .notAWorkbook
            }
            // The parts are UTF-8 XML; anything else is not handed to the XML parser, which traps on
            // some malformed names (found by FuzzWorkbook).
            guard String(validating: out, as: UTF8.self) != nil else { throw .notAWorkbook }
            return out
        }
        guard let workbook = try part("xl/workbook.xml") else { throw .notAWorkbook }
        let relations = try part("xl/_rels/workbook.xml.rels").map(XMLElements.relationships) ?? [:]
        let strings = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        var sheets: [Sheet] = []
        for (name, id) in XMLElements.sheets(workbook) {
            guard let target = relations[id] else { continue }
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let xml = try part(path) else { continue }
            let parsed = SheetParser.parse(xml, strings: strings)
            sheets.append(Sheet(name: name, rows: parsed.rows, merged: parsed.merged, truncated: parsed.truncated))
        }
        guard !sheets.isEmpty else { throw .notAWorkbook }
        return Workbook(sheets: sheets)
    }
}

/// The column number of a cell reference's letters: `A` 1, `Z` 26, `AA` 27; Excel's last column
/// is `XFD` (16,384), so more than three letters give 16,385 (no overflow on a hostile reference).
func columnNumber(_ reference: Substring) -> Int {
    let letters = reference.unicodeScalars.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    guard letters.count <= 3 else { return 16_385 }
    return letters.reduce(0) { $0 * 26 + Int($1.properties.uppercaseMapping.unicodeScalars.first!.value) - 64 }
}

/// Small SAX readers for the workbook's parts (Foundation's `XMLParser`).
private enum XMLElements {
    /// `<sheet name="…" r:id="rId1"/>` in workbook order.
    static func sheets(_ data: Data) -> [(String, String)] {
        let reader = AttributeReader(element: "sheet")
        reader.run(data)
        return reader.found.compactMap { a in
            guard let name = a["name"], let id = a["r:id"] ?? a.first(where: { $0.key.hasSuffix(":id") })?.value else {
                return nil
            }
            return (name, id)
        }
    }

    /// `Id` → `Target` of `<Relationship>`.
    static func relationships(_ data: Data) -> [String: String] {
        let reader = AttributeReader(element: "Relationship")
        reader.run(data)
        var out: [String: String] = [:]
        for a in reader.found { if let id = a["Id"], let target = a["Target"] { out[id] = target } }
        return out
    }
}

/// Collects the attributes of every element with one name.
private final class AttributeReader: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    func run(_ data: Data) {
        let parser = XMLParser(data: data)
        parser.delegate = self
        _ = parser.parse()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if name == element { found.append(attributes) }
    }
}

/// `<si>` items: the text of their `<t>` elements, leaving out phonetic runs (`<rPh>`).
private final class SharedStrings: NSObject, XMLParserDelegate {
    var items: [String] = []
    private var current = "", inText = false, phonetic = 0

    static func parse(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.items
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch name {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": items.append(ooxmlUnescaped(current))
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// The cells of one worksheet, row by row, and its merged ranges.
private final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    var rows: [CSVRecord] = []
    var merged: [String] = []
    var truncated = false
    private var fields: [CSVField] = []
    private var rowNumber = 0
    private var cell: (column: Int, type: String)?
    private var value = "", inValue = false, inInline = false

    init(strings: [String]) { self.strings = strings }

    static func parse(_ data: Data, strings: [String]) -> (rows: [CSVRecord], merged: [String], truncated: Bool) {
        let reader = SheetParser(strings: strings)
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return (reader.rows, reader.merged, reader.truncated)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch name {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            fields = []
        case "c":
            let reference = attributes["r"].map { columnNumber(Substring($0)) } ?? (fields.last?.column ?? 0) + 1
            cell = (reference, attributes["t"] ?? "n")
            value = ""
        case "v": inValue = true
        case "is": inInline = true
        case "t" where inInline: inValue = true
        case "mergeCell": if let ref = attributes["ref"] { merged.append(ref) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "is": inInline = false
        case "c":
            guard let (column, type) = cell else { return }
            guard column <= Workbook.maximumColumns else {
                truncated = true
                cell = nil
                return
            }
            let text: String =
                switch type {
                case "s": Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
                case "b": value == "1" ? "1" : "0"
                case "inlineStr", "str": ooxmlUnescaped(value)
                default: value
                }
            // Empty cells in between are written as empty fields, as a CSV row has them.
            while fields.count < column - 1 {
                fields.append(CSVField(value: "", line: rowNumber, column: fields.count + 1))
            }
            if fields.count < column { fields.append(CSVField(value: text, line: rowNumber, column: column)) }
            cell = nil
        case "row":
            rows.append(CSVRecord(line: rowNumber, fields: fields))
        default: break
        }
    }
}
