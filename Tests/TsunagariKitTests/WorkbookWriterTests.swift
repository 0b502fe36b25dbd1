import Foundation
import Testing
import ZIPFoundation

@testable import TsunagariKit

@Suite("Excel workbooks written: forms and tables")
struct WorkbookWriterTests {
    /// The text of one part of a workbook.
    func part(_ data: Data, _ path: String) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[path])
        var out = Data()
        _ = try archive.extract(entry) { out.append($0) }
        return String(decoding: out, as: UTF8.self)
    }

    func write(_ data: Data, _ name: String, in net: TempNetwork) throws -> String {
        let path = net.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("cell references and the numbers written as numbers")
    func references() {
        #expect(cellReference(column: 1, row: 1) == "A1")
        #expect(cellReference(column: 26, row: 14) == "Z14")
        #expect(cellReference(column: 27, row: 2) == "AA2")
        #expect(cellReference(column: 16_384, row: 1) == "XFD1")
        for c in [1, 26, 27, 702, 703, 16_384] {
            #expect(columnNumber(Substring(cellReference(column: c, row: 1))) == c)
        }
        #expect(["0", "12", "-3", "0.25", "-10.5", "123456789012345"].allSatisfy(isPlainNumber))
        #expect(
            !["", "-", "007", "1e3", "+1", "1.", ".5", "1.50", "1,000", "１２", "1234567890123456", "A01"].contains(
                where: isPlainNumber))
    }

    @Test("a written workbook reads back cell for cell, text never as a formula, the same bytes every time")
    func readsBack() throws {
        let net = try TempNetwork()
        let table = [
            ["機関ID", "名前", "件数"], ["A01", "=HYPERLINK(\"x\")", "12"], ["007", " 前後に空白 ", "0.5"],
            ["A03", "改行\nあり & <タグ>", ""],
            // Characters XML cannot hold, and text that looks like OOXML's escape for them (found by FuzzForms).
            ["A\u{11}04", "_x0041_ そのまま", "_x"],
        ]
        var workbook = OutputWorkbook(tables: [("一覧", table), ("二枚目", [["x"]])])
        workbook.sheets[1].hidden = true
        let data = workbook.data()
        #expect(data == workbook.data())
        let read = try Workbook.read(contentsOf: write(data, "t.xlsx", in: net))
        #expect(read.sheets.map(\.name) == ["一覧", "二枚目"])
        let rows = read.sheets[0].rows.map { row in
            var values = row.fields.map(\.value)
            while values.last == "" { values.removeLast() }
            return values
        }
        #expect(rows == table.map { row in Array(row.reversed().drop { $0.isEmpty }.reversed()) })
        #expect(read.sheets[0].rows[2].fields[2].column == 3)
        let sheet = try part(data, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"C2\" s=\"0\"><v>12</v></c>") || sheet.contains("<c r=\"C2\"><v>12</v></c>"))
        #expect(!sheet.contains("<f>"))  // no formulas at all
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        let book = try part(data, "xl/workbook.xml")
        #expect(book.contains("<sheet name=\"二枚目\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"))
        #expect(
            book.contains(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">&apos;一覧&apos;!$1:$1</definedName>"))
        #expect(try part(data, "xl/sharedStrings.xml").contains("<t xml:space=\"preserve\"> 前後に空白 </t>"))
        #expect(try part(data, "xl/sharedStrings.xml").contains("<t>A_x0011_04</t>"))
        #expect(ooxmlUnescaped(ooxmlEscaped("_x005F_x0041_")) == "_x005F_x0041_")
    }

    @Test("a form workbook: instructions, the roster with open answer cells, drop-down lists, protection")
    func formWorkbook() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner,kinds,frequency,familiarity\nA01,A02,紹介;同行,月1回程度,3\n")
        let source = try #require(net.load().network.years.last)
        let template = SurveyTemplate(
            from: source, fiscalYear: FiscalYear(2026), format: .xlsx, prefill: true, language: .ja)
        #expect(template.forms.map(\.path).allSatisfy { $0.hasSuffix(".xlsx") })
        let data = template.forms[0].data
        let read = try Workbook.read(contentsOf: write(data, "A01.xlsx", in: net))
        #expect(read.sheets.map(\.name) == ["記入方法", "回答", "プロフィール", "選択肢"])
        #expect(read.sheets[0].rows[1].fields[0].value == "回答機関: みどり市ひきこもり相談窓口 (A01)")
        #expect(read.sheets[0].rows.contains { $0.fields.first?.value.hasPrefix("7. 前年度の回答が入っています") == true })
        let roster = read.sheets[1].rows.map { $0.fields.map(\.value) }
        #expect(roster[0] == ["回答機関", "連携先", "連携先の機関名", "連携先の分野", "連携内容", "頻度", "顔の見える関係", "担当者依存", "信頼", "備考"])
        // Prefilled: A01's answer about A02 of 2025.
        #expect(roster[1] == ["A01", "A02", "みどり地域若者サポートステーション", "就労", "紹介;同行", "月1回程度", "3", "", "", ""])
        #expect(roster[2] == ["A01", "A03", "みどり保健所", "保健", "", "", "", "", "", ""])
        #expect(read.sheets[3].rows.map { $0.fields[0].value } == ["連携内容"] + TieKind.allCases.map(\.ja))

        let sheet = try part(data, "xl/worksheets/sheet2.xml")
        #expect(sheet.contains("<sheetProtection sheet=\"1\""))
        #expect(sheet.contains("<c r=\"E3\" s=\"2\"/>"))  // an answer cell: the unlocked style
        #expect(sheet.contains("<c r=\"C3\" t=\"s\">"))  // a name: locked (default style)
        #expect(sheet.contains("sqref=\"E2:E4\"><formula1>&apos;選択肢&apos;!$A$2:$A$9</formula1>"))
        #expect(sheet.contains("errorStyle=\"information\""))  // several kinds typed with ";" stand
        #expect(sheet.contains("sqref=\"F2:F4\"><formula1>&apos;選択肢&apos;!$B$2:$B$5</formula1>"))
        #expect(sheet.contains("sqref=\"G2:G4\"><formula1>&quot;0,1,2,3&quot;</formula1>"))
        #expect(sheet.contains("sqref=\"H2:H4\"><formula1>&quot;○,×&quot;</formula1>"))
        let styles = try part(data, "xl/styles.xml")
        #expect(styles.contains("<protection locked=\"0\"/>"))
        #expect(try part(data, "xl/workbook.xml").contains("<sheet name=\"選択肢\" sheetId=\"4\" state=\"hidden\""))
    }

    /// The 2026 folder of a network whose 2025 survey has one answer of A01, with forms written
    /// in `format` (prefilled or not).
    func round(_ format: FormFormat, prefill: Bool) throws -> (TempNetwork, SurveyTemplate, YearData) {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner,kinds,frequency\nA01,A02,紹介,月1回程度\n")
        let source = try #require(net.load().network.years.last)
        let template = SurveyTemplate(
            from: source, fiscalYear: FiscalYear(2026), format: format, prefill: prefill, language: .ja)
        try template.agencies.write(to: URL(fileURLWithPath: net.path("2026/agencies.csv")).creatingFolder())
        return (net, template, source)
    }

    /// The workbook form of `source.agencies[reporter]`, not prefilled, to fill in.
    func blankForm(_ reporter: Int, _ source: YearData) -> OutputWorkbook {
        Form(reporter: reporter, agencies: source.agencies, fiscalYear: FiscalYear(2026), answers: [:], language: .ja)
            .workbook
    }

    func collect(_ net: TempNetwork, _ paths: [String], previous: YearData?) -> CollectedForms {
        collectForms(
            paths, yearFolder: net.path("2026"), fiscalYear: FiscalYear(2026), previous: previous, language: .en)
    }

    @Test("xlsx forms collect: untouched ones are not returned, 「連携なし」 is no partners, answers are read")
    func collectWorkbooks() throws {
        let (net, template, source) = try round(.xlsx, prefill: false)
        // A01 answers (its form rewritten with the answer, as a spreadsheet saves it); A02 writes 連携なし;
        // A03's and A04's forms come back as sent.
        var a01 = blankForm(0, source)
        a01.sheets[1].rows[1][4].value = "紹介;同行"
        a01.sheets[1].rows[1][6].value = "3"
        var a02 = blankForm(1, source)
        a02.sheets[1].rows[3][9].value = "連携なし"
        let paths = [
            try write(a01.data(), "f/" + template.forms[0].path, in: net),
            try write(a02.data(), "f/" + template.forms[1].path, in: net),
            try write(template.forms[2].data, "f/" + template.forms[2].path, in: net),
            try write(template.forms[3].data, "f/" + template.forms[3].path, in: net),
        ]
        let collected = collect(net, paths, previous: source)
        #expect(collected.diagnostics.all.isEmpty, "\(collected.diagnostics.all.map { $0.line(.en) })")
        #expect(collected.tracker.map(\.status) == [.answered, .noPartners, .notReturned, .notReturned])
        #expect(collected.untouched == [paths[2], paths[3]])
        let year = try #require(collected.year)
        #expect(year.reports.count == 1)
        #expect(year.reports[0].kinds.kinds == [.referral, .accompanying])
        #expect(year.reports[0].familiarity == 3)
    }

    @Test("a prefilled form sent back unchanged is read as \"no change\", with a warning naming the agency")
    func prefilledUnchanged() throws {
        for format in FormFormat.allCases {
            let (net, template, source) = try round(format, prefill: true)
            let path = try write(template.forms[0].data, "f/" + template.forms[0].path, in: net)
            let collected = collect(net, [path], previous: source)
            #expect(
                collected.diagnostics.all.map { $0.line(.en) } == [
                    "\(path): warning: the form of 相談窓口 (A01) is as it was sent (last year's answers unchanged); "
                        + "read as \"no change\""
                ])
            #expect(collected.tracker[0].status == .answered)
            #expect(collected.year?.reports.map(\.kinds.kinds) == [[.referral]])
            // Without the year before it is not recognised, and reads as any answer.
            #expect(collect(net, [path], previous: nil).diagnostics.all.isEmpty)
        }
    }

    @Test("a problem in a workbook names its cell as Excel does")
    func cellInMessages() throws {
        let (net, _, source) = try round(.xlsx, prefill: false)
        var form = blankForm(0, source)
        form.sheets[1].rows[2][5].value = "随時"
        let path = try write(form.data(), "f/A01.xlsx", in: net)
        let collected = collect(net, [path], previous: nil)
        let lines = collected.diagnostics.all.map { $0.line(.en) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(path):3:6: error: F3: ") == true, "\(lines)")
        #expect(collected.tracker[0].status == .hasErrors)
    }

    @Test("a high share of blank frequencies is one warning naming the agencies with most of them")
    func blankFrequency() throws {
        func lines(blank: Int, total: Int) throws -> [String] {
            let net = try TempNetwork()
            var agencies = "id,name,field\n"
            for i in 0..<30 { agencies += "B\(i),機関\(i),\(i % 2 == 0 ? "保健" : "就労")\n" }
            var survey = "reporter,partner,kinds,frequency\n"
            for t in 0..<total {
                // Reporters B0…B3, each naming distinct partners; the first `blank` rows leave 頻度 empty.
                survey += "B\(t % 4),B\(4 + t / 4),紹介,\(t < blank ? "" : "年数回")\n"
            }
            try net.write("2025/agencies.csv", agencies)
            try net.write("2025/survey.csv", survey)
            return net.lines().filter { $0.contains("frequency blank") }
        }
        let warned = try lines(blank: 6, total: 20)
        #expect(warned.count == 1)
        #expect(
            warned.first?.hasSuffix(
                "warning: 6 of 20 ties (30 %) leave the frequency blank; most of them: 機関0 (B0) 2, 機関1 (B1) 2, "
                    + "機関2 (B2) 1, 機関3 (B3) 1") == true, "\(warned)")
        #expect(try lines(blank: 5, total: 20).isEmpty)  // 25 %
        #expect(try lines(blank: 19, total: 19).isEmpty)  // too few ties to judge
    }

    @Test("the profile sheet: answered on an otherwise untouched form, collected, written into agencies.csv")
    func profileSheet() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            "id,name,field,担当部署,services,needs\nA01,窓口,行政・調整,福祉課,相談;訪問,\nA02,保健所,保健,,相談,居場所\n")
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        let source = try #require(net.load().network.years.last)
        let template = SurveyTemplate(
            from: source, fiscalYear: FiscalYear(2026), format: .xlsx, prefill: false, language: .ja)
        // The year's agencies.csv as a person keeps it: with a column the tool does not know.
        try net.write(
            "2026/agencies.csv",
            "id,name,field,担当部署,services,needs\nA01,窓口,行政・調整,福祉課,相談;訪問,\nA02,保健所,保健,,相談,居場所\n")
        var form = Form(
            reporter: 0, agencies: source.agencies, fiscalYear: FiscalYear(2026), answers: [:], language: .ja
        )
        .workbook
        let sheet = try #require(form.sheets.firstIndex { $0.name == "プロフィール" })
        let labels = form.sheets[sheet].rows.compactMap { $0.first?.value }
        #expect(labels.contains("居場所"))
        #expect(form.sheets[sheet].rows[1].map(\.value) == ["相談", "○", ""])  // the current profile, to confirm
        form.sheets[sheet].rows[3][1].value = "○"  // 居場所
        form.sheets[sheet].rows[3][2].value = "15-39"
        form.sheets[sheet].rows[11][1].value = "12"  // consultations
        form.sheets[sheet].rows[13][1].value = "医療;夜間の相談"
        let path = try write(form.data(), "f/" + template.forms[0].path, in: net)
        let untouched = try write(template.forms[1].data, "f/" + template.forms[1].path, in: net)
        let collected = collect(net, [path, untouched], previous: source)
        #expect(collected.diagnostics.all.isEmpty, "\(collected.diagnostics.all.map { $0.line(.en) })")
        #expect(collected.tracker.map(\.status) == [.notReturned, .notReturned])  // the roster is still blank
        #expect(Array(collected.profiles.keys) == ["A01"])
        let written = try #require(agenciesWithProfiles(net.path("2026"), collected.profiles))
        let text = String(decoding: written, as: UTF8.self)
        #expect(
            text == "\u{FEFF}id,name,field,担当部署,services,needs,consultations,strengths\r\n"
                + "A01,窓口,行政・調整,福祉課,consultation;outreach;drop_in(15-39),medical_care;夜間の相談,12,\r\n"
                + "A02,保健所,保健,,相談,居場所\r\n")
        // A count the form leaves blank does not erase the one agencies.csv has.
        var noCount = collected.profiles
        noCount["A01"]?.consultations = nil
        try net.write(
            "2026/agencies.csv",
            "id,name,field,consultations\nA01,窓口,行政・調整,30\nA02,保健所,保健,\n")
        let kept = String(decoding: try #require(agenciesWithProfiles(net.path("2026"), noCount)), as: UTF8.self)
        #expect(
            kept.contains("A01,窓口,行政・調整,30,consultation;outreach;drop_in(15-39),,medical_care;夜間の相談\r\n"), "\(kept)")
        try written.write(to: URL(fileURLWithPath: net.path("2026/agencies.csv")))
        try net.write("2026/survey.csv", "reporter,partner\n")
        let year = try #require(net.load().network.years.last)
        #expect(
            year.agencies[0].services == [
                ServiceOffer(.consultation), ServiceOffer(.outreach), ServiceOffer(.dropIn, ages: 15...39),
            ])
        #expect(
            year.agencies[0].consultations == 12 && year.agencies[0].needs == [.service(.medicalCare), .text("夜間の相談")])

        // A profile that cannot be read: the form is left out, the cell named.
        form.sheets[sheet].rows[11][1].value = "たくさん"
        try form.data().write(to: URL(fileURLWithPath: path))
        let broken = collect(net, [path], previous: source)
        #expect(broken.rejected == [path] && broken.tracker[0].status == .hasErrors)
        #expect(
            broken.diagnostics.all.map { $0.line(.en) } == [
                "\(path):12:2: error: B12: the profile's '前年度のひきこもりの相談件数': 'たくさん' cannot be read"
            ])
    }
}
