import Foundation

/// One thing a planner should look at: a gap, a fragile point, or a suggested connection.
public struct Finding: Sendable, Equatable {
    /// The kinds of finding, in the order they are listed within a severity.
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case isolated, articulation, missingPathway = "missing_pathway", singleTie = "single_tie"
        case fieldGap = "field_gap", ageCoverage = "age_coverage"
        case ageBoundary = "age_boundary", bridge, personDependent = "person_dependent"
        case failedHandOffs = "failed_hand_offs", unreportedHandOff = "unreported_hand_off"
        case oneSided = "one_sided", noAnswer = "no_answer", deadEnd = "dead_end", serviceGap = "service_gap"
        case recommendation
    }

    public enum Severity: String, Sendable, Encodable, Comparable, CaseIterable {
        case high, medium, low
        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// What a finding rests on beyond its kind and agencies: the numbers and words its sentence
    /// is made from (`Finding.message`). Positions in `agencies` where one is needed.
    public enum Evidence: Sendable, Equatable {
        case none
        /// Field gap without any tie: the two fields' sizes, how much the pathway between them
        /// matters, and the hand-offs between them that failed or that no tie carries.
        case noTieBetweenFields(sizes: [Int], pathway: PathwayImportance, cases: CaseCount?)
        /// Field gap with fewer ties than expected from the fields' sizes and the density.
        case fewTiesBetweenFields(observed: Int, expected: Double, pathway: PathwayImportance)
        /// The first agency has no tie to any agency of the pathway's types (`candidates` of them;
        /// the second agency is the one suggested first); whether the two fields have no tie at
        /// all; the hand-offs between the agency and those types (none carried by a tie).
        case pathway(TypePathway, candidates: Int, fieldsUntied: Bool, cases: CaseCount?)
        /// settings.csv asks for a tie between the two agencies; the hand-offs between them.
        case requiredTie(cases: CaseCount?)
        /// If the first agency stepped back, the others would be cut off: the positions of the
        /// single ties (bridges) inside that structure, and which of them rest on one person.
        case cutOff(bridges: [[Int]], personDependent: [[Int]])
        /// The age band no age-specific service covers, or only the one agency of `agencies`.
        case ageBand(AgeBand)
        /// Support ending at `age` for the first `ending` agencies; `bridge`, when there is one,
        /// the positions of the one tie that carries it on.
        case ageBoundary(age: Int, ending: Int, bridge: [Int]?)
        /// A tie resting on one person; whether it is also a bridge, and whether it is the only
        /// tie of a pathway (between its two fields, or of a type pathway).
        case personDependent(isBridge: Bool, onlyOfPathway: Bool)
        /// Hand-offs counted under the case-count rule.
        case handOffs(CaseCount)
        /// A service of the resource map: missing for `band` (nil: for every band it is expected
        /// for), offered there by one agency only, or offered by agencies of one field alone.
        case serviceGap(Service, band: AgeBand?, ServiceSituation)
        /// A need the first agency states that the others (agencies without a tie to it yet) meet
        /// with their services or strengths; the pathway between the first two agencies' fields.
        case need(Need, pathway: PathwayImportance)
        /// A suggested connection: shared partners, across fields, the age boundary it spans or
        /// the age band both serve.
        case recommendation(
            shared: Int, crossField: Bool, boundary: Int?, band: AgeBand?, fields: [Field], pathway: PathwayImportance)
    }

    public var kind: Kind
    public var severity: Severity { consequence.severity }
    /// IDs of the agencies involved.
    public var agencies: [String]
    /// The display names of `agencies`, in the same order (for the wording).
    public var names: [String]
    /// Fields involved (field gaps, failed hand-offs between fields).
    public var fields: [Field]
    /// The gap tag (はざま) of the cases a finding counts, if it counts cases by tag.
    public var tag: String?
    public var evidence: Evidence
    /// Ranking score of a recommended connection.
    public var score: Double?
    /// How grave the consequence is: the findings are listed in this order (`Consequence`).
    public var consequence: Consequence

    /// What a finding would cost the people the network serves, gravest first; the order of the
    /// list (and of the report's main findings). Severity follows from it.
    public enum Consequence: Int, Sendable, Comparable, CaseIterable {
        /// Agencies that are, or would be, cut off from the network.
        case cutOff = 1
        /// A core pathway missing (with the cases that failed along it first).
        case missingCorePathway
        /// An age band no service covers; support that ends at an age with nothing after it.
        case ageCliff
        /// Hand-offs that failed repeatedly (at least the small-count threshold) on one pair.
        case repeatedFailure
        /// A tie that is the only one of its pathway and rests on one person, or a bridge.
        case fragileOnlyTie
        /// The rest worth attention.
        case attention
        /// For reference: absences no one expects, survey quality, suggestions.
        case reference

        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

        var severity: Severity {
            switch self {
            case .cutOff, .missingCorePathway, .ageCliff, .repeatedFailure, .fragileOnlyTie: .high
            case .attention: .medium
            case .reference: .low
            }
        }
    }
}

/// How a service of the resource map falls short.
public enum ServiceSituation: String, Sendable, Encodable {
    case missing, singleAgency = "single_agency", oneField = "one_field"
}

extension Finding: Encodable {
    private enum Keys: String, CodingKey { case kind, severity, agencies, fields, tag, evidence, message, score }

    /// Kind, severity, agencies (IDs), fields and tag as plain strings, the evidence (agencies by
    /// ID, counts under the case-count rule), the sentence in both languages, the score.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(agencies, forKey: .agencies)
        try c.encode(fields.map(\.en), forKey: .fields)
        try c.encodeIfPresent(tag, forKey: .tag)
        try c.encode(EvidenceJSON(evidence, agencies: agencies), forKey: .evidence)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(score, forKey: .score)
    }
}

/// A finding's evidence as JSON: `{"type": …, …}` with agencies by ID and counts as the case-count
/// rule shows them ("<3", "5+", "4").
private struct EvidenceJSON: Encodable {
    let evidence: Finding.Evidence
    let agencies: [String]

