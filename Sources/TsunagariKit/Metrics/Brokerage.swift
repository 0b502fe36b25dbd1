/// Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of mediation"): in how
/// many open two-paths a → b → c (no tie a → c, a ≠ c) agency b stands between, by the fields of
/// the three. The analysis runs it on the directed reports (a → b: a named b), as statnet's
/// `brokerage` does on a directed network; on an undirected graph a tie counts in both directions,
/// which makes gatekeeper and representative always equal.
public struct BrokerageRoles: Sendable, Equatable, Codable {
    /// a, b and c all in one field (within-field go-between).
    public var coordinator = 0
    /// a and c in one field, b in another (a consultant from outside).
    public var itinerant = 0
    /// b and c in one field, a in another (lets others into b's field).
    public var gatekeeper = 0
    /// a and b in one field, c in another (speaks for b's field outward).
    public var representative = 0
    /// a, b and c in three different fields (links fields that are not its own).
    public var liaison = 0

    public var total: Int { coordinator + itinerant + gatekeeper + representative + liaison }
}

/// Brokerage roles of every agency; `groups[v]` is the field of `v`. Time O(Σ_b in(b)·out(b)·log).
public func brokerage(_ g: Graph, groups: [Int]) -> [BrokerageRoles] {
    (0..<g.nodeCount).map { b in
        var roles = BrokerageRoles()
        for a32 in g.predecessors(b) {
            let a = Int(a32)
            for c32 in g.successors(b) {
                let c = Int(c32)
                guard c != a, !g.hasEdge(a, c) else { continue }
                switch (groups[a] == groups[b], groups[b] == groups[c], groups[a] == groups[c]) {
                case (true, true, _): roles.coordinator += 1
                case (false, false, true): roles.itinerant += 1
                case (false, true, _): roles.gatekeeper += 1
                case (true, false, _): roles.representative += 1
                case (false, false, false): roles.liaison += 1
                }
            }
        }
        return roles
    }
}
