#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing
@testable import TsunagariKit

/// Two or three years of a small network, each built in code.
private func history(_ years: [[String: Any]]) -> NetworkHistory {
    let location = SourceLocation(file: "t", line: 1, column: 1)
    let data = years.enumerated().map { y, spec -> YearData in
        let agencies = (spec["agencies"] as! [(String, String, Field)]).map {
            Agency(
                id: $0.0, name: $0.1, shortName: nil, field: $0.2, publicPrivate: nil, ageMin: nil, ageMax: nil,
                aliases: [], location: location)
        }
        let index = { (id: String) in agencies.firstIndex { $0.id == id }! }
        let reports = (spec["reports"] as! [(String, String, Int)]).map {
            SurveyReport(
                reporter: index($0.0), partner: index($0.1), kinds: TieKinds([.information]), frequency: nil,
                familiarity: $0.2, personDependent: nil, trust: nil, note: "", location: location)
        }
        return YearData(
            fiscalYear: FiscalYear(2023 + y), folder: "\(2023 + y)", agencies: agencies, reports: reports, referrals: []
        )
    }
    return NetworkHistory(Network(name: "t", years: data))
}

@Suite("Comparing years")
struct ComparisonTests {
    // 2023: A–B (familiarity 1, confirmed), A→C one-sided, D isolated; E exists.
    // 2024: A–B stronger (2), A–C confirmed now, C–D new (D connected), E closed, F new and tied to A.
    let years: [[String: Any]] = [
        [
            "agencies": [
                ("A", "窓口", Field.administration), ("B", "保健所", Field.health), ("C", "中学校", Field.education),
                ("D", "サポステ", Field.employment), ("E", "古い機関", Field.communityOther),
            ],
            "reports": [("A", "B", 1), ("B", "A", 1), ("A", "C", 2), ("B", "E", 1), ("E", "B", 1)],
        ],
        [
            "agencies": [
                ("A", "窓口", Field.administration), ("B", "保健所", Field.health), ("C", "中学校", Field.education),
                ("D", "サポステ", Field.employment), ("F", "新しい機関", Field.peersFamiliesNPO),
            ],
            "reports": [
                ("A", "B", 2), ("B", "A", 2), ("A", "C", 2), ("C", "A", 2), ("C", "D", 1), ("D", "C", 1), ("F", "A", 1),
                ("A", "F", 1),
            ],
        ],
    ]

