import Foundation

/// File formats for other network tools.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// GraphML (Brandes et al.), read by Gephi, Cytoscape, networkx, igraph, yEd.
    case graphml
    /// GEXF 1.3, Gephi's own format.
    case gexf
    /// networkx's node-link JSON (`networkx.node_link_graph(data, edges="edges")`).
    case json
}

/// One attribute of a node or a tie in an export, with its type.
private struct Attribute {
    enum Kind: String { case string, int, double, boolean }
    var name: String
    var kind: Kind
    var value: (Int) -> String?
}

extension Analysis {
    /// The works-with network with every agency attribute and measure and every tie attribute,
    /// nodes by agency ID, ties in `(a, b)` order; values absent in the data are left out.
    public func export(_ format: ExportFormat, language: Language) throws -> Data {
        let nodes = nodeAttributes(language)
        let ties = network.ties
        let edges = edgeAttributes(language)
        switch format {
        case .graphml: return Data(graphML(nodes, ties, edges).utf8)
        case .gexf: return Data(gexf(nodes, ties, edges, language).utf8)
        case .json: return try nodeLinkJSON(nodes, ties, edges)
        }
    }

    private func nodeAttributes(_ language: Language) -> [Attribute] {
        let a = network.agencies, m = agencies
        func number(_ x: Double?) -> String? { x.flatMap { $0.isFinite ? String($0) : nil } }
        return [
            Attribute(name: "name", kind: .string) { a[$0].name },
            Attribute(name: "short_name", kind: .string) { a[$0].shortName },
            Attribute(name: "field", kind: .string) { a[$0].field.label(language) },
            Attribute(name: "public_private", kind: .string) { a[$0].publicPrivate?.label(language) },
            Attribute(name: "age_min", kind: .int) { a[$0].ageMin.map(String.init) },
            Attribute(name: "age_max", kind: .int) { a[$0].ageMax.map(String.init) },
            Attribute(name: "responded", kind: .boolean) { String(m[$0].responded) },
            Attribute(name: "degree", kind: .int) { String(m[$0].degree) },
            Attribute(name: "in_degree", kind: .int) { String(m[$0].inDegree) },
            Attribute(name: "out_degree", kind: .int) { String(m[$0].outDegree) },
            Attribute(name: "weighted_degree", kind: .double) { number(m[$0].weightedDegree) },
            Attribute(name: "betweenness", kind: .double) { number(m[$0].betweenness) },
            Attribute(name: "betweenness_directed", kind: .double) { number(m[$0].betweennessDirected) },
            Attribute(name: "closeness", kind: .double) { number(m[$0].closeness) },
            Attribute(name: "harmonic", kind: .double) { number(m[$0].harmonic) },
            Attribute(name: "pagerank", kind: .double) { number(m[$0].pagerank) },
            Attribute(name: "eigenvector", kind: .double) { number(m[$0].eigenvector) },
            Attribute(name: "core", kind: .int) { String(m[$0].core) },
            Attribute(name: "clustering", kind: .double) { number(m[$0].clustering) },
            Attribute(name: "constraint", kind: .double) { number(m[$0].constraint) },
            Attribute(name: "effective_size", kind: .double) { number(m[$0].effectiveSize) },
            Attribute(name: "articulation", kind: .boolean) { String(m[$0].articulation) },
            Attribute(name: "community", kind: .int) { String(m[$0].community) },
        ]
    }

    private func edgeAttributes(_ language: Language) -> [Attribute] {
        let t = network.ties
        return [
            Attribute(name: "confirmed", kind: .boolean) { String(t[$0].isConfirmed) },
            Attribute(name: "kinds", kind: .string) {
                t[$0].kinds.kinds.map { $0.label(language) }.joined(separator: ";")
            },
            Attribute(name: "frequency", kind: .string) { t[$0].frequency?.label(language) },
            Attribute(name: "familiarity", kind: .int) { t[$0].familiarity.map(String.init) },
            Attribute(name: "person_dependent", kind: .boolean) { String(t[$0].personDependent) },
            Attribute(name: "trust", kind: .int) { t[$0].trust.map(String.init) },
            Attribute(name: "strength", kind: .double) { String(t[$0].strength) },
        ]
    }