    init(_ evidence: Finding.Evidence, agencies: [String]) { (self.evidence, self.agencies) = (evidence, agencies) }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        func put(_ value: some Encodable, _ key: String) throws { try c.encode(value, forKey: Key(key)) }
        func ids(_ positions: [[Int]]) -> [[String]] { positions.map { $0.map { agencies[$0] } } }
        switch evidence {
        case .none: try put("none", "type")
        case .noTieBetweenFields(let sizes, let pathway, let cases):
            try put("no_tie_between_fields", "type")
            try put(sizes, "sizes")
            try put(pathway, "pathway")
            if let cases { try put(cases.short, "cases") }
        case .fewTiesBetweenFields(let observed, let expected, let pathway):
            try put("few_ties_between_fields", "type")
            try put(observed, "observed")
            try put((expected * 100).rounded() / 100, "expected")
            try put(pathway, "pathway")
        case .pathway(let rule, let candidates, let fieldsUntied, let cases):
            try put("type_pathway", "type")
            try put(rule.from.en, "from_type")
            try put(rule.to.map(\.en), "to_types")
            try put(rule.reason, "reason")
            try put(candidates, "candidates")
            try put(fieldsUntied, "fields_untied")
            if let cases { try put(cases.short, "cases") }
        case .requiredTie(let cases):
            try put("required_tie", "type")
            if let cases { try put(cases.short, "cases") }
        case .cutOff(let bridges, let personDependent):
            try put("cut_off", "type")
            try put(ids(bridges), "single_ties")
            try put(ids(personDependent), "person_dependent")
        case .ageBand(let band):
            try put("age_band", "type")
            try put(band.en, "band")
        case .ageBoundary(let age, let ending, let bridge):
            try put("age_boundary", "type")
            try put(age, "age")
            try put(Array(agencies.prefix(ending)), "ending")
            if let bridge { try put(ids([bridge])[0], "bridge") }
        case .personDependent(let isBridge, let onlyOfPathway):
            try put("person_dependent", "type")
            try put(isBridge, "bridge")
            try put(onlyOfPathway, "only_tie_of_pathway")
        case .handOffs(let count):
            try put("hand_offs", "type")
            try put(count.short, "count")
        case .serviceGap(let service, let band, let situation):
            try put("service_gap", "type")
            try put(service.en, "service")
            if let band { try put(band.en, "age_band") }
            try put(situation, "situation")
        case .need(let need, let pathway):
            try put("need", "type")
            try put(need.key, "need")
            try put(pathway, "pathway")
        case .recommendation(let shared, let crossField, let boundary, let band, let fields, let pathway):
            try put("recommendation", "type")
            try put(shared, "shared_partners")
            try put(crossField, "cross_field")
            if let boundary { try put(boundary, "age_boundary") }
            if let band { try put(band.en, "band") }
            try put(fields.map(\.en), "fields")
            try put(pathway, "pathway")
        }
    }
}

/// Options for finding gaps.
public struct GapOptions: Sendable {
    /// How case counts are shown: small ones hidden, unless for internal use (`CaseCountRule`).
    public var counts = CaseCountRule()
    /// How many recommended connections to list.
    public var recommendations = 10

    public init() {}
}

/// Age boundaries where support commonly ends (docs/DOMAIN.md §3): end of compulsory school, 18 and 20,
/// the youth policy line at 39/40, youth support stations at 49/50, elder care at 64/65.
/// The number is the first age on the far side.
public let ageBoundaries = [15, 18, 20, 40, 50, 65]

/// The boundary an agency's services end at: the one nearest its upper age + 1, within 2 years.
func endingBoundary(_ agency: Agency) -> Int? {
    guard let top = agency.ageMax else { return nil }
    let next = top + 1
    return ageBoundaries.filter { abs($0 - next) <= 2 }.min { (abs($0 - next), $0) < (abs($1 - next), $1) }
}

/// Whether the agency states an age range at all (one without limits serves every age).
func hasAgeLimit(_ agency: Agency) -> Bool { agency.ageMin != nil || agency.ageMax != nil }

func serves(_ agency: Agency, age: Int) -> Bool {
    (agency.ageMin ?? 0) <= age && age <= (agency.ageMax ?? Int.max)
}

func serves(_ agency: Agency, band: AgeBand) -> Bool {
    (agency.ageMin ?? 0) <= (band.ages.max ?? Int.max) && band.ages.min <= (agency.ageMax ?? Int.max)
}

/// Finds the gaps in a year's network (docs/DOMAIN.md §1, §3 and §10), one item per problem, the
/// gravest consequence first.
///
/// Order: `Finding.Consequence`, then the weight of the consequence within it (how many agencies
/// would be cut off; whether cases failed along a missing pathway; how many ties were expected),
/// then kind (`Finding.Kind`'s order), a recommendation's score, the agencies (by ID, natural
/// order), fields and tag; never the wording. Weights never depend on a hidden case count.
public func findGaps(_ analysis: Analysis, options: GapOptions = GapOptions()) -> [Finding] {
    var finder = GapFinder(analysis: analysis, options: options)
    finder.run()
    // Sort keys computed once: a large network has hundreds of thousands of findings. Agencies
    // are numbered in the natural order of their IDs, so their numbers order the findings by ID.
    let findings = finder.findings, members = finder.members, weights = finder.weights
    let kindRank = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
    let rank = findings.map { ($0.consequence.rawValue, kindRank[$0.kind]!) }
    return findings.indices.sorted { i, j in
        if rank[i].0 != rank[j].0 { return rank[i].0 < rank[j].0 }
        if weights[i] != weights[j] { return weights[i] > weights[j] }
        if rank[i].1 != rank[j].1 { return rank[i].1 < rank[j].1 }
        if let si = findings[i].score, let sj = findings[j].score, si != sj { return si > sj }
        if members[i] != members[j] { return members[i].lexicographicallyPrecedes(members[j]) }
        let (fi, fj) = (findings[i].fields.map(\.rawValue), findings[j].fields.map(\.rawValue))
        if fi != fj { return fi.lexicographicallyPrecedes(fj) }
        if findings[i].tag != findings[j].tag { return (findings[i].tag ?? "") < (findings[j].tag ?? "") }
        return findings[i].evidence.order < findings[j].evidence.order
    }.map { findings[$0] }
}

extension Finding.Evidence {
    public var isNoTieBetweenFields: Bool { if case .noTieBetweenFields = self { true } else { false } }

    /// A type pathway missing where the two fields have no tie at all either.
    public var fieldsUntied: Bool { if case .pathway(_, _, true, _) = self { true } else { false } }

    /// Orders findings that agree on everything else (the age bands of two age-coverage findings).
    var order: Int {
        switch self {
        case .ageBand(let band): band.rawValue
        case .serviceGap(let service, let band, _): service.rawValue * 10 + (band.map { $0.rawValue + 1 } ?? 0)
        case .ageBoundary(let age, _, _): age
        case .pathway(let rule, _, _, _): rule.from.rawValue * 100 + (rule.to.first?.rawValue ?? 0)
        default: 0
        }
    }
}

extension Finding {
    /// The agencies that make the finding what it is, leaving out a partner it only suggests (the
    /// first partner of a missing pathway, the pair of a field gap): what compares it across years.
    public var subjects: [String] {
        switch (kind, evidence) {
        case (.missingPathway, .pathway): Array(agencies.prefix(1))
        case (.fieldGap, _): []
        default: agencies
        }
    }
}

private struct GapFinder {
    typealias Consequence = Finding.Consequence
    let analysis: Analysis
    let options: GapOptions
    var findings: [Finding] = []
    /// The agency numbers of each finding, and the weight of its consequence, for sorting.
    var members: [[Int]] = []
    var weights: [Double] = []
    /// Single-tie agencies and bridges already told as part of a cut-off structure.
    var toldSingles = Set<Int>(), toldBridges = Set<CutPoints.Pair>()
    /// Field pairs (`a * 100 + b`, a < b) whose gap a type pathway already tells.
    var toldFieldPairs = Set<Int>()
    /// By pair of agencies (`a * n + b`, a < b): the hand-offs between them in either direction,
    /// split by direction and outcome (the parts a total is shown beside).
    var handOffs: [Int: [Int]] = [:]
    /// By pair of fields (`a * 100 + b`, a < b): whether any hand-off between them failed or was
    /// not carried by a tie (case evidence that raises the pair's gap).
    var fieldPairsWithCases = Set<Int>()
    /// Ties by pair of fields (`a * 100 + b`, a ≤ b).
    var tiesByFields: [Int: Int] = [:]