    @Test("new and lost agencies and ties, changes in kept ties, agencies no longer isolated")
    func tieDiff() {
        let h = history(years)
        let c = h.comparison(from: 0, to: 1)
        #expect(c.newAgencies == ["F"] && c.closedAgencies == ["E"])
        #expect(c.newTies.map { "\($0.a)-\($0.b)" } == ["A-F", "C-D"])
        #expect(c.lostTies.map { "\($0.a)-\($0.b)" } == ["B-E"])
        #expect(c.keptTies.map { "\($0.a)-\($0.b):\($0.change!.rawValue)" } == ["A-B:stronger", "A-C:stronger"])
        #expect(c.keptTies[1].confirmedBefore == false && c.keptTies[1].confirmedAfter == true)
        #expect(c.newlyConnected == ["D"])
        let pairs = c.byFieldPair.map { "\($0.a.en)-\($0.b.en):\($0.new)/\($0.lost)/\($0.kept)" }
        #expect(
            pairs == [
                "administration-health:0/0/1", "administration-education:0/0/1",
                "administration-peers_families_npo:1/0/0",
                "health-community_other:0/1/0", "education-employment:1/0/0",
            ])
        #expect(
            c.agencyChanges.map { "\($0.id):\($0.degreeBefore)→\($0.degreeAfter)" } == [
                "A:2→3", "B:2→1", "C:1→2", "D:0→1",
            ])
    }

    @Test("gaps closed and opened, in plain words")
    func gapNews() {
        let c = history(years).comparison(from: 0, to: 1)
        let news = c.gapNews(.ja)
        #expect(news.closed.contains("「サポステ」がほかの機関とつながりました。"))
        #expect(news.closed.contains("「教育」と「就労」の間に初めてつながりができました。"))
        #expect(c.gapNews(.en).closed.contains("education and employment are tied for the first time."))
        #expect(c.gapsOpened.allSatisfy { $0.kind != .recommendation })
    }

    @Test("an agency with a new ID but the same name keeps its history")
    func matchingByName() {
        var renamed = years
        var second = renamed[1]
        second["agencies"] = [
            ("A", "窓口", Field.administration), ("B2", "保健所", Field.health), ("C", "中学校", Field.education),
            ("D", "サポステ", Field.employment), ("F", "新しい機関", Field.peersFamiliesNPO),
        ]
        second["reports"] = [("A", "B2", 2), ("B2", "A", 2)]
        renamed[1] = second
        let h = history(renamed)
        #expect(h.matching.canonical[1] == ["A", "B", "C", "D", "F"])
        #expect(h.matching.matchedByName.map { "\($0.id)→\($0.canonical)" } == ["B2→B"])
        let c = h.comparison(from: 0, to: 1)
        #expect(c.keptTies.map { "\($0.a)-\($0.b)" } == ["A-B"])
        #expect(!c.newAgencies.contains("B2"))
        // A year later, with the same files: the renamed agency is still the same one.
        let later = history(renamed + [second])
        #expect(later.matching.canonical[2] == ["A", "B", "C", "D", "F"])
        let unchanged = later.comparison(from: 1, to: 2)
        #expect(
            unchanged.newAgencies.isEmpty && unchanged.closedAgencies.isEmpty && unchanged.newTies.isEmpty
                && unchanged.lostTies.isEmpty)
    }

    @Test("trends over the years, counted by hand")
    func trends() {
        let t = history(years).trends
        #expect(t.map(\.agencies) == [5, 5])
        #expect(t.map(\.ties) == [3, 4])
        #expect(t.map(\.confirmedTies) == [2, 4])
        #expect(t.map(\.isolates) == [1, 0])
        #expect(abs(t[0].density - 3.0 / 10) < 1e-12 && abs(t[1].density - 4.0 / 10) < 1e-12)
        #expect(abs(t[0].crossFieldShare - 1) < 1e-12)  // every tie joins two fields
        #expect(t[0].gapsByKind["isolated"] == 1 && t[1].gapsByKind["isolated"] == nil)
        let series = trendSeries(t)
        #expect(series.first { $0.key == "ties" }?.values == [3, 4])
    }

    @Test("trend charts are SVG with the title, every year and every value")
    func charts() throws {
        let t = history(years).trends
        let ties = try #require(trendSeries(t).first { $0.key == "ties" })
        let svg = trendChartSVG(ties, years: ["令和5年度", "令和6年度"], language: .ja)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse())
        for text in ["つながりの数", "令和5年度", "令和6年度", ">3<", ">4<"] { #expect(svg.contains(text)) }
    }

    @Test(
        "a count kept from one year to the next is neither closed nor opened: no year-to-year difference of a count shows"
    )
    func countsAcrossYears() {
        let agencies: [(String, Field, Int?, Int?)] = [
            ("A", .education, nil, nil), ("B", .employment, nil, nil), ("C", .health, nil, nil),
        ]
        func handOffs(_ n: Int) -> [(String, String, Outcome?, [String])] {
            Array(repeating: ("A", "B", .refused, ["卒業後"]), count: n)
        }
        let data = [4, 5].enumerated().map { i, n -> YearData in
            let a = year(agencies, reports: mutual("A-B", "B-C"), referrals: handOffs(n))
            return YearData(
                fiscalYear: FiscalYear(2024 + i), folder: "\(2024 + i)", agencies: a.network.agencies,
                reports: a.network.data.reports, referrals: a.network.data.referrals)
        }
        let c = NetworkHistory(Network(name: "t", years: data)).comparison(from: 0, to: 1)
        #expect(c.gapsClosed.filter { $0.kind == .failedHandOffs }.isEmpty)
        #expect(c.gapsOpened.filter { $0.kind == .failedHandOffs }.isEmpty)
    }
}