    /// Each agency's node ID in XML exports: its ID as XML text, unique after escaping (an ID that
    /// loses characters XML cannot carry, such as `A1<U+0001>`, may meet another's; the later one,
    /// in agency order, gets `~2`, `~3` …).
    private var xmlIDs: [String] {
        var taken = Set<String>()
        return network.agencies.map { agency in
            let base = xml(agency.id)
            var id = base, k = 1
            while taken.contains(id) {
                k += 1
                id = "\(base)~\(k)"
            }
            taken.insert(id)
            return id
        }
    }

    /// With sampled path measures, the sample and the error bound, as graph attributes: wherever
    /// the estimated numbers go, it is said that they are estimates.
    private var estimate: [(name: String, kind: Attribute.Kind, value: String)] {
        guard let e = summary.estimate else { return [] }
        return [("path_sample_sources", .int, "\(e.sources)")]
            + (e.betweennessPaths.map { [("betweenness_sampled_paths", .int, "\($0)")] } ?? [])
            + [
                ("betweenness_directed_sampled_paths", .int, "\(e.betweennessDirectedPaths)"),
                ("betweenness_error_bound", .double, fixed(e.betweennessErrorBound, digits: 6)),
            ] + (e.certainTop10.map { [("betweenness_certain_top10", .int, "\($0)")] } ?? [])
    }

    private func graphML(_ nodes: [Attribute], _ ties: [Tie], _ edges: [Attribute]) -> String {
        let ids = xmlIDs
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        for (i, a) in nodes.enumerated() {
            out += "  <key id=\"n\(i)\" for=\"node\" attr.name=\"\(a.name)\" attr.type=\"\(a.kind.rawValue)\"/>\n"
        }
        for (i, a) in edges.enumerated() {
            out += "  <key id=\"e\(i)\" for=\"edge\" attr.name=\"\(a.name)\" attr.type=\"\(a.kind.rawValue)\"/>\n"
        }
        for (i, a) in estimate.enumerated() {
            out += "  <key id=\"g\(i)\" for=\"graph\" attr.name=\"\(a.name)\" attr.type=\"\(a.kind.rawValue)\"/>\n"
        }
        out += "  <graph id=\"\(xml(network.data.fiscalYear.description))\" edgedefault=\"undirected\">\n"
        for (i, a) in estimate.enumerated() { out += "    <data key=\"g\(i)\">\(a.value)</data>\n" }
        for v in agencies.indices {
            out += "    <node id=\"\(ids[v])\">"
            for (i, a) in nodes.enumerated() {
                if let value = a.value(v) {
                    out +=
                        "<data key=\"n\(i)\">\(xml(value))</data>"
                }
            }
            out += "</node>\n"
        }
        for (k, tie) in ties.enumerated() {
            out += "    <edge source=\"\(ids[tie.a])\" target=\"\(ids[tie.b])\">"
            for (i, a) in edges.enumerated() {
                if let value = a.value(k) {
                    out +=
                        "<data key=\"e\(i)\">\(xml(value))</data>"
                }
            }
            out += "</edge>\n"
        }
        return out + "  </graph>\n</graphml>\n"
    }

