import Foundation
import Testing

@testable import TsunagariKit

@Suite("settings.csv: the planner's title, threshold and pathways")
struct SettingsTests {
    /// Four agencies: the desk, the youth support station, the health centre, a family group.
    func network(settings: String) throws -> (TempNetwork, Network, [String]) {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\nA02,A01\nA01,A03\nA03,A01\nA02,A03\nA03,A02\n")
        try net.write(
            "2025/referrals.csv",
            "case,step,from,to,outcome\nC1,1,A02,A04,拒否\nC2,1,A02,A04,拒否\nC3,1,A02,A04,中断\nC4,1,A02,A04,拒否\n")
        try net.write("settings.csv", settings)
        let (network, diagnostics) = net.load()
        return (net, network, diagnostics.sorted.map { $0.line(.en) })
    }

    @Test("each setting changes what it names; the defaults stay for the rest")
    func applied() throws {
        let (_, network, lines) = try network(
            settings: """
                項目,値,値2
                地域名,みどり市
                少数の基準,5
                見込まない,行政・調整,当事者・家族・民間
                主な経路,保健,就労
                必要なつながり,サポステ,みどり家族会

                """)
        #expect(lines.isEmpty)
        let settings = network.settings
        #expect(settings.title == "みどり市" && settings.threshold == 5)
        #expect(settings.importance(.administration, .peersFamiliesNPO) == .notExpected)
        #expect(settings.importance(.health, .employment) == .core)
        #expect(settings.importance(.administration, .health) == .core)  // a default
        let year = try #require(network.years.last)
        #expect(year.settings == settings)
        let findings = findGaps(Analysis(YearNetwork(year)))
        // The required tie between two named agencies, with the hand-offs between them under the
        // threshold of 5: 4 refusals are "fewer than 5".
        let required = try #require(findings.first { $0.kind == .missingPathway })
        #expect(required.agencies == ["A02", "A04"] && required.severity == .high)
        #expect(required.message.en.contains("The area has set this tie as needed"))
        #expect(required.message.en.contains("fewer than 5"))
        #expect(!findings.contains { $0.kind == .failedHandOffs && $0.consequence == .repeatedFailure })
        // The desk and the family group: not expected here, so for reference only.
        let desk = try #require(
            findings.first { $0.kind == .fieldGap && Set($0.fields) == [.administration, .peersFamiliesNPO] })
        #expect(desk.severity == .low)
    }

    @Test("a type pathway from two type words; every bad row reported, with the defaults kept")
    func problems() throws {
        let (net, network, lines) = try network(
            settings: """
                setting,value,value2
                must_have,youth_support_station,family_group
                threshold,2
                colour,red
                core,保健,なんでも
                must_have,A01,どこか

                """)
        #expect(
            network.settings.typePathways.last
                == TypePathway(from: .youthSupportStation, to: [.familyGroup], reason: .planner))
        #expect(network.settings.threshold == 3)
        let file = net.path("settings.csv")
        #expect(lines.contains { $0.hasPrefix("\(file):3:11: error: the threshold '2' cannot be used") })
        #expect(lines.contains { $0.hasPrefix("\(file):4:1: error: 'setting' (項目) 'colour'") })
        #expect(lines.contains { $0.hasPrefix("\(file):5:9: error: 'value2' (値2) 'なんでも'") })
        #expect(lines.contains { $0.hasPrefix("\(file):6:11: warning: 'どこか' of a required tie") })
        let findings = findGaps(Analysis(YearNetwork(try #require(network.years.last))))
        #expect(
            findings.contains {
                $0.kind == .missingPathway && $0.agencies.first == "A02" && $0.message.ja.contains("この地域で必要")
            })
    }
}
