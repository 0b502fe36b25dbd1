import Foundation
import Testing
@testable import TsunagariKit

@Suite("Year summary and survey forms")
struct SummaryAndFormsTests {
    @Test("confirmed and one-sided ties, cases and non-responding agencies, counted by hand")
    func summary() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        // A01↔A02 confirmed, A01→A03 one-sided, A02→A03 one-sided; A03 and A04 did not answer.
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\nA02,A01\nA01,A03\nA02,A03\n")
        try net.write("2025/referrals.csv", "case,step,from,to\nC1,1,A01,A02\nC1,2,A02,A03\nC2,1,A03,A01\n")
        let year = try #require(net.load().network.years.first)
        let s = YearSummary(year)
        #expect(
            s
                == YearSummary.expected(
                    agencies: 4, reports: 4, confirmed: 1, oneSided: 2, cases: 2, handOffs: 3, nonResponding: [2, 3]))
    }

    @Test("template writes a roster form per agency; filled forms collect into a survey.csv that loads back")
    func roundTrip() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        let source = try #require(net.load().network.years.last)
        let template = SurveyTemplate(
            from: source, fiscalYear: FiscalYear(2026), format: .csv, prefill: false, language: .ja)
        #expect(
            template.forms.map(\.path) == [
                "A01_みどり市ひきこもり相談窓口.csv", "A02_みどり地域若者サポートステーション.csv",
                "A03_みどり保健所.csv", "A04_みどり家族会.csv",
            ])
        #expect(template.forms[0].data.starts(with: [0xEF, 0xBB, 0xBF]))
        let form = try #require(String(data: template.forms[0].data, encoding: .utf8))
        #expect(form.hasPrefix("回答機関,連携先,連携先の機関名,連携先の分野,連携内容,頻度,顔の見える関係,担当者依存,信頼,備考\r\n"))
        #expect(
            form.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
                == [
                    "A01,A02,みどり地域若者サポートステーション,就労,,,,,,", "A01,A03,みどり保健所,保健,,,,,,",
                    "A01,A04,みどり家族会,当事者・家族・民間,,,,,,",
                ])

        // The next year: agencies copied forward; A01 and A03 fill in their forms, A02 and A04 leave theirs blank.
        try template.agencies.write(to: URL(fileURLWithPath: net.path("2026/agencies.csv")).creatingFolder())
        var paths: [String] = []
        for (i, f) in template.forms.enumerated() {
            var text = String(data: f.data, encoding: .utf8)!
            if i == 0 {
                text = text.replacingOccurrences(
                    of: "A01,A02,みどり地域若者サポートステーション,就労,,,,,,",
                    with: "A01,A02,みどり地域若者サポートステーション,就労,紹介;同行,月1回程度,3,はい,,\"引継ぎ, 要\""
                )
                .replacingOccurrences(
                    of: "A01,A04,みどり家族会,当事者・家族・民間,,,,,,",
                    with: "A01,A04,みどり家族会,当事者・家族・民間,,,0,,,")  // familiarity 0: not a tie
            } else if i == 2 {
                text = text.replacingOccurrences(
                    of: "A03,A01,みどり市ひきこもり相談窓口,行政・調整,,,,,,",
                    with: "A03,A01,みどり市ひきこもり相談窓口,行政・調整,,,2,,,")
            }
            paths.append(net.path("2026/forms/" + f.path))
            try Data(text.utf8).write(to: URL(fileURLWithPath: paths.last!).creatingFolder())
        }
        let collected = collectForms(
            paths, yearFolder: net.path("2026"), fiscalYear: FiscalYear(2026), previous: nil, language: .en)
        #expect(collected.diagnostics.all.isEmpty)
        try #require(collected.survey).write(to: URL(fileURLWithPath: net.path("2026/survey.csv")))
        let (network, loadDiagnostics) = net.load()
        #expect(loadDiagnostics.all.isEmpty)
        let year = try #require(network.years.last)
        #expect(year.fiscalYear == FiscalYear(2026))
        #expect(
            year.reports.map { "\(year.agencies[$0.reporter].id)>\(year.agencies[$0.partner].id)" } == [
                "A01>A02", "A03>A01",
            ])
        #expect(year.reports[0].kinds.kinds == [.referral, .accompanying])
        #expect(year.reports[0].note == "引継ぎ, 要")
        #expect(year.reports[1].familiarity == 2)
    }

    @Test("collect reports errors across forms, merges the clean ones and lists the others")
    func collectErrors() throws {
        let net = try TempNetwork()
        try net.write("2026/agencies.csv", fourAgencies)
        try net.write("f/a.csv", "回答機関,連携先,連携内容\nA01,A02,紹介\n")
        try net.write(
            "f/b.csv",
            "回答機関,連携先,連携内容,顔の見える関係,備考\nA01,サポステ,情報共有,,\nA02,保健所X,紹介,,\nA03,A01,,二,\nA04,A01,,0,\nA04,A02,,,メモだけ\n")
        let collected = collectForms(
            [net.path("f/a.csv"), net.path("f/b.csv")], yearFolder: net.path("2026"),
            fiscalYear: FiscalYear(2026), previous: nil, language: .en)
        #expect(collected.rejected == [net.path("f/b.csv")])
        #expect(collected.year?.reports.count == 1)  // a.csv's one row
        #expect(
            collected.survey.map { String(decoding: $0, as: UTF8.self).hasSuffix("A01,A02,referral,,,,,\r\n") } == true)
        #expect(
            collected.diagnostics.sorted.map { $0.line(.en) } == [
                "\(net.path("f/b.csv")):2:5: error: A01 相談窓口 reports A02 サポステ twice (first on line 2 of \(net.path("f/a.csv")))",
                "\(net.path("f/b.csv")):3:5: error: 'partner' (連携先) '保健所X' is not in agencies.csv",
                "\(net.path("f/b.csv")):4:10: error: 'familiarity' (顔の見える関係) '二' is not a whole number",
            ])  // A04's familiarity 0 alone names no partner; its note-only row does, and is valid
    }

    @Test("a form is its agency's: a blank 回答機関 is filled from it, a second copy is one problem")
    func formOwner() throws {
        let net = try TempNetwork()
        try net.write("2026/agencies.csv", fourAgencies)
        let form = "回答機関,連携先,連携内容\nA01,A02,紹介\n,A03,情報共有\nA01,A04,\n"
        try net.write("f/A01.csv", form)
        try net.write("f/A01 (コピー).csv", form)
        let paths = [net.path("f/A01.csv"), net.path("f/A01 (コピー).csv")]
        let collected = collectForms(
            paths, yearFolder: net.path("2026"), fiscalYear: FiscalYear(2026), previous: nil, language: .ja)
        #expect(collected.rejected == [paths[1]])
        #expect(
            collected.diagnostics.sorted.map { $0.line(.ja) } == [
                "\(paths[1]): error: 「A01」の回答様式が2通あります (もう1通は \(paths[0]))。この様式は入れていません"
            ])
        let year = try #require(collected.year)
        #expect(year.reports.map { year.agencies[$0.partner].id } == ["A02", "A03"])  // A01>A04 holds nothing
        #expect(year.reports.allSatisfy { $0.reporter == 0 })
    }

    @Test("CSV cells are quoted only when needed")
    func cells() {
        #expect(csvCell("plain") == "plain")
        #expect(csvCell("a,b") == "\"a,b\"")
        #expect(csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(csvCell("two\nlines") == "\"two\nlines\"")
        #expect(csvCell(" edge") == "\" edge\"")
    }
}

extension YearSummary {
    static func expected(
        agencies: Int, reports: Int, confirmed: Int, oneSided: Int, cases: Int, handOffs: Int, nonResponding: [Int]
    ) -> YearSummary {
        var s = YearSummary(
            YearData(fiscalYear: FiscalYear(2025), folder: "", agencies: [], reports: [], referrals: []))
        (s.agencies, s.reports, s.confirmedTies, s.oneSidedTies, s.cases, s.handOffs, s.nonResponding) = (
            agencies, reports, confirmed, oneSided, cases, handOffs, nonResponding
        )
        return s
    }
}

extension URL {
    /// The URL, after creating its parent folder.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
