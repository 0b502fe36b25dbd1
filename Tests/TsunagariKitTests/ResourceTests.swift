import Foundation
import Testing

@testable import TsunagariKit
import TsunagariReport

/// The agency profile, the resource map, needs and case reviews (the rest of the booklet's tools).
@Suite("Who offers what for which ages, needs and strengths, case reviews")
struct ResourceTests {
    /// Eight agencies with profiles: a desk, a youth support station, a family group, two
    /// elder-care centres, a clinic, a school and the job centre. Planted: no 居場所 for 40–64
    /// (the family group's is for 15–39), 訪問 for 40–64 by the desk alone, 生活支援 by elder care
    /// only (so none for 15–64). Expected absences: 学習支援 at 40 and over, which nobody expects,
    /// and 就労支援 by employment agencies only, its own field.
    static let agencies = """
        id,name,field,age_min,age_max,services,consultations,strengths,needs,contact_role
        A1,みどり相談窓口,行政・調整,,,相談;訪問;家族支援;見守り,42,,居場所,ひきこもり支援担当
        A2,みどりサポステ,就労,15,49,相談;就労支援,18,,,
        A3,ひまわり家族会,当事者・家族・民間,,,居場所(15-39);家族支援;当事者活動,,居場所,医療,
        A4,東包括,福祉(高齢),65,,相談;訪問;見守り;生活支援,,,,
        A5,こころクリニック,医療,,,医療;相談,,,,
        A6,みどり中学校,教育,12,15,学習支援;相談,,,就労支援,
        A7,ハローワーク,就労,15,,就労支援,,,,
        A8,西包括,福祉(高齢),65,,相談;生活支援,,,,

        """

    func network(survey: String = "reporter,partner\nA1,A2\nA1,A4\nA2,A7\nA3,A1\n") throws -> TempNetwork {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", Self.agencies)
        try net.write("2025/survey.csv", survey)
        return net
    }

