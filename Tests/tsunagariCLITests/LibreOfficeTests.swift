import Foundation
import Testing

/// LibreOffice Calc, if installed (CI installs Debian's libreoffice-calc; elsewhere the test is skipped).
private let soffice: String? = ["/usr/bin/soffice", "/usr/bin/libreoffice"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

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
}
