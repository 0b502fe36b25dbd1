import Foundation
import Testing

@testable import TsunagariKit
import TsunagariReport

@Suite("Answers that change the picture: the tie rule and plausibility warnings")
struct PlausibilityTests {
    /// 24 agencies: a family group (F) and 23 others (X01…X23) in three fields.
    static let agencies =
        "id,name,field\nF,ひまわりの会,当事者・家族・民間\n"
        + (1...23).map { String(format: "X%02d,機関%02d,", $0, $0) + ["保健", "医療", "教育"][$0 % 3] }.joined(separator: "\n")
        + "\n"

    @Test("rows with only a familiarity of 0 or 1, a ×, or 「連携なし」 are not ties, and say so once per file")
    func tieRule() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", Self.agencies)
        let rows = [
            "F,X01,紹介,,1,,,",  // a kind: a tie
            "F,X02,,年数回,,,,",  // a frequency: a tie
            "F,X03,,,,,,",  // nothing beyond the pair: a plain list of partners, a tie
            "F,X04,,,3,,,",  // "we work together with trust": a tie
            "F,X05,,,,,,月に一度電話",  // a note that is not "no tie": a tie
            "F,X06,,,1,,,",  // "we know of them"
            "F,X07,,,,×,,",
            "F,X08,,,,,,連携なし",
            "F,X09,,,0,,,名前は聞いたことがある",
        ]
        try net.write(
            "2025/survey.csv",
            "reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note\n" + rows.joined(separator: "\n")
                + "\n")
        let (network, diagnostics) = net.load()
        let partners = try #require(network.years.first).reports.map { network.years[0].agencies[$0.partner].id }
        #expect(partners == ["X01", "X02", "X03", "X04", "X05"])
        #expect(
            diagnostics.sorted.map { $0.line(.en) } == [
                net.path("2025/survey.csv") + ":7:1: warning: 4 row(s) were not counted as ties: they give no kind or "
                    + "frequency, only a familiarity of 0 or 1, a person-dependence or trust, or a note like 'no tie' "
                    + "(lines 7, 8, 9, 10)"
            ])
    }

    @Test("an agency naming far more partners than last year, or than any other of its field, is named in a warning")
    func surge() throws {
        let net = try TempNetwork()
        let header = "reporter,partner,kinds\n"
        let others = (1...6).map { String(format: "X%02d,X%02d,情報共有", $0, $0 + 6) }
        for year in ["2024", "2025"] { try net.write("\(year)/agencies.csv", Self.agencies) }
        // Last year the family group named 8 partners; this year 23, everyone on its roster.
        let before = (1...8).map { String(format: "F,X%02d,情報共有", $0) }
        let after = (1...23).map { String(format: "F,X%02d,", $0) + ["情報共有", "紹介", "同行"][$0 % 3] }
        try net.write("2024/survey.csv", header + (before + others).joined(separator: "\n") + "\n")
        try net.write("2025/survey.csv", header + (after + others).joined(separator: "\n") + "\n")
        #expect(
            net.lines() == [
                net.path("2025/survey.csv") + ":2:1: warning: ひまわりの会 (F) names 23 partners (8 in FY2024); check "
                    + "that the form was understood"
            ])
        // In the first year on file, measured against the other agencies of its field.
        try FileManager.default.removeItem(atPath: net.path("2024"))
        try net.write(
            "2025/agencies.csv", Self.agencies + "G,家族会あおば,当事者・家族・民間\nH,当事者会そら,当事者・家族・民間\n")
        try net.write(
            "2025/survey.csv", header + (after + ["G,X01,紹介", "G,X02,紹介", "H,X03,紹介"]).joined(separator: "\n") + "\n")
        #expect(
            net.lines(.ja) == [
                net.path("2025/survey.csv") + ":2:1: warning: 「ひまわりの会」(F) は連携先を23機関挙げています。同じ分野のほかの機関は多くても2機関です。"
                    + "様式の書き方を取り違えていないか確かめてください"
            ])
    }
}

extension PlausibilityTests {
    @Test("the same answer in (almost) every row is named in a warning; a plain list of partners is not")
    func sameAnswer() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", Self.agencies)
        let header = "reporter,partner,kinds,familiarity\n"
        let same = (1...12).map { String(format: "F,X%02d,情報共有,1", $0) } + ["F,X13,紹介,3"]
        try net.write("2025/survey.csv", header + same.joined(separator: "\n") + "\n")
        #expect(
            net.lines() == [
                net.path("2025/survey.csv") + ":2:1: warning: 12 of the 13 answers of ひまわりの会 (F) are identical; "
                    + "check that the form was understood"
            ])
        // The report's data-quality section names the agency too: the picture does not change unseen.
        let (network, diagnostics) = net.load()
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let page = reportHTML(
            ReportInput(
                history: NetworkHistory(network), year: 0, comparison: nil, area: "テスト市", language: .ja,
                internalUse: false, networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: [:],
                warnings: diagnostics.all))
        #expect(page.contains("「ひまわりの会」(F) の回答13行のうち12行が、まったく同じ内容です"))

        let plain = (1...13).map { String(format: "F,X%02d,,", $0) }
        try net.write("2025/survey.csv", header + plain.joined(separator: "\n") + "\n")
        #expect(net.lines().isEmpty)
    }
}