    var agencies: [Agency] { analysis.network.agencies }
    var g: Graph { analysis.network.worksWith }
    var settings: NetworkSettings { analysis.network.data.settings }
    /// The case-count rule: the options', with the network's threshold where that is higher.
    var counts: CaseCountRule {
        CaseCountRule(threshold: max(options.counts.threshold, settings.threshold), exact: options.counts.exact)
    }

    init(analysis: Analysis, options: GapOptions) {
        self.analysis = analysis
        self.options = options
    }

    mutating func run() {
        countTies()
        countHandOffs()
        fragility()
        isolation()
        oneSidedAndSilent()
        typePathways()
        requiredTies()
        fieldGaps()
        ageGaps()
        serviceGaps()
        referralEvidence()
        needs()
        recommendations()
    }

    mutating func add(
        _ kind: Finding.Kind, _ consequence: Consequence, _ ids: [Int], fields: [Field] = [], tag: String? = nil,
        _ evidence: Finding.Evidence = .none, score: Double? = nil, weight: Double = 0
    ) {
        findings.append(
            Finding(
                kind: kind, agencies: ids.map { agencies[$0].id }, names: ids.map { agencies[$0].displayName },
                fields: fields, tag: tag, evidence: evidence, score: score, consequence: consequence))
        members.append(ids)
        weights.append(weight)
    }

    static func fieldKey(_ a: Field, _ b: Field) -> Int {
        min(a.rawValue, b.rawValue) * 100 + max(a.rawValue, b.rawValue)
    }

    mutating func countTies() {
        for tie in analysis.network.ties {
            tiesByFields[Self.fieldKey(agencies[tie.a].field, agencies[tie.b].field), default: 0] += 1
        }
    }

    mutating func countHandOffs() {
        let n = agencies.count
        for r in analysis.network.data.referrals where r.from != r.to {
            let (a, b) = (min(r.from, r.to), max(r.from, r.to))
            // Parts: failed a→b, other a→b, failed b→a, other b→a.
            let part = (r.from == a ? 0 : 2) + (r.outcome?.isFailure == true ? 0 : 1)
            handOffs[a * n + b, default: [0, 0, 0, 0]][part] += 1
            if r.outcome?.isFailure == true || !g.hasEdge(r.from, r.to) {
                fieldPairsWithCases.insert(Self.fieldKey(agencies[r.from].field, agencies[r.to].field))
            }
        }
    }

    /// The hand-offs between `a` and every agency of `others`, under the case-count rule; nil for none.
    func handOffsBetween(_ a: Int, _ others: [Int]) -> CaseCount? {
        let n = agencies.count
        let parts = others.flatMap { b in handOffs[min(a, b) * n + max(a, b)] ?? [] }.filter { $0 > 0 }
        return parts.isEmpty ? nil : counts.total(of: parts)
    }

    // MARK: 1. agencies cut off, isolated agencies, agencies with a single tie

    /// One item per structure that holds agencies to the network: the cut point whose leaving
    /// would cut them off, with the single ties (bridges) inside it and the cut points further in
    /// along them (a chain 社協 – NPO – peer groups is one problem, not three), and which of those
    /// ties rest on one person. A cut point that would cut off one agency is that agency's single
    /// tie (`singleTie`).
    mutating func fragility() {
        let cuts = analysis.cutPoints
        let points = cuts.articulationPoints.filter { (cuts.cutOff[$0]?.count ?? 0) >= 2 }
            .sorted { ((cuts.cutOff[$0]?.count ?? 0), $1) > ((cuts.cutOff[$1]?.count ?? 0), $0) }
        let isPoint = Set(points)
        var bridgesAt: [Int: [CutPoints.Pair]] = [:]
        for b in cuts.bridges {
            bridgesAt[b.a, default: []].append(b)
            bridgesAt[b.b, default: []].append(b)
        }
        var personDependent = Set<CutPoints.Pair>()
        for tie in analysis.network.ties where tie.personDependent {
            personDependent.insert(CutPoints.Pair(a: min(tie.a, tie.b), b: max(tie.a, tie.b)))
        }
        var toldPoints = Set<Int>()
        for p in points where !toldPoints.contains(p) {
            let cut = cuts.cutOff[p] ?? []
            let inside = Set(cut)
            var chain = [p], bridges: [CutPoints.Pair] = []
            var k = 0
            while k < chain.count {
                for b in bridgesAt[chain[k]] ?? [] where !bridges.contains(b) {
                    let other = b.a == chain[k] ? b.b : b.a
                    guard inside.contains(other) else { continue }
                    bridges.append(b)
                    if isPoint.contains(other) && !chain.contains(other) { chain.append(other) }
                }
                k += 1
            }
            toldPoints.formUnion(chain)
            toldBridges.formUnion(bridges)
            toldSingles.formUnion(cut.filter { g.outDegree($0) == 1 })
            let ids = [p] + cut
            func positions(_ b: CutPoints.Pair) -> [Int] { [ids.firstIndex(of: b.a)!, ids.firstIndex(of: b.b)!] }
            add(
                .articulation, .cutOff, ids,
                .cutOff(
                    bridges: bridges.map(positions),
                    personDependent: bridges.filter(personDependent.contains).map(positions)),
                weight: Double(cut.count))
        }
        for b in cuts.bridges where !toldBridges.contains(b) && g.outDegree(b.a) > 1 && g.outDegree(b.b) > 1 {
            add(.bridge, .fragileOnlyTie, [b.a, b.b])
        }
        // A tie is the only one of its pathway when it is the only tie between its two fields
        // (core or common) or the only tie that gives an agency a type pathway.
        let bridges = Set(cuts.bridges)
        var onlyPathwayTies = Set<CutPoints.Pair>()
        for rule in settings.typePathways {
            for v in agencies.indices where agencies[v].type == rule.from {
                let partners = g.successors(v).map(Int.init).filter { w in
                    agencies[w].type.map(rule.to.contains) ?? false
                }
                if partners.count == 1 {
                    onlyPathwayTies.insert(CutPoints.Pair(a: min(v, partners[0]), b: max(v, partners[0])))
                }
            }
        }
        for tie in analysis.network.ties where tie.personDependent {
            let pair = CutPoints.Pair(a: min(tie.a, tie.b), b: max(tie.a, tie.b))
            guard !toldBridges.contains(pair) else { continue }
            let (fa, fb) = (agencies[tie.a].field, agencies[tie.b].field)
            let onlyOfFields =
                fa != fb && settings.importance(fa, fb) != .notExpected
                && tiesByFields[Self.fieldKey(fa, fb)] == 1
            let only = onlyOfFields || onlyPathwayTies.contains(pair)
            let isBridge = bridges.contains(pair)
            add(
                .personDependent, only || isBridge ? .fragileOnlyTie : .attention, [tie.a, tie.b],
                .personDependent(isBridge: isBridge, onlyOfPathway: only))
        }
    }

