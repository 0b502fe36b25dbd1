import Foundation
import Testing

/// LibreOffice Calc, if installed (CI installs Debian's libreoffice-calc; elsewhere the test is skipped).
private let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Whether Debian's Python has LibreOffice's bridge (python3-uno), with which a test fills in cells.
private let uno: Bool = {
    guard soffice != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return false }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
    process.arguments = ["-c", "import uno"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("Forms saved back by a spreadsheet program (LibreOffice Calc)")
struct LibreOfficeTests {
    /// Converts `files` with LibreOffice into `folder`, using a filter spec such as `xlsx` or
    /// `txt:Text - txt - csv (StarCalc):9,34,65535` (tab, quote, UTF-16).
    func convert(_ files: [String], to spec: String, into folder: String, profile: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice!)
        process.arguments =
            [
                "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", spec,
                "--infilter=CSV:44,34,76,1", "--outdir", folder,
            ] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(
        "template's forms filled, saved as .xlsx, Unicode text and Shift_JIS CSV, collect to the same survey.csv",
        .enabled(
            if: soffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc); .ci/run installs it"))
    func roundTrip() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let network = dir + "/net", profile = dir + "/profile"
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        try "id,name,field\nA01,みどり窓口,行政・調整\nA02,みどり保健所,保健\nA03,ひまわり家族会,当事者・家族・民間\nA04,サポステ,就労\n"
            .write(toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner\nA01,A02\n".write(toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["template", network, "--year", "2026", "--format", "csv", "--lang", "ja"]).status == 0)
        let forms = network + "/2026/forms"
        let names = try FileManager.default.contentsOfDirectory(atPath: forms).sorted()
        #expect(names.count == 4)
        // Each agency answers one or two rows, as people fill them in.
        let answers = [
            "A01,A02,みどり保健所,保健,,,,": "A01,A02,みどり保健所,保健,紹介;同行,月1回程度,3,はい",
            "A02,A01,みどり窓口,行政・調整,,,,": "A02,A01,みどり窓口,行政・調整,情報共有,年数回,2,",
            "A03,A01,みどり窓口,行政・調整,,,,": "A03,A01,みどり窓口,行政・調整,定例会議,,1,いいえ",
            "A04,A03,ひまわり家族会,当事者・家族・民間,,,,": "A04,A03,ひまわり家族会,当事者・家族・民間,研修・交流,,,",
        ]
        for name in names {
            var text = try String(contentsOfFile: forms + "/" + name, encoding: .utf8)
            for (blank, filled) in answers { text = text.replacingOccurrences(of: blank, with: filled) }
            try text.write(toFile: forms + "/" + name, atomically: true, encoding: .utf8)
        }
        let first = try CLI.run(["collect", forms, "--into", network + "/2026"])
        #expect(first.status == 0, "\(first.stderr)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: network + "/2026/survey.csv"))
        #expect(String(decoding: expected, as: UTF8.self).components(separatedBy: "\r\n").count == 6)

        // The same forms as a spreadsheet program saves them back, one format each.
        let returned = dir + "/returned"
        try FileManager.default.createDirectory(atPath: returned, withIntermediateDirectories: true)
        let paths = names.map { forms + "/" + $0 }
        try convert([paths[0]], to: "xlsx", into: returned, profile: profile)
        try convert([paths[1]], to: "txt:Text - txt - csv (StarCalc):9,34,65535", into: returned, profile: profile)
        try convert([paths[2]], to: "csv:Text - txt - csv (StarCalc):44,34,64", into: returned, profile: profile)
        try FileManager.default.copyItem(atPath: paths[3], toPath: returned + "/" + names[3])
        let kinds = try FileManager.default.contentsOfDirectory(atPath: returned).map { ($0 as NSString).pathExtension }
        #expect(kinds.sorted() == ["csv", "csv", "txt", "xlsx"])
        let shiftJIS = try Data(contentsOf: URL(fileURLWithPath: returned + "/" + names[2]))
        #expect(String(data: shiftJIS, encoding: .utf8) == nil)  // really CP932 now, not UTF-8

        let again = try CLI.run(["collect", returned, "--into", network + "/2026", "--force"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: network + "/2026/survey.csv")) == expected)

        // The collected survey itself, opened and saved as a workbook, reads the same.
        try convert([network + "/2026/survey.csv"], to: "xlsx", into: network + "/2026", profile: profile)
        try FileManager.default.removeItem(atPath: network + "/2026/survey.csv")
        let check = try CLI.run(["check", network])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stdout.contains("FY2026: 4 agencies, 4 reports (1 confirmed tie, 2 one-sided)"), "\(check.stdout)")
    }

    /// Fills in cells of a workbook form's answer sheet in LibreOffice and saves it as `format`
    /// (Tests/scripts/fill_form.py: xlsx, csv-sjis, csv-utf8, utf16).
    func fill(_ form: String, _ cells: [String], saveAs target: String, _ format: String, profile: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments =
            [CLI.repository.appendingPathComponent("Tests/scripts/fill_form.py").path, profile, form, target, format]
            + cells
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test(
        "a survey round in Excel: workbook forms filled in LibreOffice, saved in four formats, collected, checked, reported",
        .enabled(
            if: uno,
            "LibreOffice or its Python bridge is not installed (apt-get install libreoffice-calc python3-uno); .ci/run installs them"
        ))
    func workbookRound() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let network = dir + "/net", profile = dir + "/profile"
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        try """
        id,name,field
        A01,みどり窓口,行政・調整
        A02,みどり保健所,保健
        A03,ひまわり家族会,当事者・家族・民間
        A04,サポステ,就労
        A05,教育相談室,教育

        """.write(toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner,kinds,frequency,familiarity\nA01,A02,紹介;同行,月1回程度,3\nA02,A01,情報共有,,\n"
            .write(toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)
        let template = try CLI.run(["template", network, "--year", "2026", "--prefill", "--lang", "ja"])
        #expect(template.status == 0, "\(template.stderr)")
        let forms = network + "/2026/forms"
        let names = try FileManager.default.contentsOfDirectory(atPath: forms).sorted()
        #expect(names == ["A01_みどり窓口.xlsx", "A02_みどり保健所.xlsx", "A03_ひまわり家族会.xlsx", "A04_サポステ.xlsx", "A05_教育相談室.xlsx"])
        let paths = names.map { forms + "/" + $0 }

        // LibreOffice opens the workbook: the answer sheet holds the roster and last year's answers.
        let opened = dir + "/opened"
        try convert(
            [paths[0]], to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
            into: opened,
            profile: profile)
        let sheet = try String(contentsOfFile: opened + "/A01_みどり窓口-回答.csv", encoding: .utf8)
        #expect(
            sheet.split(separator: "\n") == [
                "回答機関,連携先,連携先の機関名,連携先の分野,連携内容,頻度,顔の見える関係,担当者依存,信頼,備考",
                "A01,A02,みどり保健所,保健,紹介;同行,月1回程度,3,,,", "A01,A03,ひまわり家族会,当事者・家族・民間,,,,,,",
                "A01,A04,サポステ,就労,,,,,,", "A01,A05,教育相談室,教育,,,,,,",
            ])

        // Filled in as people do, each saved in another format; A05 opens its form and saves it unchanged.
        let returned = dir + "/returned"
        try FileManager.default.createDirectory(atPath: returned, withIntermediateDirectories: true)
        try fill(paths[0], ["E4=研修・交流", "F4=年数回"], saveAs: returned + "/A01.xlsx", "xlsx", profile: profile)
        try fill(
            paths[1], ["E2=情報共有;紹介", "F2=週1回以上", "H2=○"], saveAs: returned + "/A02.csv", "csv-sjis", profile: profile)
        try fill(paths[2], ["J2=連携なし"], saveAs: returned + "/A03.csv", "csv-utf8", profile: profile)
        // A05 sends back only its profile (the roster untouched): a drop-in space for 12–18, 7 consultations.
        try fill(
            paths[4], ["プロフィール!B4=○", "プロフィール!C4=12-18", "プロフィール!B12=7"], saveAs: returned + "/A05p.xlsx",
            "xlsx", profile: profile)
        try fill(paths[3], ["E2=紹介", "G2=2", "E5=情報共有"], saveAs: returned + "/A04.txt", "utf16", profile: profile)

        let shiftJIS = try Data(contentsOf: URL(fileURLWithPath: returned + "/A02.csv"))
        #expect(String(data: shiftJIS, encoding: .utf8) == nil)  // really CP932

        let collect = try CLI.run(["collect", returned, "--into", network + "/2026", "--format", "json"])
        #expect(collect.status == 0, "\(collect.stderr)")
        let tracker = try #require(try JSONSerialization.jsonObject(with: Data(collect.stdout.utf8)) as? [String: Any])
        let statuses = (tracker["agencies"] as? [[String: Any]] ?? []).map { "\($0["id"]!):\($0["status"]!)" }
        #expect(statuses == ["A01:answered", "A02:answered", "A03:no_partners", "A04:answered", "A05:not_returned"])
        #expect(tracker["rows_written"] as? Int == 6)
        let survey = try String(contentsOfFile: network + "/2026/survey.csv", encoding: .utf8)
        #expect(
            survey.components(separatedBy: "\r\n") == [
                "reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note",
                "A01,A02,referral;accompanying,monthly,3,,,", "A01,A04,training,few_times_a_year,,,,",
                "A02,A01,information;referral,weekly,,1,,", "A04,A01,referral,,2,,,", "A04,A05,information,,,,,",
                "A03,,,,,,,", "",
            ])
        let reminders = try CLI.run([
            "collect", returned, "--into", network + "/2026", "--force", "--format", "reminders",
        ])
        #expect(reminders.stdout.contains("□ A05  教育相談室  not returned"), "\(reminders.stdout)")
        #expect(!reminders.stdout.contains("A04"))
        // The profile A05 answered is in the year's agencies.csv now.
        let agencies = try String(contentsOfFile: network + "/2026/agencies.csv", encoding: .utf8)
        #expect(agencies.contains("A05,教育相談室,,教育,,,,,,居場所(12-18),7,,,"), "\(agencies)")

        let check = try CLI.run(["check", network])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(
            check.stdout.contains("FY2026: 5 agencies, 5 reports (2 confirmed ties, 1 one-sided)"), "\(check.stdout)")
        let report = try CLI.run(["report", network, "--output", dir + "/report", "--lang", "ja"])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: dir + "/report/report.html", encoding: .utf8)
        #expect(html.contains("令和8年度"))
    }

    @Test(
        "analyze, gaps and compare as workbooks: LibreOffice opens them and their sheets hold what the CSV holds",
        .enabled(
            if: soffice != nil, "LibreOffice is not installed (apt-get install libreoffice-calc); .ci/run installs it"))
    func resultWorkbooks() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (command, sheets) in [("analyze", ["機関別", "全体"]), ("gaps", ["気づき"]), ("compare", ["つながりの変化"])] {
            let book = dir + "/\(command).xlsx"
            let written = try CLI.run([command, CLI.sample, "--format", "xlsx", "--output", book, "--lang", "ja"])
            #expect(written.status == 0, "\(written.stderr)")
            let csv = try CLI.run([command, CLI.sample, "--format", "csv", "--lang", "ja"])
            #expect(csv.stdout.hasPrefix("\u{FEFF}"))  // Excel in Japan opens it without asking
            try convert(
                [book], to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                into: dir + "/opened", profile: dir + "/profile")
            let first = try String(contentsOfFile: dir + "/opened/\(command)-\(sheets[0]).csv", encoding: .utf8)
            #expect(CLI.csvRows(first) == CLI.csvRows(csv.stdout), "\(command)")
            for sheet in sheets.dropFirst() {
                #expect(FileManager.default.fileExists(atPath: dir + "/opened/\(command)-\(sheet).csv"))
            }
        }
        let network = try String(contentsOfFile: dir + "/opened/analyze-全体.csv", encoding: .utf8)
        #expect(CLI.csvRows(network).first == ["指標", "値"])
        #expect(CLI.csvRows(network).contains(["機関", "51"]), "\(network)")
    }
}
