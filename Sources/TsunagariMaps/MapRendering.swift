import Foundation
import TsunagariKit

/// Output formats of a map.
public enum MapFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot
}

/// Lays out and renders a map.
///
/// Two passes, so that a map depends on nothing rendered before it in the same process: the
/// layout engine (`MapEngines`) places the nodes once and its positions are read back (`plain`
/// output); then the map is composed with every node pinned and rendered, keeping pinned nodes
/// in place. `dot` output is the DOT text before layout and needs no Graphviz.
///
/// `positions` (by node id) skips the layout: maps of several years share one layout that way;
/// a map that is a table (`MapDrawing.positions`) has its own.
public func renderMap(
    _ drawing: MapDrawing, format: MapFormat, engine: String? = nil,
    positions fixed: [String: NodeBox]? = nil, frame: MapFrame? = nil
) throws -> Data {
    if format == .dot { return Data(drawing.structure.text.utf8) }
    let engines = MapEngines(drawing)
    let positions = try fixed ?? drawing.positions ?? layoutPositions(drawing.graph, engine: engine ?? engines.layout)
    var final = drawing.composed(positions: positions, frame: frame)
    if format == .pdf || format == .png {
        final = try fitted(final, to: drawing.paper, engine: engines.render)
    }
    if format == .png { final.attributes["dpi"] = "150" }
    let data = try graphvizRender(final.text, engine: engines.render, format: format.rawValue)
    switch format {
    case .svg: return withFontFallbacks(data)
    case .pdf: return withFixedCreationDate(data)
    default: return data
    }
}

/// The map scaled to fill its paper and centred on it, so that a PDF or PNG has exactly the paper's
/// size (A4 or A3 landscape, or a 16:9 slide): Graphviz's `size` only bounds the drawing, so the
/// drawing's own extent is read first (`plain` output of the pinned map, unscaled), then `size` is
/// the page (with `!`, to scale up as well as down) and `pad` the rest of it, split evenly.
func fitted(_ graph: DOTGraph, to paper: Paper, engine: String) throws -> DOTGraph {
    var probe = graph
    probe.attributes["size"] = nil
    probe.attributes["pad"] = "0"
    probe.attributes["margin"] = "0"
    let plain = String(decoding: try graphvizRender(probe.text, engine: engine, format: "plain"), as: UTF8.self)
    let header = plain.prefix { $0 != "\n" }.split(separator: " ")
    guard header.count >= 4, let width = Double(header[2]), let height = Double(header[3]), width > 0, height > 0
    else { return graph }
    let (pageWidth, pageHeight) = paper.inches, margin = 0.3
    let scale = min((pageWidth - 2 * margin) / width, (pageHeight - 2 * margin) / height)
    // Graphviz scales the pad with the drawing: in unscaled inches, what fills the page at `scale`.
    // No device margin (PDF adds half an inch each side by default): the page is the drawing and its pad.
    var result = graph
    result.attributes["margin"] = "0"
    result.attributes["size"] = String(format: "%.3f,%.3f!", pageWidth, pageHeight)
    result.attributes["pad"] = String(
        format: "%.4f,%.4f", (pageWidth / scale - width) / 2, (pageHeight / scale - height) / 2)
    return result
}

/// The PDF with its creation date (cairo writes the time of rendering, and ignores
/// SOURCE_DATE_EPOCH in the version Debian ships) set to 1970-01-01, digit for digit, so that
/// byte offsets stay valid and the same map gives the same bytes.
func withFixedCreationDate(_ pdf: Data) -> Data {
    var bytes = [UInt8](pdf)
    let marker = Array("/CreationDate (D:".utf8)
    guard let start = bytes.firstRange(of: marker)?.upperBound else { return pdf }
    var i = start
    let epoch = Array("19700101000000".utf8)
    while i < bytes.count, i - start < epoch.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
        bytes[i] = epoch[i - start]
        i += 1
    }
    return Data(bytes)
}

/// The Graphviz engines a map is laid out and rendered with, chosen by its size so that Graphviz
/// is never handed a graph it cannot lay out.
///
/// neato keeps a distance matrix of n² entries even when every node is pinned (6.4 GB at 40,000
/// nodes; past 46,340 the count overflows a 32-bit int and neato crashes), so:
/// - layout: neato with a fixed seed up to `MapEngines.neatoLimit` laid-out agencies, sfdp
///   (multilevel force-directed with a Barnes–Hut approximation, memory linear in the graph) beyond;
/// - render: pinned neato up to the same number of nodes in the finished map (isolated agencies
///   and legend included; it stays flat in memory over 1,000 renders, `make bench`), `nop2`
///   beyond, which draws the given positions and edges without any layout work (it kept about
///   0.4 KB per map inside Graphviz 2.43, harmless for one large map).
public struct MapEngines: Sendable, Equatable {
    public static let neatoLimit = 1_000
    public var layout: String
    public var render: String