    private func gexf(_ nodes: [Attribute], _ ties: [Tie], _ edges: [Attribute], _ language: Language) -> String {
        let agencies = network.agencies, ids = xmlIDs
        func type(_ k: Attribute.Kind) -> String { k == .int ? "integer" : k.rawValue }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
        if let e = summary.estimate {
            out += "  <meta><description>\(xml(Text.estimateDescription(e)(language)))</description></meta>\n"
        }
        out += "  <graph defaultedgetype=\"undirected\" mode=\"static\">\n"
        out += "    <attributes class=\"node\">\n"
        for (i, a) in nodes.enumerated() {
            out +=
                "      <attribute id=\"\(i)\" title=\"\(a.name)\" type=\"\(type(a.kind))\"/>\n"
        }
        out += "    </attributes>\n    <attributes class=\"edge\">\n"
        for (i, a) in edges.enumerated() {
            out +=
                "      <attribute id=\"\(i)\" title=\"\(a.name)\" type=\"\(type(a.kind))\"/>\n"
        }
        out += "    </attributes>\n    <nodes>\n"
        for v in agencies.indices {
            out += "      <node id=\"\(ids[v])\" label=\"\(xml(agencies[v].displayName))\"><attvalues>"
            for (i, a) in nodes.enumerated() {
                if let value = a.value(v) {
                    out +=
                        "<attvalue for=\"\(i)\" value=\"\(xml(value))\"/>"
                }
            }
            out += "</attvalues></node>\n"
        }
        out += "    </nodes>\n    <edges>\n"
        for (k, tie) in ties.enumerated() {
            out +=
                "      <edge id=\"\(k)\" source=\"\(ids[tie.a])\" target=\"\(ids[tie.b])\" "
                + "weight=\"\(tie.strength)\"><attvalues>"
            for (i, a) in edges.enumerated() {
                if let value = a.value(k) {
                    out +=
                        "<attvalue for=\"\(i)\" value=\"\(xml(value))\"/>"
                }
            }
            out += "</attvalues></edge>\n"
        }
        return out + "    </edges>\n  </graph>\n</gexf>\n"
    }

    private func nodeLinkJSON(_ nodes: [Attribute], _ ties: [Tie], _ edges: [Attribute]) throws -> Data {
        let agencies = network.agencies
        func typed(_ a: Attribute, _ value: String) -> Any {
            switch a.kind {
            case .string: value
            case .int: Int(value) ?? value
            case .double: Double(value) ?? value
            case .boolean: value == "true"
            }
        }
        let nodeList: [[String: Any]] = agencies.indices.map { v in
            var node: [String: Any] = ["id": agencies[v].id]
            for a in nodes { if let value = a.value(v) { node[a.name] = typed(a, value) } }
            return node
        }
        let edgeList: [[String: Any]] = ties.indices.map { k in
            var edge: [String: Any] = ["source": agencies[ties[k].a].id, "target": agencies[ties[k].b].id]
            for a in edges { if let value = a.value(k) { edge[a.name] = typed(a, value) } }
            return edge
        }
        let document: [String: Any] = [
            "directed": false, "multigraph": false,
            "graph": (["fiscal_year": network.data.fiscalYear.year] as [String: Any]).merging(
                estimate.map { a in (a.name, a.kind == .int ? Int(a.value)! as Any : Double(a.value)! as Any) }
            ) { first, _ in first },
            "nodes": nodeList, "edges": edgeList,
        ]
        return try JSONSerialization.data(
            withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}

extension Text {
    /// A GEXF file's description when its path measures are estimates.
    static func estimateDescription(_ e: PathEstimate) -> Text {
        let bound = fixed(e.betweennessErrorBound, digits: 6)
        return Text(
            ja: "近接・調和中心性は\(e.sources)機関を起点に、媒介中心性は"
                + (e.betweennessPaths.map { "無作為に選んだ最短経路\($0)本から" } ?? "同じ起点から")
                + "推定した値です (媒介中心性の誤差は95%の確率で ±\(bound) 以内)",
            en: "closeness and harmonic estimated from \(e.sources) sources, betweenness from "
                + (e.betweennessPaths.map { "\($0) random shortest paths" } ?? "the same sources")
                + "; betweenness within ±\(bound) with 95 % probability")
    }
}
