/// The agencies of several years matched to one another: by ID, and for an agency whose ID is
/// new, by name, short name or alias against agencies of the earlier year whose ID disappeared
/// (an agency given a new ID keeps its history).
public struct AgencyMatching: Sendable {
    /// For each year (as given), the canonical ID of each of its agencies.
    public let canonical: [[String]]
    /// Agencies matched by name rather than ID: (year index, new ID, canonical ID).
    public let matchedByName: [(year: Int, id: String, canonical: String)]

    public init(_ years: [YearData]) {
        var canonical: [[String]] = []
        var byName: [(Int, String, String)] = []
        for (y, year) in years.enumerated() {
            var ids = year.agencies.map(\.id)
            if y > 0 {
                // An ID kept from last year keeps last year's canonical ID (which is older still
                // when the agency was renamed then); an ID new this year may match a vanished one by name.
                let previous = years[y - 1].agencies
                let carried = Dictionary(previous.indices.map { (previous[$0].id, canonical[y - 1][$0]) }) { first, _ in
                    first
                }
                let currentIDs = Set(ids)
                var vanished: [String: String] = [:]
                for (i, a) in previous.enumerated() where !currentIDs.contains(a.id) {
                    for name in a.names {
                        vanished[normalizedKey(name)] = canonical[y - 1][i]
                    }
                }
                var used = Set<String>()
                for (i, a) in year.agencies.enumerated() {
                    if let c = carried[a.id] { ids[i] = c; used.insert(c) }
                }
                for (i, a) in year.agencies.enumerated() where carried[a.id] == nil {
                    let names = a.names
                    if let match = names.lazy.compactMap({ vanished[normalizedKey($0)] }).first, !used.contains(match) {
                        ids[i] = match
                        byName.append((y, a.id, match))
                    } else if used.contains(a.id) {
                        ids[i] = "\(a.id)@\(year.fiscalYear.year)"  // a new agency given an old one's canonical ID
                    }
                    used.insert(ids[i])
                }
            }
            canonical.append(ids)
        }
        self.canonical = canonical
        self.matchedByName = byName
    }
}

/// How a tie present in both years changed.
public enum TieChange: String, Sendable, Encodable {
    case stronger, weaker, changed, same
}

/// A tie in the comparison, by canonical agency IDs (`a` < `b`).
public struct TieDifference: Sendable, Encodable, Equatable {
    public var a: String
    public var b: String
    /// Nil for new and lost ties.
    public var change: TieChange?
    public var familiarityBefore: Int?
    public var familiarityAfter: Int?
    public var confirmedBefore: Bool?
    public var confirmedAfter: Bool?
    public var kindsAdded: [TieKind]
    public var kindsLost: [TieKind]
}

/// A tie a case review of the earlier year proposed, followed into the later year.
public struct ProposedTie: Sendable, Encodable, Equatable {
    public enum Status: String, Sendable, Encodable {
        /// The two agencies have a tie now and had none.
        case formed
        /// They had a tie, and it grew stronger (`TieChange.stronger` or `.changed`).
        case strengthened
        /// No tie yet, or one that did not grow stronger.
        case missing
    }

    /// Canonical agency IDs, as the review named them (from → to).
    public var from: String
    public var to: String
    public var status: Status
}

/// What changed between two fiscal years.
public struct YearComparison: Sendable {
    public let before: Analysis
    public let after: Analysis
    /// Canonical IDs of the agencies of each year.
    public let beforeIDs: [String]
    public let afterIDs: [String]
    public let newAgencies: [String]
    public let closedAgencies: [String]
    public let newTies: [TieDifference]
    public let lostTies: [TieDifference]
    /// Ties in both years, with how they changed.
    public let keptTies: [TieDifference]
    /// Agencies without ties before that have ties now.
    public let newlyConnected: [String]
    /// Findings that were there before and are no longer, and findings that are new.
    public let gapsClosed: [Finding]
    public let gapsOpened: [Finding]
    /// Why the later year looks incomplete, if it does: then what is no longer seen is not
    /// called an improvement (a survey half returned shows fewer gaps, not better support).
    public let incomplete: Incompleteness?
    /// The ties the earlier year's case reviews proposed (each pair once, in file order) and
    /// what became of them.
    public let proposals: [ProposedTie]

