import Testing
@testable import TsunagariKit

/// The case-count rule as a property, tested the way an attacker would work: a small count is
/// *derivable* from the public outputs when every set of case records that gives the same outputs
/// has the same count. For networks with random small counts, each count of 1 or 2 (a pair's
/// failed hand-offs, its other hand-offs, its total, a field pair's and a tag's failed hand-offs)
/// must have another set of records, differing in that count, with byte-identical findings (every
/// kind, severity, tag and sentence in both languages) and referral map (labels, widths, styles:
/// what DOT, SVG, PNG and PDF are drawn from).
@Suite("Case-count rule: no small count can be read or derived")
struct DisclosureTests {
    /// One pair of agencies with hand-offs: failed with the tag, failed without it, the rest.
    struct Pair { var from: String; var to: String; var counts: [Int] }

    static let agencies: [(String, Field, Int?, Int?)] = [
        ("A", .education, nil, nil), ("B", .employment, nil, nil), ("C", .employment, nil, nil),
        ("D", .health, nil, nil), ("E", .medical, nil, nil),
    ]

    func analysis(_ pairs: [Pair], ties: [String]) -> Analysis {
        var referrals: [(String, String, Outcome?, [String])] = []
        for p in pairs {
            referrals += Array(repeating: (p.from, p.to, .refused, ["卒業後"]), count: p.counts[0])
            referrals += Array(repeating: (p.from, p.to, .interrupted, []), count: p.counts[1])
            referrals += Array(repeating: (p.from, p.to, .connected, []), count: p.counts[2])
        }
        return year(Self.agencies, reports: ties, referrals: referrals)
    }

    /// Everything the public outputs say about the cases, as one string.
    func outputs(_ pairs: [Pair], ties: [String]) throws -> String {
        let a = analysis(pairs, ties: ties)
        let findings = findGaps(a).map {
            "\($0.kind) \($0.severity) \($0.agencies) \($0.fields) \($0.tag ?? "") \($0.message.ja) \($0.message.en)"
        }
        var options = MapOptions()
        options.variant = .referrals
        let drawing = try MapDrawing(a, options)
        let legend = drawing.legend.map { entry -> String in
            switch entry {
            case .node(let label, let attributes), .edge(let label, let attributes):
                label + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            }
        }
        return (findings + [drawing.graph.text] + legend).joined(separator: "\n")
    }

    /// The small counts of a set of records, by name.
    func quantities(_ pairs: [Pair]) -> [String: Int] {
        var q: [String: Int] = [:]
        let field = Dictionary(uniqueKeysWithValues: Self.agencies.map { ($0.0, $0.1) })
        for p in pairs {
            let key = "\(p.from)→\(p.to)"
            q["failed \(key)"] = p.counts[0] + p.counts[1]
            q["rest \(key)"] = p.counts[2]
            q["total \(key)"] = p.counts.reduce(0, +)
            q["failed \(field[p.from]!)→\(field[p.to]!)", default: 0] += p.counts[0] + p.counts[1]
            q["tag", default: 0] += p.counts[0]
        }
        return q
    }

    @Test("for random networks, every count of 1 or 2 has an indistinguishable alternative")
    func noSmallCountDerivable() throws {
        var rng = SplitMix64(seed: 20261201)
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        let ordered = Self.agencies.flatMap { a in Self.agencies.filter { $0.0 != a.0 }.map { (a.0, $0.0) } }
        var checked = 0
        for _ in 0..<25 {
            var shuffled = ordered
            for i in shuffled.indices.reversed() { shuffled.swapAt(i, pick(i + 1)) }
            let chosen = shuffled.prefix(2 + pick(3))
            let pairs = chosen.map { p -> Pair in
                var counts = (0..<3).map { _ in [0, 0, 1, 1, 2, 2, 3, 4][pick(8)] }
                if counts.allSatisfy({ $0 == 0 }) { counts[2] = 1 }
                return Pair(from: p.0, to: p.1, counts: counts)
            }
            // Some pairs tied in the survey (their hand-offs are then not "unreported").
            let ties = ordered.filter { _ in pick(4) == 0 }.map { "\($0.0)>\($0.1)" }
            let seen = try outputs(pairs, ties: ties)
            let truth = quantities(pairs)
            for (name, value) in truth.sorted(by: { $0.key < $1.key }) where (1...2).contains(value) {
                checked += 1
                let alternative = try findAlternative(pairs, ties: ties, seen: seen) { quantities($0)[name] != value }
                #expect(
                    alternative != nil,
                    "\(name) = \(value) can be derived from the outputs of \(pairs.map { "\($0.from)→\($0.to) \($0.counts)" })"
                )
            }
        }
        #expect(checked > 40)
    }

    /// Records differing from `pairs` in one or two counts by up to 2 each, with the same outputs
    /// and `differs` true; nil when there are none.
    func findAlternative(_ pairs: [Pair], ties: [String], seen: String, differs: ([Pair]) -> Bool) throws -> [Pair]? {
        let slots = pairs.indices.flatMap { p in (0..<3).map { (p, $0) } }
        let deltas = [-2, -1, 1, 2]
        func apply(_ changes: [((Int, Int), Int)]) -> [Pair]? {
            var out = pairs
            for ((p, k), d) in changes {
                out[p].counts[k] += d
                if out[p].counts[k] < 0 { return nil }
            }
            return out.allSatisfy { $0.counts.reduce(0, +) > 0 } ? out : nil
        }
        var candidates: [[((Int, Int), Int)]] = []
        for (i, s) in slots.enumerated() {
            for d in deltas { candidates.append([(s, d)]) }
            for t in slots[(i + 1)...] { for d in deltas { for e in deltas { candidates.append([(s, d), (t, e)]) } } }
        }
        for change in candidates {
            guard let other = apply(change), differs(other) else { continue }
            if try outputs(other, ties: ties) == seen { return other }
        }
        return nil
    }

    @Test("the rule: cells, totals beside hidden parts, exact copies")
    func rule() {
        let rule = CaseCountRule()
        #expect([0, 1, 2, 3].map(rule.cell) == [.exact(0), .fewerThan(3), .fewerThan(3), .exact(3)])
        #expect(rule.total(of: [4, 5]) == .exact(9))
        #expect(rule.total(of: [4, 1]) == .atLeast(5))  // 5 − 4 would give the hidden 1
        #expect(rule.total(of: [1, 1]) == .fewerThan(3))
        #expect(rule.total(of: [2, 2]) == .atLeast(3))
        #expect(rule.total(of: [0, 4]) == .exact(4))
        #expect(CaseCountRule(exact: true).total(of: [4, 1]) == .exact(5))
        #expect(CaseCount.atLeast(5).text == Text(ja: "5件以上", en: "at least 5"))
    }
}