@Suite("A year still being collected is not an improvement")
struct IncompleteYearTests {
    @Test("far fewer answers than last year: the comparison says so, and the report does not call gaps closed better")
    func fewerAnswers() throws {
        let net = try TempNetwork()
        let agencies =
            "id,name,field\n"
            + (1...11).map { String(format: "A%02d,機関%02d,", $0, $0) + ["保健", "教育"][$0 % 2] }
            .joined(separator: "\n") + "\n"
        let ring = (1...10).map { String(format: "A%02d,A%02d", $0, $0 % 10 + 1) }
        for year in ["2024", "2025"] { try net.write("\(year)/agencies.csv", agencies) }
        try net.write("2024/survey.csv", "reporter,partner\n" + ring.joined(separator: "\n") + "\n")
        // A11, isolated last year, now has a tie: no longer "isolated", which is not shown as better.
        try net.write(
            "2025/survey.csv", "reporter,partner\n" + (ring.prefix(3) + ["A11,A01"]).joined(separator: "\n") + "\n")
        let history = NetworkHistory(net.load().network)
        let c = history.comparison(from: 0, to: 1)
        #expect(c.incomplete == YearComparison.Incompleteness(fewerAnswers: true, fewerCases: false))
        let complete = history.comparison(from: 0, to: 0)
        #expect(complete.incomplete == nil)
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let page = reportHTML(
            ReportInput(
                history: history, year: 1, comparison: c, area: "テスト市", language: .ja, internalUse: false,
                networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: [:], warnings: []))
        #expect(c.gapsClosed.contains { $0.kind == .isolated && $0.agencies == ["A11"] })
        #expect(page.contains("前年度にあって今年度は見えない点"))
        #expect(!page.contains("よくなったこと"))
        #expect(page.contains("まだ集めている途中のようです"))
    }
}

@Suite("What real returns hold: era months, ongoing support, a form without its ID column")
struct RealReturnsTests {
    @Test("months in the Japanese era and as Excel date serials")
    func months() {
        #expect(parseMonth("令和7年9月")! == (2025, 9))
        #expect(parseMonth("R8.7")! == (2026, 7))
        #expect(parseMonth("令和元年5月")! == (2019, 5))
        #expect(parseMonth("H31/4")! == (2019, 4))
        #expect(parseMonth("2025/4/1")! == (2025, 4))
        #expect(parseMonth("2025年10月")! == (2025, 10))
        #expect(parseMonth("45931")! == (2025, 10))  // 2025-10-01 in Excel's date serials
        #expect(parseMonth("R7.13") == nil && parseMonth("令和") == nil && parseMonth("12") == nil)
    }

    @Test("「継続中」 is an outcome that has not failed")
    func ongoing() {
        #expect(Outcome(cell: "継続中") == .ongoing && Outcome(cell: "ongoing") == .ongoing)
        #expect(Outcome.ongoing.isFailure == false)
    }

    @Test("a form whose ID column was deleted is read by the partners' names")
    func namesOnly() throws {
        let net = try TempNetwork()
        try net.write("2026/agencies.csv", fourAgencies)
        try net.write("f/A01.csv", "回答機関,連携先の機関名,連携内容\nA01,みどり保健所,紹介\nA01,みどり家族会,\n")
        let collected = collectForms(
            [net.path("f/A01.csv")], yearFolder: net.path("2026"), fiscalYear: FiscalYear(2026), previous: nil,
            language: .ja)
        #expect(collected.diagnostics.all.isEmpty)
        let year = try #require(collected.year)
        #expect(year.reports.map { year.agencies[$0.partner].id } == ["A03"])
    }

    @Test("what agencies typed into the old forms: read where the meaning is plain, else a hint that fits")
    func typedAnswers() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write(
            "2025/survey.csv",
            """
            reporter,partner,kinds,frequency,familiarity,person_dependent
            A01,A02,紹介・同行,月1回,2,○
            A01,A03,研修・交流,週1,,
            A02,A01,電話相談,随時,2.5,△

            """)
        let file = net.path("2025/survey.csv")
        #expect(
            net.lines(.ja) == [
                "\(file):4:9: error: 連携内容の「電話相談」は使えません",
                "\(file):4:14: error: 「頻度」(frequency) の「随時」は回数の目安になりません",
                "\(file):4:17: error: 「顔の見える関係」(familiarity) の「2.5」は整数ではありません",
                "\(file):4:21: error: 「担当者依存」(person_dependent) の「△」は はい/いいえ として読めません",
            ])
        let hints = net.load().diagnostics.sorted.compactMap { $0.hint?(.ja) }
        #expect(hints[1] == "この1年のおおよその回数で選んでください: 年1回以下、年数回、月1回程度、週1回以上")
        #expect(hints[3] == "どちらとも言えないときは空欄にしてください (○ か × のどちらかなら、それを)")
        // Without the unreadable row: 「紹介・同行」 is two kinds, 「研修・交流」 one, 「月1回」 and 「週1」 counts.
        try net.write(
            "2025/survey.csv",
            "reporter,partner,kinds,frequency\nA01,A02,紹介・同行,月1回\nA01,A03,研修・交流,週1\n")
        let year = try #require(net.load().network.years.first)
        #expect(year.reports.map(\.kinds.kinds) == [[.referral, .accompanying], [.training]])
        #expect(year.reports.map(\.frequency) == [.monthly, .weekly])
    }
}