    /// The later year has clearly fewer answers or case records than the one before: fewer than
    /// 80 % of its agencies that answered, or fewer than half of its hand-offs (of at least 10).
    public struct Incompleteness: Sendable, Equatable {
        public var fewerAnswers: Bool
        public var fewerCases: Bool
    }

    /// Compares two analysed years; `matching` holds their canonical IDs (before, after).
    public init(before: Analysis, after: Analysis, beforeIDs: [String], afterIDs: [String]) {
        self.before = before
        self.after = after
        let (answered, answeredBefore) = (after.summary.respondents, before.summary.respondents)
        let (cases, casesBefore) = (after.network.data.referrals.count, before.network.data.referrals.count)
        let fewerAnswers = Double(answered) < 0.8 * Double(answeredBefore)
        let fewerCases = casesBefore >= 10 && 2 * cases < casesBefore
        incomplete =
            fewerAnswers || fewerCases ? Incompleteness(fewerAnswers: fewerAnswers, fewerCases: fewerCases) : nil
        self.beforeIDs = beforeIDs
        self.afterIDs = afterIDs
        let beforeSet = Set(beforeIDs), afterSet = Set(afterIDs)
        newAgencies = afterIDs.filter { !beforeSet.contains($0) }.sorted(by: naturalOrder)
        closedAgencies = beforeIDs.filter { !afterSet.contains($0) }.sorted(by: naturalOrder)

        func keyed(_ analysis: Analysis, _ ids: [String]) -> [String: (Tie, String, String)] {
            var out: [String: (Tie, String, String)] = [:]
            for tie in analysis.network.ties {
                let (x, y) = (ids[tie.a], ids[tie.b])
                let (a, b) = naturalOrder(x, y) ? (x, y) : (y, x)
                out[a + "\t" + b] = (tie, a, b)
            }
            return out
        }
        let old = keyed(before, beforeIDs), new = keyed(after, afterIDs)
        func order(_ list: [TieDifference]) -> [TieDifference] {
            list.sorted { $0.a != $1.a ? naturalOrder($0.a, $1.a) : naturalOrder($0.b, $1.b) }
        }
        newTies = order(
            new.filter { old[$0.key] == nil }.map { _, v in
                TieDifference(
                    a: v.1, b: v.2, change: nil, familiarityBefore: nil, familiarityAfter: v.0.familiarity,
                    confirmedBefore: nil, confirmedAfter: v.0.isConfirmed, kindsAdded: v.0.kinds.kinds, kindsLost: [])
            })
        lostTies = order(
            old.filter { new[$0.key] == nil }.map { _, v in
                TieDifference(
                    a: v.1, b: v.2, change: nil, familiarityBefore: v.0.familiarity, familiarityAfter: nil,
                    confirmedBefore: v.0.isConfirmed, confirmedAfter: nil, kindsAdded: [], kindsLost: v.0.kinds.kinds)
            })
        keptTies = order(
            new.compactMap { key, v -> TieDifference? in
                guard let (was, _, _) = old[key] else { return nil }
                let now = v.0
                let added = now.kinds.kinds.filter { !was.kinds.contains($0) }
                let lost = was.kinds.kinds.filter { !now.kinds.contains($0) }
                let up =
                    (now.familiarity ?? 0) > (was.familiarity ?? 0) || (now.isConfirmed && !was.isConfirmed)
                    || !added.isEmpty
                let down =
                    (now.familiarity ?? 0) < (was.familiarity ?? 0) || (!now.isConfirmed && was.isConfirmed)
                    || !lost.isEmpty
                let change: TieChange = up && down ? .changed : up ? .stronger : down ? .weaker : .same
                return TieDifference(
                    a: v.1, b: v.2, change: change, familiarityBefore: was.familiarity,
                    familiarityAfter: now.familiarity,
                    confirmedBefore: was.isConfirmed, confirmedAfter: now.isConfirmed, kindsAdded: added,
                    kindsLost: lost)
            })

        let isolatedBefore = Set(
            before.summary.isolates.map { id in beforeIDs[before.network.agencies.firstIndex { $0.id == id }!] })
        newlyConnected = after.agencies.indices.filter {
            after.agencies[$0].degree > 0 && isolatedBefore.contains(afterIDs[$0])
        }
        .map { afterIDs[$0] }.sorted(by: naturalOrder)

        // Findings compared by kind, canonical agencies (`subjects`), fields and tag, never by their wording (which
        // holds counts: a count compared across years would show its difference, `CaseCountRule`);
        // recommendations are suggestions, not gaps.
        func signatures(_ analysis: Analysis, _ ids: [String]) -> [String: Finding] {
            let index = Dictionary(
                uniqueKeysWithValues: analysis.network.agencies.enumerated().map { ($1.id, ids[$0]) })
            var out: [String: Finding] = [:]
            for f in analysis.findings where f.kind != .recommendation {
                let key =
                    f.kind.rawValue + "|" + f.subjects.map { index[$0] ?? $0 }.joined(separator: ",") + "|"
                    + f.fields.map(\.en).joined(separator: ",") + "|"
                    + (f.tag ?? "") + "|\(f.evidence.order)"
                out[key] = f
            }
            return out
        }
        let was = signatures(before, beforeIDs), now = signatures(after, afterIDs)
        // Most important first, in the order `findGaps` lists findings.
        let kindOrder = Dictionary(uniqueKeysWithValues: Finding.Kind.allCases.enumerated().map { ($1, $0) })
        func ordered(_ list: [(key: String, value: Finding)]) -> [Finding] {
            list.sorted {
                ($0.value.severity, kindOrder[$0.value.kind]!, $0.key) < (
                    $1.value.severity, kindOrder[$1.value.kind]!, $1.key
                )
            }.map(\.value)
        }
        gapsClosed = ordered(was.filter { now[$0.key] == nil })
        gapsOpened = ordered(now.filter { was[$0.key] == nil })

        func pairKey(_ x: String, _ y: String) -> String { naturalOrder(x, y) ? x + "\t" + y : y + "\t" + x }
        let formed = Set(newTies.map { $0.a + "\t" + $0.b })
        let stronger = Set(
            keptTies.filter { $0.change == .stronger || $0.change == .changed }.map { $0.a + "\t" + $0.b })
        var seen = Set<String>(), proposals: [ProposedTie] = []
        for review in before.network.data.reviews {
            guard let from = review.proposedFrom, let to = review.proposedTo else { continue }
            let (x, y) = (beforeIDs[from], beforeIDs[to])
            let key = pairKey(x, y)
            guard seen.insert(key).inserted else { continue }
            let status: ProposedTie.Status =
                formed.contains(key) ? .formed : stronger.contains(key) ? .strengthened : .missing
            proposals.append(ProposedTie(from: x, to: y, status: status))
        }
        self.proposals = proposals
    }

