import Foundation

/// One thing a planner should look at: a gap, a fragile point, or a suggested connection.
public struct Finding: Sendable, Equatable {
    /// The kinds of finding, in the order they are listed within a severity.
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        case isolated, singleTie = "single_tie", fieldGap = "field_gap", ageCoverage = "age_coverage"
        case ageBoundary = "age_boundary", articulation, bridge, personDependent = "person_dependent"
        case failedHandOffs = "failed_hand_offs", unreportedHandOff = "unreported_hand_off"
        case oneSided = "one_sided", noAnswer = "no_answer", deadEnd = "dead_end", recommendation
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
        /// Field gap without any tie; the two fields' sizes.
        case noTieBetweenFields(sizes: [Int])
        /// Field gap with fewer ties than expected from the fields' sizes and the density.
        case fewTiesBetweenFields(observed: Int, expected: Double)
        /// The age band no age-specific service covers, or only the one agency of `agencies`.
        case ageBand(AgeBand)
        /// Support ending at `age` for the first `ending` agencies; `bridge`, when there is one,
        /// the positions of the one tie that carries it on.
        case ageBoundary(age: Int, ending: Int, bridge: [Int]?)
        /// A tie resting on one person; whether it is also a bridge.
        case personDependent(isBridge: Bool)
        /// Hand-offs counted under the case-count rule.
        case handOffs(CaseCount)
        /// A suggested connection: shared partners, across fields, the age boundary it spans or
        /// the age band both serve.
        case recommendation(shared: Int, crossField: Bool, boundary: Int?, band: AgeBand?, fields: [Field])
    }

    public var kind: Kind
    public var severity: Severity
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
}

extension Finding: Encodable {
    private enum Keys: String, CodingKey { case kind, severity, agencies, fields, tag, message, score }