    @Test("the profile columns are read: services with their own ages, consultations, strengths, needs, role")
    func profile() throws {
        let net = try network()
        #expect(net.lines().isEmpty, "\(net.lines())")
        let year = try #require(net.load().network.years.first)
        let a3 = year.agencies[2]
        #expect(
            a3.services == [
                ServiceOffer(.dropIn, ages: 15...39), ServiceOffer(.familySupport), ServiceOffer(.peerSupport),
            ])
        #expect(a3.strengths == [.service(.dropIn)] && a3.needs == [.service(.medicalCare)])
        #expect(year.agencies[0].consultations == 42 && year.agencies[0].contactRole == "ひきこもり支援担当")
        #expect(
            year.agencies[0].services.map(\.service) == [
                .consultation, .outreach, .familySupport, .communityWatch,
            ])
        #expect(a3.offers(.dropIn, to: .age15to39) && !a3.offers(.dropIn, to: .age40to64))
        #expect(
            year.agencies[1].offers(.consultation, to: .age40to64)
                && !year.agencies[1].offers(.consultation, to: .age65plus))
    }

    @Test("profile mistakes: an unknown service, ages that cannot be read, a person as the contact")
    func profileErrors() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            """
            id,name,field,services,consultations,contact_role
            A1,窓口,行政・調整,相談;ゲーム,3,担当
            A2,保健所,保健,居場所(四十-),,山田様
            A3,家族会,当事者・家族・民間,居場所(15-39),たくさん,090-1234-5678

            """)
        try net.write("2025/survey.csv", "reporter,partner\n")
        let p = net.path("2025/agencies.csv")
        #expect(
            net.lines() == [
                "\(p):2:13: error: unknown service 'ゲーム'",
                "\(p):3:11: error: the ages of the service '居場所(四十-)' cannot be read",
                "\(p):3:21: error: the contact '山田様' looks like a person; names and contact details of people are not allowed",
                "\(p):4:29: error: 'consultations' (相談件数) 'たくさん' is not a whole number",
                "\(p):4:34: error: the contact '090-1234-5678' looks like a person; names and contact details of people are not allowed",
            ])
    }

    @Test("the service × age matrix, counted by hand")
    func matrix() throws {
        let year = try #require(try network().load().network.years.first)
        let m = ServiceMatrix(year.agencies)
        #expect(m.hasProfiles)
        // The desk, the clinic, the school (the station starts at 15).
        #expect(m[.consultation, .schoolAge] == [0, 4, 5])
        #expect(m[.consultation, .age65plus] == [0, 3, 4, 7])
        #expect(m[.dropIn, .age15to39] == [2] && m[.dropIn, .age40to64].isEmpty)
        #expect(m[.outreach, .age65plus] == [0, 3] && m[.outreach, .age40to64] == [0])
        #expect(m.offering(.employmentSupport) == [1, 6])
        #expect(
            !ServiceMatrix(
                year.agencies.map {
                    var a = $0; a.services = []; return a
                }
            ).hasProfiles)
    }

    @Test("service gaps: the planted ones found, the expected absences not, nothing without profiles")
    func serviceGaps() throws {
        let net = try network()
        let analysis = Analysis(YearNetwork(try #require(net.load().network.years.first)))
        let gaps = findGaps(analysis).filter { $0.kind == .serviceGap }
        let said = gaps.map { $0.message(.ja) }
        #expect(said.contains("40〜64歳を対象にした「居場所」がありません。"))
        #expect(said.contains("「生活支援」は「福祉(高齢)」の機関だけが行っています (「東包括」「西包括」)。"))
        #expect(said.contains("15〜39歳を対象にした「生活支援」がありません。"))
        #expect(!said.contains { $0.hasPrefix("「就労支援」は") })  // employment support in its own field
        #expect(said.contains("40〜64歳を対象にした「訪問・アウトリーチ」は「みどり相談窓口」だけです。続けられなくなると、その年代にはなくなります。"))
        // 学習支援 is expected for school age and 15–39 only; its absence at 40+ is no finding.
        #expect(
            !gaps.contains {
                if case .serviceGap(.learningSupport, .age40to64, _) = $0.evidence { true } else { false }
            })
        #expect(
            !gaps.contains {
                if case .serviceGap(.learningSupport, .age65plus, _) = $0.evidence { true } else { false }
            })
        // The missing drop-in space for 40–64 is worth attention, a missing way in (相談, 訪問) an age cliff.
        let dropIn = try #require(gaps.first { $0.message(.ja) == "40〜64歳を対象にした「居場所」がありません。" })
        #expect(dropIn.consequence == .attention)
        let json = String(decoding: try encodeJSON([dropIn]), as: UTF8.self)
        #expect(json.contains("\"service\" : \"drop_in\"") && json.contains("\"age_band\" : \"40-64\""))

        // The same network without the services column: nothing is known, nothing is found.
        try net.write(
            "2025/agencies.csv",
            "id,name,field\nA1,窓口,行政・調整\nA2,サポステ,就労\nA3,家族会,当事者・家族・民間\nA4,包括,福祉(高齢)\nA5,クリニック,医療\nA6,中学校,教育\nA7,ハローワーク,就労\n"
        )
        let plain = Analysis(YearNetwork(try #require(net.load().network.years.first)))
        #expect(!findGaps(plain).contains { $0.kind == .serviceGap })
    }

    @Test("a need met by agencies it has no tie with; agencies it is tied to are not suggested")
    func needs() throws {
        // A1 needs 居場所: A3 offers it but is tied to A1 already, so nobody is suggested.
        // A3 needs 医療: A5 offers it. A6 needs 就労支援: A2 and A7 offer it (one field, so by ID).
        let net = try network()
        let analysis = Analysis(YearNetwork(try #require(net.load().network.years.first)))
        let needs = findGaps(analysis).filter { if case .need = $0.evidence { true } else { false } }
        #expect(needs.map(\.agencies) == [["A3", "A5"], ["A6", "A2", "A7"]])
        #expect(
            needs[0].message(.ja) == "「ひまわり家族会」は「医療」との連携を求めています。「こころクリニック」が行っていますが、まだつながりがありません。")
        #expect(needs.allSatisfy { $0.kind == .recommendation && $0.consequence == .reference })
        let json = String(decoding: try encodeJSON(needs), as: UTF8.self)
        #expect(json.contains("\"need\" : \"medical_care\""))
        // A need in the agency's own words is met by the same words as a strength.
        try net.write(
            "2025/agencies.csv",
            "id,name,field,strengths,needs\nA1,窓口,行政・調整,,夜間の相談\nA2,NPO,当事者・家族・民間,夜間の相談,\n")
        try net.write("2025/survey.csv", "reporter,partner\n")
        let words = Analysis(YearNetwork(try #require(net.load().network.years.first)))
        // Only for the ages the needing agency serves: a peer group of adults is not sent to a
        // drop-in space for children.
        try net.write(
            "2025/agencies.csv",
            "id,name,field,age_min,age_max,services,needs\nB1,当事者会,当事者・家族・民間,18,,,居場所\n"
                + "B2,ふれあい教室,教育,6,15,居場所,\nB3,よりみち,当事者・家族・民間,,,居場所(40-64),\n")
        let ages = Analysis(YearNetwork(try #require(net.load().network.years.first)))
        #expect(
            findGaps(ages).filter { if case .need = $0.evidence { true } else { false } }.map(\.agencies) == [
                ["B1", "B3"]
            ])
        #expect(
            findGaps(words).filter { if case .need = $0.evidence { true } else { false } }.map(\.agencies) == [
                ["A1", "A2"]
            ])
    }

    @Test("case reviews: read without showing a case, proposed ties followed into the next year")
    func reviews() throws {
        let net = try TempNetwork()
        for year in ["2024", "2025"] { try net.write("\(year)/agencies.csv", Self.agencies) }
        try net.write("2024/survey.csv", "reporter,partner,kinds,familiarity\nA1,A2,情報共有,1\nA3,A1,,\n")
        // Proposed: A1–A4 (formed in 2025), A1–A2 (grows stronger), A6–A7 (still missing), A4–A1 again.
        try net.write(
            "2024/reviews.csv",
            """
            事例ID,はざま,つながるとよい機関,つなぎ先,取組,年月
            R1,年齢の切れ目,みどり相談窓口,東包括,8050の世帯を一緒に訪問,2024/10
            R2,就労,A1,A2,,R6.11
            R3,学校卒業後,A6,A7,,
            R4,年齢の切れ目,A4,A1,,

            """)
        try net.write("2025/survey.csv", "reporter,partner,kinds,familiarity\nA1,A2,情報共有,3\nA3,A1,,\nA1,A4,,\n")
        let (network, diagnostics) = net.load()
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.map { $0.line(.en) })")
        #expect(network.years[0].reviews.count == 4 && network.years[0].reviews[0].gaps == ["年齢の切れ目"])
        let c = NetworkHistory(network).comparison(from: 0, to: 1)
        #expect(
            c.proposals == [
                ProposedTie(from: "A1", to: "A4", status: .formed),
                ProposedTie(from: "A1", to: "A2", status: .strengthened),
                ProposedTie(from: "A6", to: "A7", status: .missing),
            ])
        // 「年齢の切れ目」 in two reviews: below the threshold, not shown at all; exact counts show it.
        #expect(c.repeatedReviewGaps(CaseCountRule()).isEmpty)
        #expect(c.repeatedReviewGaps(CaseCountRule(exact: true)).map(\.tag) == ["年齢の切れ目"])
        #expect(c.repeatedReviewGaps(CaseCountRule(exact: true)).map(\.reviews) == [2])
        let news = try #require(c.proposalNews(.ja))
        #expect(news.summary == "事例検討で提案されたつながり3件のうち1件ができました。1件は、あったつながりが強まりました")
        #expect(news.items[2] == "「みどり中学校」と「ハローワーク」: まだつながっていません")
        #expect(!news.summary.contains("R1") && !news.items.joined().contains("R"))

        // Half a proposal is an error; a file with personal data in it is not read at all.
        try net.write("2024/reviews.csv", "case,proposed_from,proposed_to\nR1,A1,\n")
        #expect(
            net.lines().contains {
                $0.hasSuffix(":2:7: error: the proposed tie names one agency only: 'proposed_to' (つなぎ先) is empty")
            })
        try net.write("2024/reviews.csv", "case,proposed_from,proposed_to,action\nR2,A1,A2,090-1234-5678\n")
        #expect(net.lines().contains { $0.contains("reviews.csv") && $0.contains("phone number") }, "\(net.lines())")
        #expect(net.load().network.years[0].reviews.isEmpty)
    }

    @Test(
        "the report: the resource section numbered in its place, consultations beside the measures, small ones hidden")
    func report() throws {
        let net = try network()
        // A2 gave 18 consultations; make one agency's count small.
        try net.write("2025/agencies.csv", Self.agencies.replacingOccurrences(of: "相談;就労支援,18,", with: "相談;就労支援,2,"))
        let history = NetworkHistory(net.load().network)
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        func page(internalUse: Bool) -> String {
            reportHTML(
                ReportInput(
                    history: history, year: 0, comparison: nil, area: "テスト市", language: .ja, internalUse: internalUse,
                    networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: [:], warnings: []))
        }
        let html = page(internalUse: false)
        #expect(html.contains("4. 支援の資源"))
        #expect(html.contains("5. お互いに求めていること") && html.contains("6. ネットワークを支えているところ"))
        /// The last cell of the agency table's row of `id`.
        func consultations(_ html: String, _ id: String) -> String? {
            guard let start = html.range(of: "<td>\(id)</td>"),
                let end = html.range(of: "</tr>", range: start.upperBound..<html.endIndex)
            else { return nil }
            let row = html[start.lowerBound..<end.lowerBound]
            return row.components(separatedBy: "<td>").last.map { String($0.prefix { $0 != "<" }) }
        }
        #expect(consultations(html, "A1") == "42" && consultations(html, "A2") == "&lt;3")
        #expect(consultations(page(internalUse: true), "A2") == "2")
        // Each agency's card says what it offers and how many consultations, under the same rule.
        let cards = reportHTML(
            ReportInput(
                history: history, year: 0, comparison: nil, area: "テスト市", language: .ja, internalUse: false,
                networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: ["A2": svg], warnings: []))
        #expect(cards.contains("支援内容: 相談、就労支援 / 前年度の相談 3件未満"))
        #expect(cards.contains("支援内容: 相談、訪問・アウトリーチ、家族支援、見守り / 前年度の相談 42件 / 求める連携: 居場所"))
        // Without profiles the section is not there and the numbers close up.
        try net.write(
            "2025/agencies.csv",
            "id,name,field\nA1,窓口,行政・調整\nA2,サポステ,就労\nA3,家族会,当事者・家族・民間\nA4,包括,福祉(高齢)\nA5,クリニック,医療\nA6,中学校,教育\nA7,ハローワーク,就労\nA8,西包括,福祉(高齢)\n"
        )
        let plain = reportHTML(
            ReportInput(
                history: NetworkHistory(net.load().network), year: 0, comparison: nil, area: "テスト市", language: .ja,
                internalUse: false, networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: [:],
                warnings: []))
        #expect(!plain.contains("支援の資源") && plain.contains("4. ネットワークを支えているところ"))
    }

    @Test("the summary tells an isolated agency once: not again beside the main finding that names it")
    func isolatedOnce() throws {
        let net = try network()
        let history = NetworkHistory(net.load().network)
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let html = reportHTML(
            ReportInput(
                history: history, year: 0, comparison: nil, area: "テスト市", language: .ja, internalUse: false,
                networkMap: svg, fieldMap: svg, changeMap: nil, trendCharts: [], cardMaps: [:], warnings: []))
        let summary = try #require(html.components(separatedBy: "id=\"maps\"").first)
        // A5 (the clinic), A6 (the school) and A8 are isolated; the main findings name them one by one,
        // so no sentence before them lists them again.
        #expect(summary.components(separatedBy: "こころクリニック").count - 1 == 1)
        #expect(!summary.contains("はどの機関ともつながっていません。</p>"))
    }
}