    mutating func isolation() {
        for v in 0..<g.nodeCount {
            switch g.outDegree(v) {
            case 0: add(.isolated, .cutOff, [v], weight: 1)
            case 1 where !toldSingles.contains(v):
                add(.singleTie, .attention, [v, Int(g.successors(v)[g.successors(v).startIndex])])
            default: break
            }
        }
    }

    // MARK: 2. one-sided ties, agencies that did not answer

    mutating func oneSidedAndSilent() {
        let responded = analysis.network.responded
        for tie in analysis.network.ties where !tie.isConfirmed {
            let (reporter, partner) = tie.reportAB != nil ? (tie.a, tie.b) : (tie.b, tie.a)
            guard responded[partner] else { continue }  // the partner did not answer at all: see no_answer
            add(.oneSided, .reference, [reporter, partner])
        }
        for v in 0..<g.nodeCount where !responded[v] && g.outDegree(v) > 0 {
            add(.noAnswer, .reference, [v])
        }
    }

    // MARK: 3. missing pathways: between agency types, between fields (制度のはざま)

    /// Every agency of a pathway's `from` type without a tie to any agency of its `to` types,
    /// where the network has both; the partner suggested first is the one it shares most partners
    /// with (then the one with most ties). Told before the field pair's gap, which it then replaces.
    mutating func typePathways() {
        // A planner who set the fields of a pathway as not expected here does not expect it either.
        for rule in settings.typePathways
        where !rule.to.allSatisfy({ settings.fieldPathways[[rule.from.field, $0.field]] == .notExpected }) {
            let targets = agencies.indices.filter { agencies[$0].type.map(rule.to.contains) ?? false }
            guard !targets.isEmpty else { continue }
            let targetSet = Set(targets)
            // The suggestion is sought among the 20 with most ties (bounded work on a large network).
            let likely = targets.sorted { (g.outDegree($0), $1) > (g.outDegree($1), $0) }.prefix(20)
            for v in agencies.indices where agencies[v].type == rule.from {
                guard !g.successors(v).contains(where: { targetSet.contains(Int($0)) }) else { continue }
                let partners = Set(g.successors(v).map(Int.init))
                let suggested = likely.max { x, y in
                    let sx = g.successors(x).count { partners.contains(Int($0)) }
                    let sy = g.successors(y).count { partners.contains(Int($0)) }
                    return (sx, g.outDegree(x), y) < (sy, g.outDegree(y), x)
                }!
                let fields = Set(targets.map { agencies[$0].field })
                let untied = fields.allSatisfy { tiesByFields[Self.fieldKey(agencies[v].field, $0), default: 0] == 0 }
                if untied { toldFieldPairs.formUnion(fields.map { Self.fieldKey(agencies[v].field, $0) }) }
                let cases = handOffsBetween(v, targets)
                add(
                    .missingPathway, .missingCorePathway, [v, suggested],
                    fields: [agencies[v].field, agencies[suggested].field],
                    .pathway(rule, candidates: targets.count, fieldsUntied: untied, cases: cases),
                    weight: cases == nil ? 1_000 : 2_000)
            }
        }
    }

    /// The ties settings.csv asks for between two named agencies, where there is none.
    mutating func requiredTies() {
        for tie in settings.requiredTies {
            guard let (a, b) = tie.agencies(in: analysis.network.data), !g.hasEdge(a, b) else { continue }
            let cases = handOffsBetween(a, [b])
            add(
                .missingPathway, .missingCorePathway, [a, b], fields: [agencies[a].field, agencies[b].field],
                .requiredTie(cases: cases), weight: cases == nil ? 1_000 : 2_000)
        }
    }

    /// A field pair without ties is as grave as its pathway (core, common, not expected), raised
    /// when hand-offs between the fields failed or were not carried by any tie, and lowered when
    /// the fields are so small that not even one tie was to be expected (λ < 1: with λ expected
    /// ties, none at all has chance e^−λ, 37 % for λ = 1).
    mutating func fieldGaps() {
        var size = [Field: Int]()
        for agency in agencies { size[agency.field, default: 0] += 1 }
        for pair in analysis.summary.fieldMixing where pair.a != pair.b {
            let key = Self.fieldKey(pair.a, pair.b)
            guard !toldFieldPairs.contains(key) else { continue }
            let pathway = settings.importance(pair.a, pair.b)
            let hasCases = fieldPairsWithCases.contains(key)
            if pair.observed == 0 {
                let consequence: Consequence
                switch (hasCases, pathway) {
                case (true, _): consequence = .missingCorePathway
                case (false, .core): consequence = pair.expected >= 1 ? .missingCorePathway : .attention
                case (false, .common): consequence = pair.expected >= 1 ? .attention : .reference
                case (false, .notExpected): consequence = .reference
                }
                let cases = hasCases ? counts.total(of: referralsAcross(pair.a, pair.b)) : nil
                let suggested = pathway == .notExpected ? [] : firstPair(pair.a, pair.b)
                add(
                    .fieldGap, consequence, suggested, fields: [pair.a, pair.b],
                    .noTieBetweenFields(
                        sizes: [size[pair.a, default: 0], size[pair.b, default: 0]], pathway: pathway, cases: cases),
                    weight: (hasCases ? 100 : 0) + pair.expected)
            } else if pair.expected >= 2 && Double(pair.observed) < pair.expected / 4 && pathway != .notExpected {
                add(
                    .fieldGap, pathway == .core ? .attention : .reference, [], fields: [pair.a, pair.b],
                    .fewTiesBetweenFields(observed: pair.observed, expected: pair.expected, pathway: pathway),
                    weight: pair.expected)
            }
        }
    }

    /// The pair to tie first across two untied fields, even if they share no partner: of the 20
    /// agencies of each field with most ties, the pair with most shared partners, then most ties.
    func firstPair(_ a: Field, _ b: Field) -> [Int] {
        func top(_ f: Field) -> [Int] {
            Array(
                agencies.indices.filter { agencies[$0].field == f }.sorted {
                    (g.outDegree($0), $1) > (g.outDegree($1), $0)
                }.prefix(20))
        }
        var best: (shared: Int, ties: Int, x: Int, y: Int)?
        for x in top(a) {
            let partners = Set(g.successors(x).map(Int.init))
            for y in top(b) {
                let shared = g.successors(y).count { partners.contains(Int($0)) }
                let candidate = (shared, g.outDegree(x) + g.outDegree(y), x, y)
                if best.map({
                    (candidate.0, candidate.1, -candidate.2, -candidate.3) > ($0.shared, $0.ties, -$0.x, -$0.y)
                }) ?? true {
                    best = candidate
                }
            }
        }
        return best.map { [$0.x, $0.y] } ?? []
    }

    /// The counts of hand-offs between fields `a` and `b` by pair of agencies and outcome (the
    /// parts of the total a field gap shows).
    func referralsAcross(_ a: Field, _ b: Field) -> [Int] {
        let n = agencies.count
        return handOffs.sorted { $0.key < $1.key }.filter { key, _ in
            let (x, y) = (key / n, key % n)
            return Set([agencies[x].field, agencies[y].field]) == Set([a, b])
        }.flatMap(\.value).filter { $0 > 0 }
    }