    /// As before the findings were data: kind, severity, agencies, fields, tag, the sentence in
    /// both languages, the score.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(agencies, forKey: .agencies)
        try c.encode(fields, forKey: .fields)
        try c.encodeIfPresent(tag, forKey: .tag)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(score, forKey: .score)
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

/// Finds the gaps in a year's network (docs/DOMAIN.md §1 and §3), most serious first.
///
/// Order: severity, then kind (`Finding.Kind`'s order), then a recommendation's score, then the
/// agencies (by ID, natural order), fields and tag; never the wording.
public func findGaps(_ analysis: Analysis, options: GapOptions = GapOptions()) -> [Finding] {
    var finder = GapFinder(analysis: analysis, options: options)
    finder.run()
    // Sort keys computed once: a large network has hundreds of thousands of findings. Agencies
    // are numbered in the natural order of their IDs, so their numbers order the findings by ID.
    let findings = finder.findings, members = finder.members
    let kindRank = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
    let severityRank = Dictionary(uniqueKeysWithValues: Finding.Severity.allCases.enumerated().map { ($1, $0) })
    let rank = findings.map { (severityRank[$0.severity]!, kindRank[$0.kind]!) }
    return findings.indices.sorted { i, j in
        if rank[i] != rank[j] { return rank[i] < rank[j] }
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

    /// Orders findings that agree on everything else (the age bands of two age-coverage findings).
    var order: Int {
        switch self {
        case .ageBand(let band): band.rawValue
        case .ageBoundary(let age, _, _): age
        default: 0
        }
    }
}

private struct GapFinder {
    let analysis: Analysis
    let options: GapOptions
    var findings: [Finding] = []
    /// The agency numbers of each finding, for sorting.
    var members: [[Int]] = []

    var agencies: [Agency] { analysis.network.agencies }
    var g: Graph { analysis.network.worksWith }

    init(analysis: Analysis, options: GapOptions) {
        self.analysis = analysis
        self.options = options
    }

    mutating func run() {
        isolation()
        oneSidedAndSilent()
        fieldGaps()
        ageGaps()
        fragility()
        referralEvidence()
        recommendations()
    }

    mutating func add(
        _ kind: Finding.Kind, _ severity: Finding.Severity, _ ids: [Int], fields: [Field] = [], tag: String? = nil,
        _ evidence: Finding.Evidence = .none, score: Double? = nil
    ) {
        findings.append(
            Finding(
                kind: kind, severity: severity, agencies: ids.map { agencies[$0].id },
                names: ids.map { agencies[$0].displayName }, fields: fields, tag: tag, evidence: evidence, score: score)
        )
        members.append(ids)
    }

    // MARK: 1. isolated agencies, agencies with a single tie

    mutating func isolation() {
        for v in 0..<g.nodeCount {
            switch g.outDegree(v) {
            case 0: add(.isolated, .high, [v])
            case 1: add(.singleTie, .medium, [v, Int(g.successors(v)[g.successors(v).startIndex])])
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
            add(.oneSided, .low, [reporter, partner])
        }
        for v in 0..<g.nodeCount where !responded[v] && g.outDegree(v) > 0 {
            add(.noAnswer, .low, [v])
        }
    }

    // MARK: 3. field pairs without ties (制度のはざま)

    mutating func fieldGaps() {
        var size = [Field: Int]()
        for agency in agencies { size[agency.field, default: 0] += 1 }
        for pair in analysis.summary.fieldMixing where pair.a != pair.b {
            if pair.observed == 0 {
                // How surprising the gap is: with λ expected ties, no tie at all has chance e^−λ
                // (about 14 % for λ = 2, 37 % for λ = 1).
                let severity: Finding.Severity = pair.expected >= 2 ? .high : pair.expected >= 1 ? .medium : .low
                add(
                    .fieldGap, severity, [], fields: [pair.a, pair.b],
                    .noTieBetweenFields(sizes: [size[pair.a, default: 0], size[pair.b, default: 0]]))
            } else if pair.expected >= 2 && Double(pair.observed) < pair.expected / 4 {
                add(
                    .fieldGap, .medium, [], fields: [pair.a, pair.b],
                    .fewTiesBetweenFields(observed: pair.observed, expected: pair.expected))
            }
        }
    }

    // MARK: 4. age bands and age boundaries (切れ目のない支援)

    mutating func ageGaps() {
        // Age-specific services only: an agency without age limits serves every band, and counting
        // it would hide that no service is made for the band.
        for band in AgeBand.allCases {
            let serving = agencies.indices.filter { hasAgeLimit(agencies[$0]) && serves(agencies[$0], band: band) }
            if serving.count <= 1 { add(.ageCoverage, serving.isEmpty ? .high : .medium, serving, .ageBand(band)) }
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
                .ageBoundary, bridges.isEmpty ? .high : .medium, involved,
                .ageBoundary(age: boundary, ending: ending.count, bridge: bridge))
        }
    }

    // MARK: 5. fragility

    mutating func fragility() {
        let cuts = analysis.cutPoints
        for point in cuts.articulationPoints {
            let cut = cuts.cutOff[point] ?? []
            add(.articulation, cut.count >= 2 ? .high : .medium, [point] + cut)
        }
        let bridgeSet = Set(cuts.bridges)
        for b in cuts.bridges where g.outDegree(b.a) > 1 && g.outDegree(b.b) > 1 {
            add(.bridge, .medium, [b.a, b.b])
        }
        for tie in analysis.network.ties where tie.personDependent {
            let isBridge = bridgeSet.contains(CutPoints.Pair(a: tie.a, b: tie.b))
            add(.personDependent, isBridge ? .high : .medium, [tie.a, tie.b], .personDependent(isBridge: isBridge))
        }
    }

    // MARK: 6. referral evidence

    mutating func referralEvidence() {
        let n = agencies.count
        let rule = options.counts
        var handOffs: [Int: Int] = [:], failedByPair: [Int: Int] = [:]
        // Failed hand-offs by pair of fields and by tag, each split by pair of agencies: the
        // parts that the pairs' own findings show beside these totals (`CaseCountRule.total`).
        var failedByFields: [Int: [Int: Int]] = [:], failedByTag: [String: [Int: Int]] = [:]
        for r in analysis.network.data.referrals {
            let pair = r.from * n + r.to
            handOffs[pair, default: 0] += 1
            guard r.outcome?.isFailure == true else { continue }
            failedByPair[pair, default: 0] += 1
            failedByFields[agencies[r.from].field.rawValue * 100 + agencies[r.to].field.rawValue, default: [:]][
                pair, default: 0] += 1
            for tag in r.gaps { failedByTag[tag, default: [:]][pair, default: 0] += 1 }
        }
        for (key, count) in handOffs.sorted(by: { $0.key < $1.key }) {
            let (from, to) = (key / n, key % n)
            guard !g.hasEdge(from, to) else { continue }
            let failed = failedByPair[key] ?? 0
            add(.unreportedHandOff, .medium, [from, to], .handOffs(rule.total(of: [failed, count - failed])))
        }
        // Severity never depends on a hidden count, or it would reveal the count.
        for (key, count) in failedByPair.sorted(by: { $0.key < $1.key }) {
            add(
                .failedHandOffs, count >= rule.threshold ? .medium : .low, [key / n, key % n],
                .handOffs(rule.cell(count)))
        }
        for (key, parts) in failedByFields.sorted(by: { $0.key < $1.key })
        where parts.values.reduce(0, +) >= rule.threshold {
            let fields = [Field(rawValue: key / 100)!, Field(rawValue: key % 100)!]
            add(
                .failedHandOffs, .medium, [], fields: fields,
                .handOffs(rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value))))
        }
        for (tag, parts) in failedByTag.sorted(by: { $0.key < $1.key }) {
            let total = parts.values.reduce(0, +)
            add(
                .failedHandOffs, total >= rule.threshold ? .medium : .low, [], tag: tag,
                .handOffs(rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value))))
        }
        let flow = analysis.network.referralFlow
        for v in 0..<n where flow.inDegree(v) > 0 && flow.outDegree(v) == 0 {
            add(.deadEnd, .low, [v])
        }
    }

    // MARK: 7. recommended connections

    /// Pairs without a tie scored by their shared partners, each weighted 1 / log k by the shared
    /// partner's number of ties k (Adamic & Adar 2003; Liben-Nowell & Kleinberg 2007), times 1.5 when
    /// the pair crosses fields and 1.5 when it spans an age boundary (else 1.2 for a shared age
    /// band). Only the best `options.recommendations` are kept, so a pair whose score could not
    /// reach them even with both bonuses is not examined further: O(Σ_w k_w²) array updates.
    mutating func recommendations() {
        typealias Candidate = (
            score: Double, a: Int, b: Int, shared: Int, crossField: Bool, ages: AgeBand?, boundary: Int?
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
                let total = s * (crossField ? 1.5 : 1) * (boundary != nil ? 1.5 : sharedBand != nil ? 1.2 : 1)
                let candidate: Candidate = (total, a, b, Int(shared[b]), crossField, sharedBand, boundary)
                guard best.count < keep || better(candidate, best[best.count - 1]) else { continue }
                best.insert(candidate, at: best.firstIndex { better(candidate, $0) } ?? best.count)
                if best.count > keep { best.removeLast() }
            }
            touched.removeAll(keepingCapacity: true)
        }
        for c in best {
            let crossFields = c.crossField ? [agencies[c.a].field, agencies[c.b].field] : []
            add(
                .recommendation, .low, [c.a, c.b],
                .recommendation(
                    shared: c.shared, crossField: c.crossField, boundary: c.boundary, band: c.ages,
                    fields: crossFields),
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
        case (.fieldGap, .noTieBetweenFields(let sizes)):
            let (a, b) = (fields[0], fields[1])
            return Text(
                ja: "「\(a.ja)」(\(sizes[0])機関) と「\(b.ja)」(\(sizes[1])機関) の間には、つながりが1本もありません (制度のはざま)。",
                en: "There is no tie at all between \(a.en) (\(englishCount(sizes[0], "agency", "agencies"))) "
                    + "and \(b.en) (\(englishCount(sizes[1], "agency", "agencies"))): a gap between systems.")
        case (.fieldGap, .fewTiesBetweenFields(let observed, let expected)):
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
        case (.articulation, _):
            return Text(
                ja: "\(ja[0])が抜けると、\(jaList(1..<ja.count))がほかの機関から切り離されます。",
                en: "If \(en[0]) stepped back, \(enList(1..<en.count)) would be cut off from the other agencies.")
        case (.bridge, _):
            return Text(
                ja: "\(ja[0])と\(ja[1])のつながりが途切れると、ネットワークが2つに分かれます。",
                en: "If the tie between \(en[0]) and \(en[1]) ended, the network would split in two.")
        case (.personDependent, .personDependent(let isBridge)):
            return Text(
                ja: "\(ja[0])と\(ja[1])のつながりは特定の担当者に頼っています。" + (isBridge ? "しかもこの関係が途切れるとネットワークが分かれます。" : "")
                    + "担当者が替わっても続くよう、引継ぎや複数の職員での関わりを検討してください。",
                en: "The tie between \(en[0]) and \(en[1]) rests on one member of staff"
                    + (isBridge ? ", and the network splits without it" : "")
                    + "; consider hand-over notes or involving more staff.")
        case (.unreportedHandOff, .handOffs(let count)):
            return Text(
                ja: "事例では\(ja[0])から\(ja[1])への紹介が\(count.text.ja)ありましたが、アンケートではどちらも相手を連携先に挙げていません。",
                en: "Case records show \(count.text.en) hand-off(s) from \(en[0]) to \(en[1]), but neither "
                    + "named the other in the survey.")
        case (.failedHandOffs, .handOffs(let count)) where names.count == 2:
            return Text(
                ja: "\(ja[0])から\(ja[1])への紹介のうち\(count.text.ja)が、中断・拒否・待機に終わりました。",
                en: "\(count.text.en) hand-off(s) from \(en[0]) to \(en[1]) ended interrupted, refused or waiting.")
        case (.failedHandOffs, .handOffs(let count)) where fields.count == 2:
            return Text(
                ja: "「\(fields[0].ja)」から「\(fields[1].ja)」への紹介で、\(count.text.ja)がつながりませんでした。",
                en: "\(count.text.en) hand-offs from \(fields[0].en) to \(fields[1].en) did not connect.")
        case (.failedHandOffs, .handOffs(let count)):
            return Text(
                ja: "はざま「\(tag ?? "")」の事例で、\(count.text.ja)の紹介がつながりませんでした。",
                en: "\(count.text.en) hand-off(s) in cases tagged '\(tag ?? "")' did not connect.")
        case (.deadEnd, _):
            return Text(
                ja: "\(ja[0])は紹介を受けていますが、ほかの機関へ紹介した記録がありません。",
                en: "\(en[0]) receives hand-offs but has no record of handing anyone on.")
        case (.recommendation, .recommendation(let shared, let crossField, let boundary, let band, let fields)):
            var j = "\(ja[0])と\(ja[1])は共通の連携先が\(shared)つありますが、直接のつながりはありません。"
            var e = "\(en[0]) and \(en[1]) share \(shared) partner\(shared == 1 ? "" : "s") but have no tie."
            if crossField {
                j += "分野 (「\(fields[0].ja)」と「\(fields[1].ja)」) をまたぐつながりになります。"
                e += " It would join \(fields[0].en) and \(fields[1].en)."
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
