/// The measures of one agency in one year ("who connects whom", not a grade).
public struct AgencyMeasures: Sendable, Encodable, Equatable {
    public var id: String
    public var name: String
    public var field: Field
    /// Partners in the works-with network (either side named the other).
    public var degree: Int
    /// Agencies that named this one.
    public var inDegree: Int
    /// Agencies this one named.
    public var outDegree: Int
    /// Sum of tie strengths (1 + familiarity) over its ties.
    public var weightedDegree: Double
    /// Normalised betweenness in the works-with network.
    public var betweenness: Double
    /// Normalised betweenness in the directed network of reports.
    public var betweennessDirected: Double
    public var closeness: Double
    public var harmonic: Double
    public var pagerank: Double
    /// Nil when the power iteration did not converge.
    public var eigenvector: Double?
    public var core: Int
    public var clustering: Double
    /// Nil for an agency without ties.
    public var constraint: Double?
    public var effectiveSize: Double?
    /// Its departure would split the network.
    public var articulation: Bool
    /// IDs of the agencies that would be cut off if it stepped back.
    public var cutOff: [String]
    public var brokerage: BrokerageRoles
    /// Louvain community number (numbered by smallest member).
    public var community: Int
    /// It answered the survey.
    public var responded: Bool
}

/// Ties between two fields: how many there are and how many there could be.
public struct FieldPair: Sendable, Encodable, Equatable {
    public var a: Field
    public var b: Field
    public var observed: Int
    /// n_a · n_b, or n_a(n_a − 1)/2 within a field.
    public var possible: Int
    /// What the network's overall density would give: density × possible.
    public var expected: Double
}

/// The measures of the whole network in one year.
public struct NetworkMeasures: Sendable, Encodable, Equatable {
    public var agencies: Int
    public var ties: Int
    public var confirmedTies: Int
    public var oneSidedTies: Int
    public var density: Double
    /// Dyadic reciprocity: the share of ties that both sides named (confirmed ties / ties).
    public var reciprocity: Double
    public var respondents: Int
    /// Component sizes, largest first.
    public var components: [Int]
    /// IDs of agencies without ties.
    public var isolates: [String]
    public var degreeCentralization: Double
    public var betweennessCentralization: Double
    public var diameter: Int
    public var averagePathLength: Double
    public var transitivity: Double
    /// Communities of two or more agencies (agencies without ties are left out).
    public var communities: Int
    public var modularity: Double
    /// E-I index by field over all ties (−1 all within fields, +1 all across).
    public var eiIndex: Double
    /// E-I index of each field's agencies (fields with agencies only).
    public var eiByField: [String: Double]
    /// Attribute assortativity by field.
    public var fieldAssortativity: Double
    /// Every pair of fields present (a ≤ b).
    public var fieldMixing: [FieldPair]
    /// How the path measures were estimated; nil when they are exact.
    public var estimate: PathEstimate?
    /// The measures that are estimates from the sample rather than exact values (empty without
    /// one): per agency betweenness (both networks), closeness and harmonic; for the network the betweenness
    /// centralization, the average distance, and the diameter, a lower bound.
    public var estimated: [String]
}

/// Above this many agencies, commands that show path measures (betweenness, closeness, harmonic)
/// estimate them unless told `--exact` (closeness from `automaticSample` sources, betweenness by
/// `BetweennessEstimate` to `estimatedBetweennessError`): the exact run takes about
/// 45 minutes at 100,000 agencies on two cores (docs/PERFORMANCE.md).
public let automaticSampleAbove = 20_000
/// The sources searched from for closeness and distances when path measures are estimated.
public let automaticSample = 1_000
/// The error asked of estimated betweenness (`BetweennessEstimate`, 95 % probability).
public let estimatedBetweennessError = 0.005