    // MARK: 4. age bands and age boundaries (切れ目のない支援)

    mutating func ageGaps() {
        // Age-specific services only: an agency without age limits serves every band, and counting
        // it would hide that no service is made for the band.
        for band in AgeBand.allCases {
            let serving = agencies.indices.filter { hasAgeLimit(agencies[$0]) && serves(agencies[$0], band: band) }
            if serving.count <= 1 {
                add(.ageCoverage, serving.isEmpty ? .ageCliff : .attention, serving, .ageBand(band))
            }
        }
        for boundary in ageBoundaries {
            let ending = agencies.indices.filter { endingBoundary(agencies[$0]) == boundary }
            guard !ending.isEmpty else { continue }
            // Age-specific services that carry on past the boundary; agencies without any age limit
            // are left out: the question is whether one age-specific service hands on to the next.
            let receiving = Set(
                agencies.indices.filter {
                    hasAgeLimit(agencies[$0]) && serves(agencies[$0], age: boundary)
                        && endingBoundary(agencies[$0]) != boundary
                })
            let endingSet = Set(ending)
            let bridges = analysis.network.ties.filter {
                (endingSet.contains($0.a) && receiving.contains($0.b))
                    || (endingSet.contains($0.b) && receiving.contains($0.a))
            }
            guard bridges.count <= 1 else { continue }
            let involved = ending + bridges.flatMap { [$0.a, $0.b] }.filter { !ending.contains($0) }
            let bridge = bridges.first.map { tie in [tie.a, tie.b].map { involved.firstIndex(of: $0)! } }
            add(
                .ageBoundary, bridges.isEmpty ? .ageCliff : .attention, involved,
                .ageBoundary(age: boundary, ending: ending.count, bridge: bridge))
        }
    }

    /// The gaps of the resource map (`ServiceMatrix`), one item per problem:
    /// - a service no agency offers to an age band where one is expected (`Service.expectedBands`),
    ///   told once for the service when it is missing from every such band: an age cliff for 相談
    ///   and 訪問・アウトリーチ (no way in at that age), worth attention for the others;
    /// - an expected band that one agency alone serves with the service (fragile: if it stops,
    ///   the band has none), for reference;
    /// - a service that agencies of one field alone offer, for reference (people who never reach
    ///   that field do not meet it), unless it is the service's own field (`Service.homeField`).
    /// Nothing is found when no agency states its services.
    mutating func serviceGaps() {
        let matrix = analysis.services
        guard matrix.hasProfiles else { return }
        for service in Service.allCases {
            let bands = service.expectedBands
            let missing = bands.filter { matrix[service, $0].isEmpty }
            let grave: Consequence = service == .consultation || service == .outreach ? .ageCliff : .attention
            if missing.count == bands.count {
                add(.serviceGap, grave, [], .serviceGap(service, band: nil, .missing), weight: Double(bands.count))
                continue
            }
            for band in missing { add(.serviceGap, grave, [], .serviceGap(service, band: band, .missing), weight: 1) }
            for band in bands where matrix[service, band].count == 1 {
                add(.serviceGap, .reference, matrix[service, band], .serviceGap(service, band: band, .singleAgency))
            }
            let offering = matrix.offering(service)
            let fields = Set(offering.map { agencies[$0].field })
            if offering.count >= 2, fields.count == 1, fields.first != service.homeField {
                add(
                    .serviceGap, .reference, offering, fields: Array(fields), .serviceGap(service, band: nil, .oneField)
                )
            }
        }
    }

    /// Needs that others meet (the group-work sheet): for each need an agency states, the
    /// agencies that offer it to people of its ages (a service of theirs, or a strength with the
    /// same words) and have no tie with it yet, at most three, those along the more important pathway first (settings
    /// and docs/DOMAIN.md §10), then by ID. One suggestion per need, for reference.
    mutating func needs() {
        let (agencies, g, settings) = (self.agencies, self.g, self.settings)
        guard agencies.contains(where: { !$0.needs.isEmpty }) else { return }
        // Who might meet each need, found once: by service key and by strength (linear in the profiles).
        var offering: [String: [Int]] = [:]
        for (b, agency) in agencies.enumerated() {
            let keys = Set(agency.services.map { Need.service($0.service).key } + agency.strengths.map(\.key))
            for key in keys { offering[key, default: []].append(b) }
        }
        for (a, agency) in agencies.enumerated() {
            let served = (agency.ageMin ?? 0)...(agency.ageMax ?? 120)
            for need in agency.needs {
                let meeting = (offering[need.key] ?? []).filter { b in
                    b != a && !g.hasEdge(a, b) && !g.hasEdge(b, a) && Self.meets(agencies[b], need, for: served)
                }
                guard !meeting.isEmpty else { continue }
                let rank = meeting.map { b -> Int in
                    switch settings.importance(agency.field, agencies[b].field) {
                    case .core: 0
                    case .common: 1
                    case .notExpected: 2
                    }
                }
                let chosen = meeting.indices.sorted { (rank[$0], meeting[$0]) < (rank[$1], meeting[$1]) }.prefix(3)
                    .map { meeting[$0] }
                let pathway = settings.importance(agency.field, agencies[chosen[0]].field)
                add(.recommendation, .reference, [a] + chosen, .need(need, pathway: pathway))
            }
        }
    }

    /// Whether `agency` meets `need` for people `served` (ages that the needing agency serves): it
    /// offers the service to some of those ages, or states the need (the same words) as a strength
    /// and serves some of them.
    static func meets(_ agency: Agency, _ need: Need, for served: ClosedRange<Int>) -> Bool {
        func overlaps(_ r: ClosedRange<Int>) -> Bool { r.overlaps(served) }
        let own = (agency.ageMin ?? 0)...(agency.ageMax ?? 120)
        if case .service(let service) = need,
            agency.services.contains(where: { $0.service == service && overlaps($0.ages ?? own) })
        {
            return true
        }
        return overlaps(own) && agency.strengths.contains { $0.key == need.key }
    }

    // MARK: 5. referral evidence