    public init(_ drawing: MapDrawing) {
        let laidOut = drawing.graph.nodes.count
        let drawn = laidOut + drawing.isolated.count + drawing.legend.count
        layout = laidOut > Self.neatoLimit ? "sfdp" : "neato"
        render = drawn > Self.neatoLimit ? "nop2" : "neato"
    }
}

/// Node centres and sizes in points as the layout engine placed them.
///
/// Positions are computed once per graph and engine in a process and reused: sfdp's and fdp's
/// layouts in Graphviz 2.43 depend on what was laid out before them in the same process, so
/// reusing the first layout keeps every later map of the same graph identical.
public func layoutPositions(_ graph: DOTGraph, engine: String) throws -> [String: NodeBox] {
    guard !graph.nodes.isEmpty else { return [:] }
    var layout = graph
    layout.attributes["size"] = nil  // positions unscaled; the final render scales to the paper
    let text = layout.text
    let key = engine + "\n" + text
    if let cached = layoutCache.withLock({ $0.first { $0.key == key }?.positions }) { return cached }
    let plain = String(decoding: try graphvizRender(text, engine: engine, format: "plain"), as: UTF8.self)
    let positions = parsePlain(plain)
    layoutCache.withLock { entries in
        entries.removeAll { $0.key == key }
        entries.append((key, positions))
        if entries.count > 32 { entries.removeFirst() }
    }
    return positions
}

/// The layouts of this process, by engine and DOT text (the last 32).
private let layoutCache = Locked<[(key: String, positions: [String: NodeBox])]>([])

/// Reads `node NAME X Y WIDTH HEIGHT …` lines of Graphviz's `plain` output (inches) into points.
/// Node names are ours (`n12`, `f3`), never data, so they hold no spaces or quotes.
func parsePlain(_ text: String) -> [String: NodeBox] {
    var boxes: [String: NodeBox] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("node ") {
        let parts = line.split(separator: " ", maxSplits: 6)
        guard parts.count >= 6, let x = Double(parts[2]), let y = Double(parts[3]),
            let w = Double(parts[4]), let h = Double(parts[5])
        else { continue }
        boxes[String(parts[1])] = NodeBox(x: x * 72, y: y * 72, width: w * 72, height: h * 72)
    }
    return boxes
}

/// Names fallback fonts in the SVG, so that a computer without Noto Sans CJK JP still shows
/// Japanese in a Japanese font.
func withFontFallbacks(_ svg: Data) -> Data {
    let text = String(decoding: svg, as: UTF8.self)
    let fallback =
        "font-family=\"\(MapStyle.font),Noto Sans JP,Hiragino Sans,Hiragino Kaku Gothic ProN,Yu "
        + "Gothic,Meiryo,sans-serif\""
    return Data(text.replacingOccurrences(of: "font-family=\"\(MapStyle.font)\"", with: fallback).utf8)
}

/// One layout for several years: where every agency goes, by canonical ID, and the page they share.
public struct StableLayout: Sendable {
    public var positions: [String: NodeBox]
    public var frame: MapFrame
}

/// Lays out the union of all years' ties once (agencies without ties in any year are left to the
/// isolated box); every year's map and the change map reuse it.
public func stableLayout(
    _ years: [Analysis], ids: [[String]], allIDs: [String], options: MapOptions,
    engine: String? = nil
) throws -> StableLayout {
    let union = MapDrawing.union(years, ids: ids, allIDs: allIDs, options: options)
    let boxes = try layoutPositions(
        union.graph, engine: engine ?? (union.graph.nodes.count > MapEngines.neatoLimit ? "sfdp" : "neato"))
    var byID: [String: NodeBox] = [:]
    for (k, id) in allIDs.enumerated() { if let box = boxes[MapNodeID.unionAgency(k)] { byID[id] = box } }
    let mostIsolated = max(years.map { $0.summary.isolates.count }.max() ?? 0, union.isolated.count)
    return StableLayout(positions: byID, frame: MapFrame(positions: Array(byID.values), isolatedSlots: mostIsolated))
}

/// One year's map on the shared layout: agency `i`'s node goes where agency `ids[i]` is.
public func renderYearMap(_ drawing: MapDrawing, ids: [String], stable: StableLayout, format: MapFormat) throws -> Data
{
    var positions: [String: NodeBox] = [:]
    for (i, id) in ids.enumerated() { if let box = stable.positions[id] { positions[MapNodeID.agency(i)] = box } }
    return try renderMap(drawing, format: format, positions: positions, frame: stable.frame)
}

/// The change map on the shared layout (nodes of the union of years, as in `MapDrawing.union`).
public func renderChangeMap(
    _ drawing: MapDrawing, allIDs: [String], stable: StableLayout, format: MapFormat
) throws -> Data {
    var positions: [String: NodeBox] = [:]
    for (k, id) in allIDs.enumerated() {
        if let box = stable.positions[id] { positions[MapNodeID.unionAgency(k)] = box }
    }
    return try renderMap(drawing, format: format, positions: positions, frame: stable.frame)
}