/// How a year's path measures were estimated, and what the estimate guarantees.
public struct PathEstimate: Sendable, Encodable, Equatable {
    /// Agencies searched from for closeness, harmonic centrality, the diameter (the longest distance
    /// seen, a lower bound) and the average distance.
    public var sources: Int
    /// Random shortest paths drawn for betweenness (`BetweennessEstimate`) in the works-with network
    /// and in the directed reports; nil for weighted betweenness, which is estimated from the sources.
    public var betweennessPaths: Int?
    public var betweennessDirectedPaths: Int
    /// With 95 % probability every agency's betweenness, in both networks, is within ± this of its
    /// exact value.
    public var betweennessErrorBound: Double
    /// How many of the ten agencies of highest betweenness (works-with, unweighted) are certainly the
    /// ten highest whatever the error; nil with weighted betweenness.
    public var certainTop10: Int?
}

/// What `tsunagari analyze` computes for a year.
public struct Analysis: Sendable {
    public var network: YearNetwork
    public var agencies: [AgencyMeasures]
    public var summary: NetworkMeasures
    public var cutPoints: CutPoints
    /// Who offers what for which ages (the agencies' profiles).
    public var services: ServiceMatrix
    /// The gaps with the default options, found on first use and then shared by the report,
    /// the maps, the comparison and the trends (`findings`).
    private let defaultFindings = Locked<[Finding]?>(nil)

    /// `findGaps(self)`, computed once.
    public var findings: [Finding] {
        defaultFindings.withLock { cached in
            if let cached { return cached }
            let found = findGaps(self)
            cached = found
            return found
        }
    }

