/// A working relationship between two agencies, merged from the survey reports of both sides.
public struct Tie: Sendable, Hashable {
    /// The two agencies, `a < b` (indices into the year's agencies).
    public var a: Int
    public var b: Int
    /// Index into `YearData.reports` of `a`'s report naming `b`, and of `b`'s naming `a`.
    public var reportAB: Int?
    public var reportBA: Int?
    /// Every kind either side named (multiplex tie).
    public var kinds: TieKinds
    /// The higher frequency either side gave.
    public var frequency: Frequency?
    /// The higher familiarity (顔の見える関係, 0–3) either side gave.
    public var familiarity: Int?
    /// Either side said the tie rests on one member of staff.
    public var personDependent: Bool
    /// The higher trust (1–4) either side gave.
    public var trust: Int?

    /// Both agencies named each other.
    public var isConfirmed: Bool { reportAB != nil && reportBA != nil }

    /// The strength used by weighted measures: 1 + familiarity (blank counts as 0), so 1–4.
    /// Path-based measures use the distance 1 / strength: a tie where people know each other
    /// well is a shorter way between two agencies.
    public var strength: Double { Double(1 + (familiarity ?? 0)) }
}

/// One fiscal year made ready for analysis: reports merged into ties and the graph views built.
public struct YearNetwork: Sendable {
    public let data: YearData
    /// The layer analysed: only ties that carry this kind; nil for all ties.
    public let kind: TieKind?
    /// Sorted by `(a, b)`; only those of `kind` when a layer is chosen.
    public let ties: [Tie]
    /// Agencies that answered the survey (named at least one partner).
    public let responded: [Bool]
    /// The undirected "works with" network, weighted by tie strength (the default for centrality).
    public let worksWith: Graph
    /// The directed reports: `u → v` when `u` named `v`.
    public let reports: Graph
    /// The directed referral flow: `u → v` weighted by the number of hand-offs from `u` to `v`.
    public let referralFlow: Graph

    public var agencies: [Agency] { data.agencies }

    /// Builds the views of a year; with `kind`, of one layer of the multiplex network (only the
    /// ties that carry that kind, e.g. the referral layer).
    public init(_ data: YearData, kind: TieKind? = nil) {
        self.data = data
        self.kind = kind
        let n = data.agencies.count
        var responded = [Bool](repeating: false, count: n)
        for r in data.reports { responded[r.reporter] = true }
        for a in data.answeredWithoutPartners { responded[a] = true }
        ties = Self.ties(of: data).filter { kind.map($0.kinds.contains) ?? true }
        self.responded = responded
        worksWith = Graph(nodeCount: n, edges: ties.map { ($0.a, $0.b, $0.strength) }, directed: false, weighted: true)
        reports = Graph(
            nodeCount: n,
            edges: data.reports.filter { kind.map($0.kinds.contains) ?? true }
                .map { ($0.reporter, $0.partner, 1) }, directed: true)
        var flow: [Int: Double] = [:]
        for r in data.referrals { flow[r.from * n + r.to, default: 0] += 1 }
        referralFlow = Graph(
            nodeCount: n, edges: flow.map { ($0.key / n, $0.key % n, $0.value) }, directed: true, weighted: true)
    }

    /// The year's reports merged into ties, sorted by `(a, b)`.
    public static func ties(of data: YearData) -> [Tie] {
        let n = data.agencies.count
        var byPair: [Int: Tie] = [:]
        for (i, r) in data.reports.enumerated() {
            let (a, b) = (min(r.reporter, r.partner), max(r.reporter, r.partner))
            var tie = byPair[a * n + b] ?? Tie(a: a, b: b, kinds: [], personDependent: false)
            if r.reporter == a { tie.reportAB = i } else { tie.reportBA = i }
            tie.kinds.formUnion(r.kinds)
            tie.frequency = [tie.frequency, r.frequency].compactMap { $0 }.max()
            tie.familiarity = [tie.familiarity, r.familiarity].compactMap { $0 }.max()
            tie.personDependent = tie.personDependent || r.personDependent == true
            tie.trust = [tie.trust, r.trust].compactMap { $0 }.max()
            byPair[a * n + b] = tie
        }
        return byPair.values.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }
}
