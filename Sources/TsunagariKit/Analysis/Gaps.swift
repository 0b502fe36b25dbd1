import Foundation

/// One thing a planner should look at: a gap, a fragile point, or a suggested connection.
public struct Finding: Sendable, Encodable, Equatable {
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

    public var kind: Kind
    public var severity: Severity
    /// IDs of the agencies involved.
    public var agencies: [String]
    /// Fields involved (field gaps, failed hand-offs between fields).
    public var fields: [Field]
    /// The gap tag (はざま) of the cases a finding counts, if it counts cases by tag.
    public var tag: String? = nil
    /// The finding in plain words.
    public var message: Text
    /// Ranking score of a recommended connection.
    public var score: Double?
}

/// Options for finding gaps.
public struct GapOptions: Sendable {
    /// How case counts are shown: small ones hidden, unless for internal use (`CaseCountRule`).
    public var counts = CaseCountRule()
    /// How many recommended connections to list.
    public var recommendations = 10

    public init() {}
}

/// Age boundaries where support commonly ends (DOMAIN.md §3): end of compulsory school, 18 and 20,
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

/// Finds the gaps in a year's network (DOMAIN.md §1 and §3), most serious first.
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
        return findings[i].message.en < findings[j].message.en
    }.map { findings[$0] }
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

    // MARK: words

    func ja(_ i: Int) -> String { "「\(agencies[i].displayName)」" }
    func en(_ i: Int) -> String { agencies[i].displayName }
    func jaList(_ ids: [Int]) -> String { ids.map(ja).joined(separator: "") }
    func enList(_ ids: [Int]) -> String { ids.map(en).joined(separator: ", ") }

    mutating func add(_ kind: Finding.Kind, _ severity: Finding.Severity, _ ids: [Int], fields: [Field] = [], tag: String? = nil,
                      ja: String, en: String, score: Double? = nil) {
        findings.append(Finding(kind: kind, severity: severity, agencies: ids.map { agencies[$0].id }, fields: fields,
                                tag: tag, message: Text(ja: ja, en: en), score: score))
        members.append(ids)
    }

    // MARK: 1. isolated agencies, agencies with a single tie

    mutating func isolation() {
        for v in 0..<g.nodeCount {
            switch g.outDegree(v) {
            case 0:
                add(.isolated, .high, [v],
                    ja: "\(ja(v))はどの機関ともつながっていません。連携先を挙げておらず、ほかの機関からも名前が挙がっていません。",
                    en: "\(en(v)) has no ties: it named no partner and no agency named it.")
            case 1:
                let w = Int(g.successors(v)[g.successors(v).startIndex])
                add(.singleTie, .medium, [v, w],
                    ja: "\(ja(v))のつながりは\(ja(w))との1本だけです。この関係が途切れると孤立します。",
                    en: "\(en(v))'s only tie is with \(en(w)); if that tie ends, \(en(v)) is isolated.")
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
            add(.oneSided, .low, [reporter, partner],
                ja: "\(ja(reporter))は\(ja(partner))を連携先に挙げましたが、\(ja(partner))は\(ja(reporter))を挙げていません。お互いの認識を確かめる機会になります。",
                en: "\(en(reporter)) named \(en(partner)) as a partner, but \(en(partner)) did not name \(en(reporter)); worth checking how each side sees the tie.")
        }
        for v in 0..<g.nodeCount where !responded[v] && g.outDegree(v) > 0 {
            add(.noAnswer, .low, [v],
                ja: "\(ja(v))はアンケートに回答していません。この機関のつながりは、相手の機関の回答だけに基づいています。",
                en: "\(en(v)) did not answer the survey; its ties rest on what the other agencies reported.")
        }
    }

    // MARK: 3. field pairs without ties (制度のはざま)

    mutating func fieldGaps() {
        var size = [Field: Int]()
        for agency in agencies { size[agency.field, default: 0] += 1 }
        for pair in analysis.summary.fieldMixing where pair.a != pair.b {
            let (na, nb) = (size[pair.a, default: 0], size[pair.b, default: 0])
            if pair.observed == 0 {
                // How surprising the gap is: with λ expected ties, no tie at all has chance e^−λ
                // (about 14 % for λ = 2, 37 % for λ = 1).
                let severity: Finding.Severity = pair.expected >= 2 ? .high : pair.expected >= 1 ? .medium : .low
                add(.fieldGap, severity, [], fields: [pair.a, pair.b],
                    ja: "「\(pair.a.ja)」(\(na)機関) と「\(pair.b.ja)」(\(nb)機関) の間には、つながりが1本もありません (制度のはざま)。",
                    en: "There is no tie at all between \(pair.a.en) (\(na) agencies) and \(pair.b.en) (\(nb) agencies): a gap between systems.")
            } else if pair.expected >= 2 && Double(pair.observed) < pair.expected / 4 {
                let expected = String(format: "%.0f", pair.expected)
                add(.fieldGap, .medium, [], fields: [pair.a, pair.b],
                    ja: "「\(pair.a.ja)」と「\(pair.b.ja)」の間のつながりは\(pair.observed)本です。分野の大きさとネットワーク全体の密度からは約\(expected)本が見込まれます。",
                    en: "\(pair.a.en) and \(pair.b.en) share \(pair.observed) tie\(pair.observed == 1 ? "" : "s"); their sizes and the network's density would suggest about \(expected).")
            }
        }
    }

    // MARK: 4. age bands and age boundaries (切れ目のない支援)

    mutating func ageGaps() {
        // Age-specific services only: an agency without age limits serves every band, and counting
        // it would hide that no service is made for the band.
        for band in AgeBand.allCases {
            let serving = agencies.indices.filter { hasAgeLimit(agencies[$0]) && serves(agencies[$0], band: band) }
            if serving.count <= 1 {
                add(.ageCoverage, serving.isEmpty ? .high : .medium, serving,
                    ja: serving.isEmpty
                        ? "年齢を限って支援する機関のうち、年齢帯「\(band.ja)」を対象にする機関がありません。"
                        : "年齢を限って支援する機関のうち、年齢帯「\(band.ja)」を対象にするのは\(ja(serving[0]))だけです。",
                    en: serving.isEmpty
                        ? "No age-specific service covers the age band \(band.en)."
                        : "Of the age-specific services, only \(en(serving[0])) covers the age band \(band.en).")
            }
        }
        for boundary in ageBoundaries {
            let ending = agencies.indices.filter { endingBoundary(agencies[$0]) == boundary }
            guard !ending.isEmpty else { continue }
            // Age-specific services that carry on past the boundary; agencies without any age limit
            // are left out: the question is whether one age-specific service hands on to the next.
            let receiving = Set(agencies.indices.filter {
                hasAgeLimit(agencies[$0]) && serves(agencies[$0], age: boundary) && endingBoundary(agencies[$0]) != boundary
            })
            let endingSet = Set(ending)
            let bridges = analysis.network.ties.filter {
                (endingSet.contains($0.a) && receiving.contains($0.b)) || (endingSet.contains($0.b) && receiving.contains($0.a))
            }
            guard bridges.count <= 1 else { continue }
            let involved = ending + bridges.flatMap { [$0.a, $0.b] }.filter { !ending.contains($0) }
            add(.ageBoundary, bridges.isEmpty ? .high : .medium, involved,
                ja: "\(boundary)歳で支援が終わる機関 (\(jaList(ending))) から\(boundary)歳以降を支援する機関へのつながりが"
                    + (bridges.first.map { "\(ja($0.a))と\(ja($0.b))の1本だけです。" } ?? "ありません。")
                    + "年齢の切れ目で支援が途切れるおそれがあります。",
                en: "Agencies whose support ends at \(boundary) (\(enList(ending))) have "
                    + (bridges.first.map { "one tie (\(en($0.a)) – \(en($0.b)))" } ?? "no tie")
                    + " to agencies serving people aged \(boundary) and over; support may break off at that age.")
        }
    }

    // MARK: 5. fragility

    mutating func fragility() {
        let cuts = analysis.cutPoints
        for point in cuts.articulationPoints {
            let cut = cuts.cutOff[point] ?? []
            add(.articulation, cut.count >= 2 ? .high : .medium, [point] + cut,
                ja: "\(ja(point))が抜けると、\(jaList(cut))がほかの機関から切り離されます。",
                en: "If \(en(point)) stepped back, \(enList(cut)) would be cut off from the other agencies.")
        }
        let bridgeSet = Set(cuts.bridges)
        for b in cuts.bridges where g.outDegree(b.a) > 1 && g.outDegree(b.b) > 1 {
            add(.bridge, .medium, [b.a, b.b],
                ja: "\(ja(b.a))と\(ja(b.b))のつながりが途切れると、ネットワークが2つに分かれます。",
                en: "If the tie between \(en(b.a)) and \(en(b.b)) ended, the network would split in two.")
        }
        for tie in analysis.network.ties where tie.personDependent {
            let isBridge = bridgeSet.contains(CutPoints.Pair(a: tie.a, b: tie.b))
            add(.personDependent, isBridge ? .high : .medium, [tie.a, tie.b],
                ja: "\(ja(tie.a))と\(ja(tie.b))のつながりは特定の担当者に頼っています。" + (isBridge ? "しかもこの関係が途切れるとネットワークが分かれます。" : "")
                    + "担当者が替わっても続くよう、引継ぎや複数の職員での関わりを検討してください。",
                en: "The tie between \(en(tie.a)) and \(en(tie.b)) rests on one member of staff" + (isBridge ? ", and the network splits without it" : "")
                    + "; consider hand-over notes or involving more staff.")
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
            failedByFields[agencies[r.from].field.rawValue * 100 + agencies[r.to].field.rawValue, default: [:]][pair, default: 0] += 1
            for tag in r.gaps { failedByTag[tag, default: [:]][pair, default: 0] += 1 }
        }
        for (key, count) in handOffs.sorted(by: { $0.key < $1.key }) {
            let (from, to) = (key / n, key % n)
            guard !g.hasEdge(from, to) else { continue }
            let failed = failedByPair[key] ?? 0
            let shown = rule.total(of: [failed, count - failed]).text
            add(.unreportedHandOff, .medium, [from, to],
                ja: "事例では\(ja(from))から\(ja(to))への紹介が\(shown.ja)ありましたが、アンケートではどちらも相手を連携先に挙げていません。",
                en: "Case records show \(shown.en) hand-off(s) from \(en(from)) to \(en(to)), but neither named the other in the survey.")
        }
        // Severity never depends on a hidden count, or it would reveal the count.
        for (key, count) in failedByPair.sorted(by: { $0.key < $1.key }) {
            let (from, to) = (key / n, key % n)
            let shown = rule.cell(count)
            add(.failedHandOffs, count >= rule.threshold ? .medium : .low, [from, to],
                ja: "\(ja(from))から\(ja(to))への紹介のうち\(shown.text.ja)が、中断・拒否・待機に終わりました。",
                en: "\(shown.text.en) hand-off(s) from \(en(from)) to \(en(to)) ended interrupted, refused or waiting.")
        }
        for (key, parts) in failedByFields.sorted(by: { $0.key < $1.key }) where parts.values.reduce(0, +) >= rule.threshold {
            let (a, b) = (Field(rawValue: key / 100)!, Field(rawValue: key % 100)!)
            let shown = rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value)).text
            add(.failedHandOffs, .medium, [], fields: [a, b],
                ja: "「\(a.ja)」から「\(b.ja)」への紹介で、\(shown.ja)がつながりませんでした。",
                en: "\(shown.en) hand-offs from \(a.en) to \(b.en) did not connect.")
        }
        for (tag, parts) in failedByTag.sorted(by: { $0.key < $1.key }) {
            let total = parts.values.reduce(0, +)
            let shown = rule.total(of: parts.sorted { $0.key < $1.key }.map(\.value)).text
            add(.failedHandOffs, total >= rule.threshold ? .medium : .low, [], tag: tag,
                ja: "はざま「\(tag)」の事例で、\(shown.ja)の紹介がつながりませんでした。",
                en: "\(shown.en) hand-off(s) in cases tagged '\(tag)' did not connect.")
        }
        let flow = analysis.network.referralFlow
        for v in 0..<n where flow.inDegree(v) > 0 && flow.outDegree(v) == 0 {
            add(.deadEnd, .low, [v],
                ja: "\(ja(v))は紹介を受けていますが、ほかの機関へ紹介した記録がありません。",
                en: "\(en(v)) receives hand-offs but has no record of handing anyone on.")
        }
    }

    // MARK: 7. recommended connections

    /// Pairs without a tie scored by their shared partners, each weighted 1 / log k by the shared
    /// partner's number of ties k (Adamic & Adar 2003; Liben-Nowell & Kleinberg 2007), times 1.5 when
    /// the pair crosses fields and 1.5 when it spans an age boundary (else 1.2 for a shared age
    /// band). Only the best `options.recommendations` are kept, so a pair whose score could not
    /// reach them even with both bonuses is not examined further: O(Σ_w k_w²) array updates.
    mutating func recommendations() {
        typealias Candidate = (score: Double, a: Int, b: Int, shared: Int, crossField: Bool, ages: AgeBand?, boundary: Int?)
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
                    guard let edge = ending[x], limited[y], serves(agencies[y], age: edge), ending[y] != edge else { return nil }
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
            var ja = "\(self.ja(c.a))と\(self.ja(c.b))は共通の連携先が\(c.shared)つありますが、直接のつながりはありません。"
            var en = "\(self.en(c.a)) and \(self.en(c.b)) share \(c.shared) partner\(c.shared == 1 ? "" : "s") but have no tie."
            if c.crossField {
                ja += "分野 (「\(agencies[c.a].field.ja)」と「\(agencies[c.b].field.ja)」) をまたぐつながりになります。"
                en += " It would join \(agencies[c.a].field.en) and \(agencies[c.b].field.en)."
            }
            if let boundary = c.boundary {
                ja += "\(boundary)歳の切れ目で支援を引き継げます。"
                en += " It would carry support across age \(boundary)."
            } else if let band = c.ages {
                ja += "どちらも年齢帯「\(band.ja)」を支援しています。"
                en += " Both serve the age band \(band.en)."
            }
            add(.recommendation, .low, [c.a, c.b], ja: ja, en: en, score: (c.score * 1000).rounded() / 1000)
        }
    }
}