    /// Computes every measure. `weighted`: betweenness and closeness use tie strength (distance
    /// 1 / strength) in the works-with network. `betweennessSample`: estimate the path measures, for
    /// very large networks: closeness, harmonic centrality and the distances from that many sources
    /// (seeded) instead of all; betweenness from random shortest paths until every agency's value is
    /// within `estimatedBetweennessError` (weighted betweenness, from the same sources, with
    /// `sampledBetweennessError`'s bound).
    /// `pathMeasures: false` computes no shortest paths at all (betweenness, closeness, harmonic,
    /// the diameter and the average distance stay 0): for the findings, which need none.
    /// `progress` hears how far the long steps have come.
    public init(
        _ network: YearNetwork, weighted: Bool = false, betweennessSample: Int? = nil, pathMeasures: Bool = true,
        progress: ProgressHandler? = nil
    ) {
        self.network = network
        let g = network.worksWith
        let n = g.nodeCount
        let agencies = network.agencies
        let fields = agencies.map(\.field.rawValue)
        let sample = betweennessSample.flatMap { $0 < g.nodeCount ? (sources: $0, seed: UInt64(1)) : nil }
        var paths =
            pathMeasures
            ? PathMeasures(
                g, weighted: false, sample: sample, step: .paths, progress: progress, betweenness: sample == nil)
            : PathMeasures(skipped: n)
        var estimate: PathEstimate?
        var betweenDirected = paths.betweenness
        if pathMeasures, let sample {
            let works = BetweennessEstimate(g, error: estimatedBetweennessError, progress: progress)
            let reports = BetweennessEstimate(
                network.reports, error: estimatedBetweennessError, step: .directedPaths, progress: progress)
            (paths.betweenness, betweenDirected) = (works.values, reports.values)
            estimate = PathEstimate(
                sources: sample.sources, betweennessPaths: weighted ? nil : works.samples,
                betweennessDirectedPaths: reports.samples,
                betweennessErrorBound: max(
                    weighted ? sampledBetweennessError(nodes: n, samples: sample.sources) : works.errorBound,
                    reports.errorBound),
                certainTop10: weighted ? nil : works.certainTop)
        } else if pathMeasures {
            betweenDirected =
                PathMeasures(
                    network.reports, weighted: false, sample: nil, step: .directedPaths, progress: progress,
                    closeness: false
                ).betweenness
        }
        let strength =
            weighted && pathMeasures
            ? PathMeasures(g, weighted: true, sample: sample, step: .weightedPaths, progress: progress) : paths
        progress?(.otherMeasures, 0, 1)
        let (between, closeness, harmonic) = (strength.betweenness, strength.closeness, strength.harmonic)
        let rank = pagerank(g)
        let eigen = eigenvectorCentrality(g)
        let cores = coreNumbers(g)
        let (local, transitivity) = clustering(g)
        let holes = structuralHoles(g)
        let cuts = TsunagariKit.cutPoints(g)
        // On the directed reports (a → b: a named b), as statnet's `brokerage` on a directed
        // network: on the symmetric works-with network gatekeeper would always equal representative.
        let roles = brokerage(network.reports, groups: fields)
        let communities = louvainCommunities(g)
        self.cutPoints = cuts
        services = ServiceMatrix(network.agencies)

        self.agencies = (0..<n).map { v in
            AgencyMeasures(
                id: agencies[v].id, name: agencies[v].name, field: agencies[v].field,
                degree: g.outDegree(v), inDegree: network.reports.inDegree(v), outDegree: network.reports.outDegree(v),
                weightedDegree: g.weights[g.offsets[v]..<g.offsets[v + 1]].reduce(0, +),
                betweenness: between[v], betweennessDirected: betweenDirected[v],
                closeness: closeness[v], harmonic: harmonic[v], pagerank: rank[v], eigenvector: eigen?[v],
                core: cores[v], clustering: local[v],
                constraint: holes.constraint[v].isNaN ? nil : holes.constraint[v],
                effectiveSize: holes.effectiveSize[v].isNaN ? nil : holes.effectiveSize[v],
                articulation: cuts.cutOff[v] != nil, cutOff: (cuts.cutOff[v] ?? []).map { agencies[$0].id },
                brokerage: roles[v], community: communities[v], responded: network.responded[v])
        }

        let parts = components(g)
        let present = Field.allCases.filter { f in agencies.contains { $0.field == f } }
        let ei = eiIndex(g, groups: fields, groupCount: Field.allCases.count)
        let confirmed = network.ties.count { $0.isConfirmed }
        let overallDensity = density(g)
        var mixing: [FieldPair] = []
        let counts = mixingCounts(g, groups: fields, groupCount: Field.allCases.count)
        for (i, a) in present.enumerated() {
            let na = agencies.count { $0.field == a }
            for b in present[i...] {
                let nb = agencies.count { $0.field == b }
                let observed = Int(counts[a.rawValue][b.rawValue]) / (a == b ? 2 : 1)
                let possible = a == b ? na * (na - 1) / 2 : na * nb
                mixing.append(
                    FieldPair(
                        a: a, b: b, observed: observed, possible: possible,
                        expected: overallDensity * Double(possible)))
            }
        }
        summary = NetworkMeasures(
            agencies: n, ties: g.edgeCount, confirmedTies: confirmed, oneSidedTies: g.edgeCount - confirmed,
            density: overallDensity, reciprocity: g.edgeCount > 0 ? Double(confirmed) / Double(g.edgeCount) : 0,
            respondents: network.responded.count { $0 },
            components: parts.map(\.count), isolates: (0..<n).filter { g.outDegree($0) == 0 }.map { agencies[$0].id },
            degreeCentralization: degreeCentralization(g),
            betweennessCentralization: betweennessCentralization(paths.betweenness),
            diameter: Int(paths.diameter), averagePathLength: paths.averagePathLength, transitivity: transitivity,
            communities: Dictionary(grouping: communities, by: { $0 }).values.count { $0.count >= 2 },
            modularity: modularity(g, communities: communities),
            eiIndex: ei.overall,
            eiByField: Dictionary(uniqueKeysWithValues: present.map { ($0.en, ei.perGroup[$0.rawValue]) }),
            fieldAssortativity: assortativity(g, groups: fields),
            fieldMixing: mixing,
            estimate: estimate,
            estimated: sample == nil
                ? []
                : [
                    "betweenness", "betweenness_directed", "closeness", "harmonic", "betweenness_centralization",
                    "average_path_length", "diameter",
                ])
        progress?(.otherMeasures, 1, 1)
    }
}