    /// New, lost and kept ties counted by pair of fields (fields as in the later year, or the
    /// earlier one for agencies that closed).
    public var byFieldPair: [(a: Field, b: Field, new: Int, lost: Int, kept: Int)] {
        var field: [String: Field] = [:]
        for (i, a) in before.network.agencies.enumerated() { field[beforeIDs[i]] = a.field }
        for (i, a) in after.network.agencies.enumerated() { field[afterIDs[i]] = a.field }
        var counts: [[Int]: (Int, Int, Int)] = [:]
        func add(_ t: TieDifference, _ slot: Int) {
            let (x, y) = (field[t.a]!, field[t.b]!)
            let key = [min(x.rawValue, y.rawValue), max(x.rawValue, y.rawValue)]
            var c = counts[key] ?? (0, 0, 0)
            switch slot {
            case 0: c.0 += 1;
            case 1: c.1 += 1;
            default: c.2 += 1
            }
            counts[key] = c
        }
        newTies.forEach { add($0, 0) }
        lostTies.forEach { add($0, 1) }
        keptTies.forEach { add($0, 2) }
        return counts.sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map { (Field(rawValue: $0.key[0])!, Field(rawValue: $0.key[1])!, $0.value.0, $0.value.1, $0.value.2) }
    }

    /// Degree and betweenness before and after, for agencies present in both years, by canonical ID.
    public var agencyChanges:
        [(id: String, degreeBefore: Int, degreeAfter: Int, betweennessBefore: Double, betweennessAfter: Double)]
    {
        let old = Dictionary(uniqueKeysWithValues: before.agencies.enumerated().map { (beforeIDs[$0], $1) })
        return after.agencies.enumerated().compactMap { i, m in
            guard let was = old[afterIDs[i]] else { return nil }
            return (afterIDs[i], was.degree, m.degree, was.betweenness, m.betweenness)
        }.sorted { naturalOrder($0.id, $1.id) }
    }
}
