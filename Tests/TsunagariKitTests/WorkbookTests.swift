import Foundation
import Testing
import ZIPFoundation

@testable import TsunagariKit

@Suite("Excel workbooks (.xlsx) read like CSV")
struct WorkbookTests {
    /// A workbook written part by part: a title sheet first, then the survey sheet with a title
    /// row, shared strings with a rich-text run and a phonetic guide, an inline string, a number,
    /// a boolean, a skipped cell and a merged range.
    static func workbook() throws -> Data {
        let parts: [(String, String)] = [
            (
                "xl/workbook.xml",
                """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                <sheet name="説明" sheetId="1" r:id="rId1"/><sheet name="回答" sheetId="2" r:id="rId2"/></sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="w"/>\
                <Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml" Type="w"/></Relationships>
                """
            ),
            (
                "xl/sharedStrings.xml",
                """
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <si><t>回答機関</t></si><si><t>連携先</t></si><si><t>連携内容</t></si>\
                <si><r><t>紹介</t></r><r><t>;同行</t></r><rPh sb="0" eb="2"><t>ショウカイ</t></rPh></si>\
                <si><t>連携アンケート (みどり市)</t></si><si><t>担当者依存</t></si></sst>
                """
            ),
            (
                "xl/worksheets/sheet1.xml",
                """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                <row r="1"><c r="A1" t="inlineStr"><is><t>この様式の書き方</t></is></c></row></sheetData></worksheet>
                """
            ),
            (
                "xl/worksheets/sheet2.xml",
                """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
                <row r="1"><c r="A1" t="s"><v>4</v></c></row>\
                <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c>\
                <c r="D3" t="s"><v>5</v></c></row>\
                <row r="4"><c r="A4" t="inlineStr"><is><t>A01</t></is></c><c r="B4" t="str"><f>"A0"&amp;2</f><v>A02</v></c>\
                <c r="C4" t="s"><v>3</v></c><c r="D4" t="b"><v>1</v></c></row>\
                <row r="5"><c r="A5"><v>A02</v></c><c r="C5" t="s"><v>2</v></c></row>\
                </sheetData><mergeCells count="1"><mergeCell ref="A1:D1"/></mergeCells></worksheet>
                """
            ),
        ]
        let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        return try #require(archive.data)
    }

    @Test("the sheet with the table is found; cells keep their row and column; phonetic guides are left out")
    func cells() throws {
        let net = try TempNetwork()
        try Self.workbook().write(to: URL(fileURLWithPath: net.path("book.xlsx")))
        let book = try Workbook.read(contentsOf: net.path("book.xlsx"))
        #expect(book.sheets.map(\.name) == ["説明", "回答"])
        let rows = book.sheets[1].rows
        #expect(rows.map(\.line) == [1, 3, 4, 5])
        #expect(rows[2].fields.map(\.value) == ["A01", "A02", "紹介;同行", "1"])
        #expect(rows[2].fields.map(\.column) == [1, 2, 3, 4])
        // B5 is empty: the row still has its cells in their columns.
        #expect(rows[3].fields.map(\.value) == ["A02", "", "連携内容"])
        #expect(book.sheets[1].merged == ["A1:D1"])
        try net.write("not.xlsx", "id,name\n")
        #expect(throws: Workbook.Failure.notAWorkbook) { try Workbook.read(contentsOf: net.path("not.xlsx")) }

    }

    @Test("inputs that once trapped, hung or ran for minutes (FuzzWorkbook) are an error or a warning now")
    func regressions() throws {
        func fixture(_ name: String) -> String {
            Bundle.module.resourceURL!.appendingPathComponent("Fixtures/fuzz/\(name).xlsx").path
        }
        // ZIPFoundation's in-memory reader trapped; Foundation's XML parser trapped on a malformed
        // name; the inflater waited for bytes beyond the end of the file.
        for name in ["workbook-trap", "workbook-xml-trap", "workbook-hang"] {
            #expect(throws: Workbook.Failure.notAWorkbook, "\(name)") { try Workbook.read(contentsOf: fixture(name)) }
        }
        // A cell reference far to the right: the row is not padded out to it.
        let wide = try Workbook.read(contentsOf: fixture("workbook-wide"))
        #expect(wide.sheets.contains { $0.truncated })
        #expect(wide.sheets.allSatisfy { $0.rows.allSatisfy { $0.fields.count <= Workbook.maximumColumns } })
    }

    @Test("as a year's survey: read with the title row skipped and the merged cell reported, at the cell")
    func survey() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try Self.workbook().write(to: URL(fileURLWithPath: net.path("2025/survey.xlsx")))
        let file = net.path("2025/survey.xlsx")
        #expect(
            net.lines() == [
                "\(file):1:1: warning: A1: a merged cell (A1:D1 on the sheet '回答'); its value is read from the "
                    + "top-left cell only",
                "\(file):1:1: warning: A1: the rows above the header (line 3) were skipped as a title",
                "\(file):5:2: error: B5: 'partner' (連携先) is empty",
                "\(file):5:3: error: C5: unknown kind of tie '連携内容'",
            ])
        let year = try #require(net.load().network.years.first)
        #expect(year.reports.count == 1 && year.reports[0].kinds.kinds == [.referral, .accompanying])
        #expect(year.reports[0].personDependent == true)
    }
}
