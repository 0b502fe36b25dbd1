/// A graph in the Graphviz DOT language, written deterministically: attributes sorted by name,
/// nodes and edges in the order given, every value quoted and escaped.
public struct DOTGraph: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var id: String
        public var attributes: [String: String]
        public init(_ id: String, _ attributes: [String: String]) {
            self.id = id
            self.attributes = attributes
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var attributes: [String: String]
        public init(_ from: String, _ to: String, _ attributes: [String: String]) {
            self.from = from
            self.to = to
            self.attributes = attributes
        }
    }

    public var directed: Bool
    public var attributes: [String: String] = [:]
    public var nodeDefaults: [String: String] = [:]
    public var edgeDefaults: [String: String] = [:]
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    public init(directed: Bool) { self.directed = directed }

    /// The DOT text. The graph is named: Graphviz numbers anonymous graphs with a process-wide
    /// counter that would leak into the SVG's title and make repeated renders differ.
    public var text: String {
        var out = directed ? "digraph map {\n" : "graph map {\n"
        func list(_ attributes: [String: String]) -> String {
            attributes.sorted { $0.key < $1.key }.map {
                "\($0.key)=\(dotString($0.key == "tooltip" ? tooltipText($0.value) : $0.value))"
            }
            .joined(separator: ", ")
        }
        if !attributes.isEmpty { out += "  graph [\(list(attributes))];\n" }
        if !nodeDefaults.isEmpty { out += "  node [\(list(nodeDefaults))];\n" }
        if !edgeDefaults.isEmpty { out += "  edge [\(list(edgeDefaults))];\n" }
        for node in nodes { out += "  \(dotString(node.id)) [\(list(node.attributes))];\n" }
        let arrow = directed ? "->" : "--"
        for edge in edges {
            out += "  \(dotString(edge.from)) \(arrow) \(dotString(edge.to))"
            out += edge.attributes.isEmpty ? ";\n" : " [\(list(edge.attributes))];\n"
        }
        return out + "}\n"
    }
}

/// Graphviz 2.43 expands backslash sequences in tooltips twice, so a doubled backslash still turns
/// `\N` into the node's name there; tooltips get the full-width ＼ instead (Japanese fonts draw a
/// backslash as ¥ anyway).
func tooltipText(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "＼")
}