    /// Hand-offs the survey does not show (one item per pair, both directions), hand-offs that
    /// failed by pair, by pair of fields and by tag, and agencies that receive but never hand on.
    /// A consequence never depends on a hidden count, or it would reveal the count: a pair's
    /// failures are repeated only when shown (at least the threshold), and otherwise as grave as
    /// the pathway they fail along.
    mutating func referralEvidence() {
        let n = agencies.count
        let rule = counts
        for (key, parts) in handOffs.sorted(by: { $0.key < $1.key }) where !g.hasEdge(key / n, key % n) {
            add(.unreportedHandOff, .attention, [key / n, key % n], .handOffs(rule.total(of: parts.filter { $0 > 0 })))
        }
        var failedByPair: [Int: Int] = [:]
        // Failed hand-offs by pair of fields and by tag, each split by pair of agencies: the
        // parts that the pairs' own findings show beside these totals (`CaseCountRule.total`).
        var failedByFields: [Int: [Int: Int]] = [:], failedByTag: [String: [Int: Int]] = [:]
        for r in analysis.network.data.referrals where r.outcome?.isFailure == true {
            let pair = r.from * n + r.to
            failedByPair[pair, default: 0] += 1
            failedByFields[agencies[r.from].field.rawValue * 100 + agencies[r.to].field.rawValue, default: [:]][
                pair, default: 0] += 1
            for tag in r.gaps { failedByTag[tag, default: [:]][pair, default: 0] += 1 }
        }
        for (key, count) in failedByPair.sorted(by: { $0.key < $1.key }) {
            let (from, to) = (key / n, key % n)
            let along = alongPathway(from, to)
            let consequence: Consequence =
                !rule.isHidden(count) && count >= rule.threshold ? .repeatedFailure : along ? .attention : .reference
            add(.failedHandOffs, consequence, [from, to], .handOffs(rule.cell(count)), weight: along ? 1 : 0)
        }
        for (key, parts) in failedByFields.sorted(by: { $0.key < $1.key })
        where parts.values.reduce(0, +) >= rule.threshold {
            let fields = [Field(rawValue: key / 100)!, Field(rawValue: key % 100)!]
            add(
                .failedHandOffs, .attention, [], fields: fields,
                .handOffs(rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value))))
        }
        for (tag, parts) in failedByTag.sorted(by: { $0.key < $1.key }) {
            let total = parts.values.reduce(0, +)
            add(
                .failedHandOffs, total >= rule.threshold ? .attention : .reference, [], tag: tag,
                .handOffs(rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value))))
        }
        let flow = analysis.network.referralFlow
        for v in 0..<n where flow.inDegree(v) > 0 && flow.outDegree(v) == 0 {
            add(.deadEnd, .reference, [v])
        }
    }

    /// Whether a hand-off from `a` to `b` runs along a core field pathway or a type pathway.
    func alongPathway(_ a: Int, _ b: Int) -> Bool {
        if agencies[a].field != agencies[b].field && settings.importance(agencies[a].field, agencies[b].field) == .core
        {
            return true
        }
        return settings.typePathways.contains { rule in
            [(a, b), (b, a)].contains { x, y in
                agencies[x].type == rule.from && (agencies[y].type.map(rule.to.contains) ?? false)
            }
        }
    }

    // MARK: 6. recommended connections

    /// Pairs without a tie scored by their shared partners, each weighted 1 / log k by the shared
    /// partner's number of ties k (Adamic & Adar 2003; Liben-Nowell & Kleinberg 2007), times the
    /// weight of the pathway between their fields (1.5 core, 1.2 common, 0.5 not expected, 1 within
    /// a field) and 1.5 when it spans an age boundary (else 1.2 for a shared age band). Only the best `options.recommendations` are kept, so a pair whose score could not
    /// reach them even with both bonuses is not examined further: O(Σ_w k_w²) array updates.
    mutating func recommendations() {
        typealias Candidate = (
            score: Double, a: Int, b: Int, shared: Int, crossField: Bool, ages: AgeBand?, boundary: Int?,
            pathway: PathwayImportance
        )
        let n = g.nodeCount, keep = options.recommendations
        guard keep > 0 else { return }
        let limited = agencies.map(hasAgeLimit)
        let ending = agencies.map(endingBoundary)
        /// Better first: higher score, then smaller a, then smaller b.
        func better(_ x: Candidate, _ y: Candidate) -> Bool { (y.score, x.a, x.b) < (x.score, y.a, y.b) }
        var best: [Candidate] = []  // sorted, at most `keep`
        var score = [Double](repeating: 0, count: n)
        var shared = [Int32](repeating: 0, count: n)
        var partner = [Bool](repeating: false, count: n)
        var touched: [Int] = []
        for a in 0..<n {
            for w in g.successors(a) { partner[Int(w)] = true }
            for w in g.successors(a) {
                let weight = 1 / log(Double(g.outDegree(Int(w))))
                for b32 in g.successors(Int(w)) {
                    let b = Int(b32)
                    guard b > a && !partner[b] else { continue }
                    if shared[b] == 0 { touched.append(b) }
                    score[b] += weight
                    shared[b] += 1
                }
            }
            for w in g.successors(a) { partner[Int(w)] = false }
            touched.sort()
            for b in touched {
                let s = score[b]
                score[b] = 0
                defer { shared[b] = 0 }
                if best.count == keep, let last = best.last, s * 2.25 * (1 + 1e-12) < last.score { continue }
                let crossField = agencies[a].field != agencies[b].field
                let sharedBand = AgeBand.allCases.first { band in
                    limited[a] && limited[b] && serves(agencies[a], band: band) && serves(agencies[b], band: band)
                }
                let boundary = [(a, b), (b, a)].compactMap { (x, y) -> Int? in
                    guard let edge = ending[x], limited[y], serves(agencies[y], age: edge), ending[y] != edge else {
                        return nil
                    }
                    return edge
                }.first
                let pathway = settings.importance(agencies[a].field, agencies[b].field)
                let pathwayWeight: Double =
                    switch pathway {
                    case _ where !crossField: 1
                    case .core: 1.5
                    case .common: 1.2
                    case .notExpected: 0.5
                    }
                let total = s * pathwayWeight * (boundary != nil ? 1.5 : sharedBand != nil ? 1.2 : 1)
                let candidate: Candidate = (total, a, b, Int(shared[b]), crossField, sharedBand, boundary, pathway)
                guard best.count < keep || better(candidate, best[best.count - 1]) else { continue }
                best.insert(candidate, at: best.firstIndex { better(candidate, $0) } ?? best.count)
                if best.count > keep { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
        }
        for c in best {
            let crossFields = c.crossField ? [agencies[c.a].field, agencies[c.b].field] : []
            add(
                .recommendation, .reference, [c.a, c.b],
                .recommendation(
                    shared: c.shared, crossField: c.crossField, boundary: c.boundary, band: c.ages,
                    fields: crossFields, pathway: c.pathway),
                score: (c.score * 1000).rounded() / 1000)
        }
    }
}

// MARK: - Wording

extension Finding {
    /// The finding in plain words, made from its data: every sentence of the gap findings is here.
    public var message: Text {
        let ja = names.map { "「\($0)」" }, en = names
        func jaList(_ r: Range<Int>) -> String { ja[r].joined() }
        func enList(_ r: Range<Int>) -> String { en[r].joined(separator: ", ") }
        switch (kind, evidence) {
        case (.isolated, _):
            return Text(
                ja: "\(ja[0])はどの機関ともつながっていません。連携先を挙げておらず、ほかの機関からも名前が挙がっていません。",
                en: "\(en[0]) has no ties: it named no partner and no agency named it.")
        case (.singleTie, _):
            return Text(
                ja: "\(ja[0])のつながりは\(ja[1])との1本だけです。この関係が途切れると孤立します。",
                en: "\(en[0])'s only tie is with \(en[1]); if that tie ends, \(en[0]) is isolated.")
        case (.oneSided, _):
            return Text(
                ja: "\(ja[0])は\(ja[1])を連携先に挙げましたが、\(ja[1])は\(ja[0])を挙げていません。お互いの認識を確かめる機会になります。",
                en: "\(en[0]) named \(en[1]) as a partner, but \(en[1]) did not name \(en[0]); worth checking "
                    + "how each side sees the tie.")
        case (.noAnswer, _):
            return Text(
                ja: "\(ja[0])はアンケートに回答していません。この機関のつながりは、相手の機関の回答だけに基づいています。",
                en: "\(en[0]) did not answer the survey; its ties rest on what the other agencies reported.")
        case (.fieldGap, .noTieBetweenFields(let sizes, let pathway, let cases)):
            let (a, b) = (fields[0], fields[1])
            return Text(
                ja: "「\(a.ja)」(\(sizes[0])機関) と「\(b.ja)」(\(sizes[1])機関) の間には、つながりが1本もありません (制度のはざま)。",
                en: "There is no tie at all between \(a.en) (\(englishCount(sizes[0], "agency", "agencies"))) "
                    + "and \(b.en) (\(englishCount(sizes[1], "agency", "agencies"))): a gap between systems.")
                + Text.pathwayNote(pathway) + (cases.map(Text.casesAcross) ?? Text.empty)
                + (names.count == 2 ? Text.firstStep(ja[0], ja[1], en[0], en[1]) : Text.empty)
        case (.fieldGap, .fewTiesBetweenFields(let observed, let expected, _)):
            let (a, b) = (fields[0], fields[1]), about = String(format: "%.0f", expected)
            return Text(
                ja: "「\(a.ja)」と「\(b.ja)」の間のつながりは\(observed)本です。分野の大きさとネットワーク全体の密度からは約\(about)本が見込まれます。",
                en: "\(a.en) and \(b.en) share \(observed) tie\(observed == 1 ? "" : "s"); their sizes and "
                    + "the network's density would suggest about \(about).")
        case (.ageCoverage, .ageBand(let band)):
            return names.isEmpty
                ? Text(
                    ja: "年齢を限って支援する機関のうち、年齢帯「\(band.ja)」を対象にする機関がありません。",
                    en: "No age-specific service covers the age band \(band.en).")
                : Text(
                    ja: "年齢を限って支援する機関のうち、年齢帯「\(band.ja)」を対象にするのは\(ja[0])だけです。",
                    en: "Of the age-specific services, only \(en[0]) covers the age band \(band.en).")
        case (.ageBoundary, .ageBoundary(let age, let ending, let bridge)):
            return Text(
                ja: "\(age)歳で支援が終わる機関 (\(jaList(0..<ending))) から\(age)歳以降を支援する機関へのつながりが"
                    + (bridge.map { "\(ja[$0[0]])と\(ja[$0[1]])の1本だけです。" } ?? "ありません。") + "年齢の切れ目で支援が途切れるおそれがあります。",
                en: "Agencies whose support ends at \(age) (\(enList(0..<ending))) have "
                    + (bridge.map { "one tie (\(en[$0[0]]) – \(en[$0[1]]))" } ?? "no tie") + " to agencies "
                    + "serving people aged \(age) and over; support may break off at that age.")
        case (.articulation, .cutOff(let bridges, let personDependent)):
            var text = Text(
                ja: "\(ja[0])が抜けると、\(jaList(1..<ja.count))がほかの機関から切り離されます。",
                en: "If \(en[0]) stepped back, \(enList(1..<en.count)) would be cut off from the other agencies.")
            for b in bridges {
                let alone = personDependent.contains(b)
                text =
                    text
                    + Text(
                        ja: "\(ja[b[0]])と\(ja[b[1]])の間のつながりは1本だけで" + (alone ? "、特定の担当者に頼っています。" : "す。"),
                        en: " The one tie between \(en[b[0]]) and \(en[b[1]]) carries them"
                            + (alone ? ", and it rests on one member of staff." : "."))
            }
            return text
        case (.missingPathway, .pathway(let rule, let candidates, let fieldsUntied, let cases)):
            let to = rule.to.map(\.ja).joined(separator: "・"), toEn = rule.to.map(\.en).joined(separator: " or ")
            return Text(
                ja: "\(ja[0])は\(to) (\(candidates)機関) のどれともつながっていません。" + Text.reason(rule.reason).ja
                    + (fieldsUntied ? "分野「\(fields[0].ja)」と「\(fields[1].ja)」の間にも、つながりが1本もありません。" : "")
                    + "まず\(ja[1])との連携が考えられます。",
                en: "\(en[0]) has no tie to any \(toEn) (\(englishCount(candidates, "agency", "agencies"))). "
                    + Text.reason(rule.reason).en
                    + (fieldsUntied ? " No agency of \(fields[0].en) is tied to \(fields[1].en) at all." : "")
                    + " A first step could be a tie with \(en[1]).")
                + (cases.map(Text.casesBetween) ?? Text.empty)
        case (.bridge, _):
            return Text(
                ja: "\(ja[0])と\(ja[1])のつながりが途切れると、ネットワークが2つに分かれます。",
                en: "If the tie between \(en[0]) and \(en[1]) ended, the network would split in two.")
        case (.missingPathway, .requiredTie(let cases)):
            return Text(
                ja: "\(ja[0])と\(ja[1])の間につながりがありません。", en: "\(en[0]) and \(en[1]) have no tie. ")
                + Text.reason(.planner) + (cases.map(Text.casesBetween) ?? Text.empty)
        case (.personDependent, .personDependent(let isBridge, let onlyOfPathway)):
            return Text(
                ja: "\(ja[0])と\(ja[1])のつながりは特定の担当者に頼っています。"
                    + (isBridge ? "しかもこの関係が途切れるとネットワークが分かれます。" : "")
                    + (onlyOfPathway ? "この支援の経路でただ1本のつながりです。" : "")
                    + "担当者が替わっても続くよう、引継ぎや複数の職員での関わりを検討してください。",
                en: "The tie between \(en[0]) and \(en[1]) rests on one member of staff"
                    + (isBridge ? ", and the network splits without it" : "")
                    + (onlyOfPathway ? "; it is the only tie on this pathway of support" : "")
                    + "; consider hand-over notes or involving more staff.")
        case (.unreportedHandOff, .handOffs(let count)):
            return Text(
                ja: "事例では\(ja[0])と\(ja[1])の間の紹介が\(count.text.ja)ありましたが、アンケートではどちらも相手を連携先に挙げていません。",
                en: "Case records show \(count.text.en) referral\(count == .exact(1) ? "" : "s") between \(en[0]) and "
                    + "\(en[1]), but neither named the other in the survey.")
        case (.failedHandOffs, .handOffs(let count)) where names.count == 2:
            return Text(
                ja: "\(ja[0])から\(ja[1])への紹介のうち\(count.text.ja)が、中断・拒否・待機に終わりました。",
                en: "\(Text.handOffs(count)) from \(en[0]) to \(en[1]) ended interrupted, refused or waiting.")
        case (.failedHandOffs, .handOffs(let count)) where fields.count == 2:
            return Text(
                ja: "「\(fields[0].ja)」から「\(fields[1].ja)」への紹介で、\(count.text.ja)がつながりませんでした。",
                en: "\(Text.handOffs(count)) from \(fields[0].en) to \(fields[1].en) did not connect.")
        case (.failedHandOffs, .handOffs(let count)):
            return Text(
                ja: "はざま「\(tag ?? "")」の事例で、\(count.text.ja)の紹介がつながりませんでした。",
                en: "\(Text.handOffs(count)) in cases tagged '\(tag ?? "")' did not connect.")
        case (.deadEnd, _):
            return Text(
                ja: "\(ja[0])は紹介を受けていますが、ほかの機関へ紹介した記録がありません。",
                en: "\(en[0]) receives hand-offs but has no record of handing anyone on.")
        case (.serviceGap, .serviceGap(let service, let band, let situation)):
            let (sj, se) = (service.ja, service.ja == service.en ? service.ja : "\(service.en) (\(service.ja))")
            switch (situation, band) {
            case (.missing, let band?):
                return Text(
                    ja: "\(band.agesJa)を対象にした「\(sj)」がありません。",
                    en: "No agency offers \(se) for \(band.agesEn).")
            case (.missing, nil):
                return Text(
                    ja: "「\(sj)」を行っている機関がありません (\(service.expectedBands.map(\.agesJa).joined(separator: "・")))。",
                    en: "No agency offers \(se) (\(service.expectedBands.map(\.agesEn).joined(separator: ", "))).")
            case (.singleAgency, let band?):
                return Text(
                    ja: "\(band.agesJa)を対象にした「\(sj)」は\(ja[0])だけです。続けられなくなると、その年代にはなくなります。",
                    en: "\(en[0]) alone offers \(se) for \(band.agesEn); if it stops, that age has none.")
            default:
                let field = fields.first.map { ($0.ja, $0.en) } ?? ("", "")
                return Text(
                    ja: "「\(sj)」は「\(field.0)」の機関だけが行っています (\(jaList(0..<ja.count)))。",
                    en: "Only \(field.1) agencies offer \(se) (\(enList(0..<en.count))).")
            }
        case (.recommendation, .need(let need, _)):
            let (nj, ne) = (need.label(.ja), need.label(.en))
            return Text(
                ja: "\(ja[0])は「\(nj)」との連携を求めています。\(jaList(1..<ja.count))が行っていますが、まだつながりがありません。",
                en: "\(en[0]) looks for \(ne); \(enList(1..<en.count)) offer\(en.count == 2 ? "s" : "") it but "
                    + "\(en.count == 2 ? "has" : "have") no tie with \(en[0]) yet.")
        case (
            .recommendation,
            .recommendation(let shared, let crossField, let boundary, let band, let fields, let pathway)
        ):
            var j = "\(ja[0])と\(ja[1])は共通の連携先が\(shared)つありますが、直接のつながりはありません。"
            var e = "\(en[0]) and \(en[1]) share \(shared) partner\(shared == 1 ? "" : "s") but have no tie."
            if crossField {
                j += "分野 (「\(fields[0].ja)」と「\(fields[1].ja)」) をまたぐつながりになります。"
                e += " It would join \(fields[0].en) and \(fields[1].en)."
                if pathway == .core {
                    j += "ひきこもり支援の主な経路の一つです。"
                    e += " This is one of the main pathways of hikikomori support."
                }
            }
            if let boundary {
                j += "\(boundary)歳の切れ目で支援を引き継げます。"
                e += " It would carry support across age \(boundary)."
            } else if let band {
                j += "どちらも年齢帯「\(band.ja)」を支援しています。"
                e += " Both serve the age band \(band.en)."
            }
            return Text(ja: j, en: e)
        default:
            preconditionFailure("a \(kind) finding without its evidence")
        }
    }
}

extension Text {
    static let empty = Text(ja: "", en: "")
    static func + (a: Text, b: Text) -> Text { Text(ja: a.ja + b.ja, en: a.en + b.en) }

    /// What a field pair's pathway adds to its gap.
    static func pathwayNote(_ pathway: PathwayImportance) -> Text {
        switch pathway {
        case .core:
            Text(ja: "ひきこもり支援で人が行き来する主な経路です。", en: " People in hikikomori support pass here as a rule.")
        case .common: Text.empty
        case .notExpected:
            Text(ja: "ふだん直接の連携は見込まれない組み合わせです。", en: " A direct tie is not usually expected here.")
        }
    }

    /// "Fewer than 3 hand-offs", "1 hand-off": a count of hand-offs opening an English sentence.
    static func handOffs(_ count: CaseCount) -> String {
        let text = count.text.en
        return text.prefix(1).uppercased() + text.dropFirst() + (count == .exact(1) ? " hand-off" : " hand-offs")
    }

    /// The pair suggested to tie first.
    static func firstStep(_ ja0: String, _ ja1: String, _ en0: String, _ en1: String) -> Text {
        Text(ja: "まず\(ja0)と\(ja1)の連携が考えられます。", en: " A first step could be a tie between \(en0) and \(en1).")
    }

    /// Hand-offs between two fields that failed or that no tie carries; `count` under the rule.
    static func casesAcross(_ count: CaseCount) -> Text {
        Text(
            ja: "事例でも、この分野の間の紹介が\(count.text.ja)あり、つながりの裏付けがありません。",
            en: " Case records show \(count.text.en) referrals between them with no tie behind them.")
    }

    /// Hand-offs between an agency and the agencies of a type pathway (none carried by a tie).
    static func casesBetween(_ count: CaseCount) -> Text {
        Text(
            ja: "事例では、この間の紹介が\(count.text.ja)ありました。",
            en: " Case records show \(count.text.en) referrals between them.")
    }

    /// Why a type pathway matters (docs/DOMAIN.md §10).
    static func reason(_ reason: TypePathway.Reason) -> Text {
        switch reason {
        case .eightyFifty:
            Text(
                ja: "高齢の親を支える包括は、ひきこもる子に最初に気づく入口です (8050問題)。",
                en: "The elder-care centre that supports an old parent is often the first to notice the "
                    + "withdrawn adult child (the 8050 problem).")
        case .familyGroups:
            Text(
                ja: "家族会は、本人より先に相談に来る家族の支えです。",
                en: "Families often come before the person does, and family groups carry them.")
        case .dropIn:
            Text(
                ja: "居場所や当事者会は、相談の次の一歩になります。",
                en: "Drop-in spaces and peer groups are the next step after consultation.")
        case .psychiatricCare:
            Text(ja: "精神科の見立てと治療につなぐ経路です。", en: "This is the way to psychiatric assessment and care.")
        case .schoolLeaving:
            Text(
                ja: "卒業や中退の後に支援が途切れないよう、学校から若者の支援へ引き継ぐ経路です。",
                en: "This carries young people from school to youth support when they leave school.")
        case .workPreparation:
            Text(ja: "生活の立て直しから就労の準備へつなぐ経路です。", en: "This leads from self-reliance support to work preparation.")
        case .planner:
            Text(ja: "この地域で必要と決めたつながりです。", en: "The area has set this tie as needed.")
        case .watching:
            Text(
                ja: "民生委員の見守りが、包括の支援につながる経路です。",
                en: "This links the commissioners' watching over to elder-care support.")
        }
    }
}
