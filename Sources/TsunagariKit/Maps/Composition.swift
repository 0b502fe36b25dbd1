import Foundation

/// A laid-out node: centre and size in points (Graphviz coordinates, y upwards).
public struct NodeBox: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
}

/// The page area shared by the maps of several years: the extent of the shared layout and room
/// for the largest isolated box, so that every year's map has the same size and scale and an
/// agency lands on the same spot of the page every year.
public struct MapFrame: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double
    /// Room for this many agencies in the isolated box.
    public var isolatedSlots: Int

    public init(positions: [NodeBox], isolatedSlots: Int) {
        minX = positions.map { $0.x - $0.width / 2 }.min() ?? 0
        maxX = positions.map { $0.x + $0.width / 2 }.max() ?? 0
        minY = positions.map { $0.y - $0.height / 2 }.min() ?? 0
        maxY = positions.map { $0.y + $0.height / 2 }.max() ?? 0
        self.isolatedSlots = isolatedSlots
    }
}

extension MapDrawing {
    /// The map as DOT without positions: the graph and its isolated agencies, ready for any
    /// Graphviz layout program (what `--format dot` writes; no Graphviz needed).
    public var structure: DOTGraph {
        var g = graph
        g.nodes += isolated
        return g
    }

    /// The final DOT: every node pinned (`pos="x,y!"` in inches, for rendering with neato, which
    /// keeps pinned nodes where they are): laid-out nodes where the layout put them, the isolated
    /// agencies in a labelled box below, the legend on the right. Pure arithmetic on `positions`,
    /// so the same positions give the same map.
    /// With `frame`, the map is laid out on the shared page of several years' maps.
    public func composed(positions: [String: NodeBox], frame: MapFrame? = nil) -> DOTGraph {
        var g = graph
        g.nodes = []
        g.attributes["overlap"] = "true"  // everything is placed already
        let placed = graph.nodes.compactMap { n in positions[n.id].map { (n, $0) } }
        let bounds = frame ?? MapFrame(positions: placed.map(\.1), isolatedSlots: isolated.count)
        var (minX, maxX, minY, maxY) = (bounds.minX, bounds.maxX, bounds.minY, bounds.maxY)
        let framed = frame != nil && !placed.isEmpty

        // Isolated agencies: a grid in a dashed box below the map.
        var background: [DOTGraph.Node] = [], front: [DOTGraph.Node] = []
        let cellWidth = 130.0, cellHeight = 58.0
        let slots = max(isolated.count, bounds.isolatedSlots)
        let columns = max(1, min(slots, max(3, Int(max(maxX - minX, 400) / cellWidth))))
        let top = minY - 30
        let reservedBottom = slots > 0 ? top - Double((slots + columns - 1) / columns) * cellHeight - 36 : minY
        if !isolated.isEmpty {
            let rows = (isolated.count + columns - 1) / columns
            let boxWidth = Double(columns) * cellWidth + 20, boxHeight = Double(rows) * cellHeight + 36
            let centreX = placed.isEmpty ? boxWidth / 2 : (minX + maxX) / 2
            background.append(
                DOTGraph.Node(
                    "isolated_box",
                    [
                        "label": isolatedTitle, "labelloc": "t", "shape": "box", "style": "dashed,rounded",
                        "fillcolor": "none",
                        "fixedsize": "true", "width": inches(boxWidth), "height": inches(boxHeight), "fontsize": "13",
                        "pos": point(centreX, top - boxHeight / 2), "class": "isolated",
                    ]))
            for (i, node) in isolated.enumerated() {
                var node = node
                let (row, column) = (i / columns, i % columns)
                let x = centreX - boxWidth / 2 + 10 + (Double(column) + 0.5) * cellWidth
                let y = top - 30 - (Double(row) + 0.5) * cellHeight
                node.attributes["pos"] = point(x, y)
                front.append(node)
            }
            minX = min(minX, centreX - boxWidth / 2)
            maxX = max(maxX, centreX + boxWidth / 2)
            minY = top - boxHeight
        }
        for (node, box) in placed {
            var node = node
            node.attributes["pos"] = point(box.x, box.y)
            front.append(node)
        }
        // The legend's width: its widest entry (a node entry is its box, an edge entry a line and its label).
        let nodeWidth =
            legend.compactMap { entry -> Double? in
                if case .node(let label, _) = entry { return textWidth(label, 12) + 24 } else { return nil }
            }.max() ?? 0
        let legendWidth = max(
            nodeWidth, textWidth(legendTitle, 14),
            legend.compactMap { entry -> Double? in
                if case .edge(let label, _) = entry { return 60 + textWidth(label, 12) } else { return nil }
            }.max() ?? 0)
        if framed {
            // Invisible corners fix the page: the same bounding box, so the same scale and offset, every year.
            maxX = max(maxX, minX + Double(columns) * cellWidth + 20)
            let corners = [
                ("frame_top_left", minX, maxY),
                ("frame_bottom_right", maxX + 40 + legendWidth + 10, min(minY, reservedBottom)),
            ]
            for (id, x, y) in corners {
                background.append(
                    DOTGraph.Node(id, ["shape": "point", "style": "invis", "width": "0.01", "pos": point(x, y)]))
            }
        }

        // Legend: a column to the right, entries drawn as in the map, all node entries one width.
        let x0 = maxX + 40
        var y = maxY
        var legendNodes = [
            DOTGraph.Node(
                "legend_title",
                [
                    "label": legendTitle, "shape": "plaintext", "style": "", "fontsize": "14",
                    "pos": point(x0 + textWidth(legendTitle, 14) / 2, y), "class": "legend",
                ])
        ]
        for (i, entry) in legend.enumerated() {
            y -= 30
            switch entry {
            case .node(let label, var attributes):
                attributes["label"] = label
                attributes["width"] = inches(nodeWidth)
                attributes["pos"] = point(x0 + nodeWidth / 2, y)
                attributes["class"] = (["legend"] + [attributes["class"]].compactMap { $0 }).joined(separator: " ")
                legendNodes.append(DOTGraph.Node("legend_\(i)", attributes))
            case .edge(let label, let attributes):
                legendNodes.append(
                    DOTGraph.Node(
                        "legend_\(i)_a", ["shape": "point", "width": "0.04", "pos": point(x0, y), "class": "legend"]))
                legendNodes.append(
                    DOTGraph.Node(
                        "legend_\(i)_b",
                        ["shape": "point", "width": "0.04", "pos": point(x0 + 50, y), "class": "legend"]))
                legendNodes.append(
                    DOTGraph.Node(
                        "legend_\(i)_text",
                        [
                            "label": label, "shape": "plaintext", "style": "", "fontsize": "12",
                            "pos": point(x0 + 60 + textWidth(label, 12) / 2, y), "class": "legend",
                        ]))
                var edge = attributes
                edge["class"] = "legend"
                g.edges.append(DOTGraph.Edge("legend_\(i)_a", "legend_\(i)_b", edge))
            }
        }
        g.nodes = background + front + legendNodes
        return g
    }
}

/// Estimated width in points of a line of text at `size` points: a full-width character is one
/// em, anything else half (the legend needs only an estimate; Graphviz sizes the nodes itself).
func textWidth(_ text: String, _ size: Double) -> Double {
    Double(text.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0) * size / 2
}

/// A pinned position in inches, as neato reads `pos`, from points.
private func point(_ x: Double, _ y: Double) -> String { String(format: "%.4f,%.4f!", x / 72, y / 72) }
private func inches(_ points: Double) -> String { String(format: "%.2f", points / 72) }
