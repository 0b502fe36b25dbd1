#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import TsunagariKit
@testable import TsunagariReport

@Suite("Meeting report (HTML)")
struct ReportTests {
    /// Two years; the second has an agency with a hostile name and a failed hand-off counted once.
    private func input(internalUse: Bool) -> ReportInput {
        let first = year(
            [("A", .administration, nil, nil), ("B", .health, nil, nil), ("C", .education, 6, 15)],
            reports: mutual("A-B"))
        let second = year(
            [
                ("A", .administration, nil, nil), ("B", .health, nil, nil), ("C", .education, 6, 15),
                ("X", .employment, 15, 49),
            ],
            reports: mutual("A-B", "A-C", "C-X"), referrals: [("C", "X", .interrupted, ["卒業後"])],
            names: ["X": "<script>alert(1)</script>"])
        let data = [first, second].enumerated().map { i, a in
            YearData(
                fiscalYear: FiscalYear(2024 + i), folder: "\(2024 + i)", agencies: a.network.agencies,
                reports: a.network.data.reports, referrals: a.network.data.referrals)
        }
        let svg =
            "<?xml version=\"1.0\"?><!DOCTYPE svg><svg xmlns=\"http://www.w3.org/2000/svg\"><g id=\"graph0\"><text>地図</text></g></svg>"
        let history = NetworkHistory(Network(name: "t", years: data))
        return ReportInput(
            history: history, year: 1, comparison: history.comparison(from: 0, to: 1), area: "テスト市", language: .ja,
            internalUse: internalUse, networkMap: svg, fieldMap: svg, changeMap: svg, trendCharts: [svg],
            cardMaps: ["A": svg], warnings: [])
    }

    @Test("sections in the presenter's order, well-formed, ids unique, hostile names as text")
    func structure() throws {
        let page = reportHTML(input(internalUse: false))
        let ids = ["summary", "maps", "gaps", "fragility", "change", "agencies", "quality", "method"]
        let positions = ids.map { page.range(of: "<section id=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        let parser = XMLParser(data: Data(page.utf8))
        #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(
            page.contains("id=\"network-graph0\"") && page.contains("id=\"fields-graph0\"")
                && page.contains("id=\"card0-graph0\""))
        #expect(!page.contains("<?xml") && !page.contains("DOCTYPE svg"))
        #expect(page.contains("順位ではありません"))
    }

    @Test("meeting copy hides small counts and case IDs; the internal copy shows them and says so")
    func privacy() {
        let meeting = reportHTML(input(internalUse: false))
        #expect(meeting.contains("3件未満が、中断・拒否・待機に終わりました"))
        #expect(!meeting.contains("C0") && !meeting.contains("内部資料"))
        let internalCopy = reportHTML(input(internalUse: true))
        #expect(internalCopy.contains("<div class=\"internal\">内部資料"))
        #expect(internalCopy.contains("1件が、中断・拒否・待機に終わりました"))
        #expect(!internalCopy.contains("3件未満"))
    }

    @Test("the meeting copy counts the warnings on the case file instead of listing them (each is one hand-off)")
    func caseWarnings() {
        var report = input(internalUse: false)
        let onCase = Diagnostic(
            .warning, SourceLocation(file: "net/2025/referrals.csv", line: 4, column: 6),
            Text(ja: "年月が令和7年度の外です", en: "the month lies outside FY2025"))
        let onSurvey = Diagnostic(
            .warning, SourceLocation(file: "net/2025/survey.csv", line: 2, column: 3),
            Text(ja: "別名が重なっています", en: "two agencies share a name"))
        report.warnings = [onCase, onSurvey]
        let meeting = reportHTML(report)
        #expect(!meeting.contains("年月が令和7年度の外です") && meeting.contains("別名が重なっています"))
        #expect(meeting.contains("読み込み時の警告: 1件 (ほかに事例の記録について3件未満)"))
        report.internalUse = true
        #expect(reportHTML(report).contains("年月が令和7年度の外です"))
    }

    @Test(
        "the sample network's report, in Japanese with cards and in English, matches its golden files (maps left out)")
    func goldenSample() throws {
        let loaded = loadNetwork(at: sampleNetwork)
        let (network, diagnostics) = (loaded.network, loaded.diagnostics)
        #expect(!diagnostics.hasErrors)
        let history = NetworkHistory(network)
        let map = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>map</text></svg>"
        let ids = history.analyses.last!.network.agencies.map(\.id)
        for (language, name) in [(Language.ja, "sample-report-ja.html"), (.en, "sample-report-en.html")] {
            let last = history.analyses.count - 1
            let input = ReportInput(
                history: history, year: last, comparison: history.comparison(from: last - 1, to: last),
                area: "みどり市", language: language,
                internalUse: false, networkMap: map, fieldMap: map, changeMap: map, trendCharts: [map],
                cardMaps: language == .ja ? Dictionary(uniqueKeysWithValues: ids.map { ($0, map) }) : [:],
                warnings: diagnostics.sorted)
            try expectGolden(reportHTML(input), name)
        }
    }

    @Test("per-agency cards list partners by kind, and ties without a stated kind as such")
    func cards() {
        var report = input(internalUse: false)
        var years = report.history.analyses.map { $0.network.data }
        let location = SourceLocation(file: "t", line: 1, column: 1)
        years[1].reports.append(
            SurveyReport(
                reporter: 1, partner: 2, kinds: [], frequency: nil, familiarity: nil,
                personDependent: nil, trust: nil, note: "", location: location))
        report.history = NetworkHistory(Network(name: "t", years: years))
        let page = reportHTML(report)
        #expect(page.contains("<tr><td>情報共有</td><td>B、C</td></tr>"))  // A's card
        #expect(page.contains("<tr><td>連携内容の記載なし</td><td>C</td></tr>"))  // B's card: B–C has no kind
        #expect(!page.contains("<tr><td>情報共有</td><td>A、C</td></tr>"))
    }

    @Test("the summary tells the size, the growth and the main findings in sentences")
    func summary() {
        let page = reportHTML(input(internalUse: false))
        #expect(page.contains("テスト市の令和7年度の支援ネットワークには4の機関が参加し、3本のつながりがあります。"))
        #expect(page.contains("令和6年度と比べて、機関は3から4に、つながりは1本から3本になりました (新しいつながり2本、なくなったつながり0本)。"))
        #expect(page.contains("<ol class=\"key\"><li>"))
    }
}
