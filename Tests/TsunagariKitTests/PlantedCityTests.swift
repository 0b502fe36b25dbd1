import Foundation
import Testing

@testable import TsunagariKit

/// The findings judged by planted truth: three test cities (scripts/make_planted_cities.py) each
/// start healthy and get problems planted, with the absences that are expected written down. A
/// planner reads the first items; the planted problems must be there, with and without the case
/// records, and no expected absence may come before them. Figures in docs/MEASURES.md.
@Suite("Findings on test cities with planted problems")
struct PlantedCityTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/planted")

    struct Matcher: Decodable {
        var kinds: [String]
        var firstAgency: String?
        var agencies: [String]?
        var fields: [String]?
        var field: String?
        var age: Int?

        func matches(_ f: Finding) -> Bool {
            guard kinds.contains(f.kind.rawValue) else { return false }
            if let firstAgency, f.agencies.first != firstAgency { return false }
            if let agencies, Set(agencies) != Set(f.agencies) { return false }
            if let fields, Set(fields) != Set(f.fields.map(\.en)) { return false }
            if let field, !f.fields.map(\.en).contains(field) { return false }
            if let age {
                switch f.evidence {
                case .ageBoundary(let at, _, _): return at == age
                case .ageBand(let band): return band.ages.min == age
                default: return false
                }
            }
            return true
        }
    }

    /// A planted problem: the findings that show it (`Matcher`'s keys, and any `also`).
    struct Planted: Decodable {
        var id: String
        var needsCases: Bool
        var matchers: [Matcher]

        private enum Keys: String, CodingKey { case id, needsCases, also }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            id = try c.decode(String.self, forKey: .id)
            needsCases = try c.decode(Bool.self, forKey: .needsCases)
            matchers = [try Matcher(from: decoder)] + (try c.decodeIfPresent([Matcher].self, forKey: .also) ?? [])
        }
    }

    struct Truth: Decodable {
        var city: String
        var planted: [Planted]
        var expectedAbsences: [[String]]
    }

    /// Where each planted problem first appears (1-based), and where the first expected absence does.
    struct Outcome {
        var ranks: [String: Int]
        var firstAbsence: Int?
        var inFirstFive: Int { Set(ranks.filter { $0.value <= 5 }.keys).count }
        var inFirstTen: Int { Set(ranks.filter { $0.value <= 10 }.keys).count }
    }

    static func outcome(_ city: String, withCases: Bool) throws -> (Outcome, [Planted]) {
        let url = folder.appendingPathComponent(city)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let truth = try decoder.decode(Truth.self, from: Data(contentsOf: url.appendingPathComponent("truth.json")))
        let loaded = loadNetwork(at: url.path)
        #expect(!loaded.diagnostics.hasErrors)
        var data = try #require(loaded.network.years.last)
        if !withCases { data.referrals = [] }
        let findings = findGaps(Analysis(YearNetwork(data)))
        let planted = truth.planted.filter { withCases || !$0.needsCases }
        var ranks: [String: Int] = [:]
        for p in planted {
            if let i = findings.firstIndex(where: { f in p.matchers.contains { $0.matches(f) } }) {
                ranks[p.id] = i + 1
            }
        }
        let absences = Set(truth.expectedAbsences.map(Set.init))
        let firstAbsence = findings.firstIndex { $0.kind == .fieldGap && absences.contains(Set($0.fields.map(\.en))) }
        return (Outcome(ranks: ranks, firstAbsence: firstAbsence.map { $0 + 1 }), planted)
    }

    @Test(
        "every planted problem in the first ten, at least three in the first five, no expected absence before them",
        arguments: ["sakura", "kaede", "tsubaki"], [true, false])
    func planted(city: String, withCases: Bool) throws {
        let (outcome, planted) = try Self.outcome(city, withCases: withCases)
        for p in planted { #expect(outcome.ranks[p.id] != nil, "\(city): \(p.id) not found") }
        #expect(outcome.inFirstTen == planted.count, "\(city): \(outcome.ranks)")
        #expect(outcome.inFirstFive >= min(3, planted.count), "\(city): \(outcome.ranks)")
        let worst = outcome.ranks.values.max() ?? 0
        #expect((outcome.firstAbsence ?? .max) > worst, "\(city): absence at \(outcome.firstAbsence ?? 0)")
        #expect(outcome.firstAbsence != nil, "\(city): the expected absences are still told, for reference")
    }

    @Test("one item per problem: the tie inside a cut-off structure and its person-dependence are not told again")
    func oneItem() throws {
        let url = Self.folder.appendingPathComponent("tsubaki")
        let data = try #require(loadNetwork(at: url.path).network.years.last)
        let findings = findGaps(Analysis(YearNetwork(data)))
        let council = try #require(findings.first { $0.kind == .articulation })
        guard case .cutOff(let bridges, let personDependent) = council.evidence else {
            Issue.record("no cut-off evidence")
            return
        }
        #expect(bridges.count == 1 && personDependent == bridges)
        let pair = Set(bridges[0].map { council.agencies[$0] })
        #expect(!findings.contains { [.bridge, .personDependent].contains($0.kind) && Set($0.agencies) == pair })
        #expect(council.message.ja.contains("特定の担当者に頼っています"))
    }
}
