import TsunagariKit

/// An agency drawn on an interactive map: the ID its node carries (`data-agency`, the same in
/// every year's map) and the name a screen reader and a tooltip give it.
struct MapAgency {
    var id: String
    var name: String
}

/// An SVG document (as Graphviz writes it) ready to sit inside HTML: the XML declaration, DOCTYPE
/// and comments removed, and its element ids prefixed so that several maps in one page keep their
/// ids unique (Graphviz numbers them `graph0`, `node1`, … in each).
///
/// On a map the report's script works with, every agency node of `agencies` (by its DOT
/// node name, `MapNodeID`) becomes a focusable button (`data-agency`, `tabindex`, `role`,
/// `aria-label`) and every tie between two of them names its ends (`data-a`, `data-b`). The
/// `<title>` Graphviz gives every node and edge (DOT node names, `n12--n14`) becomes the agency's
/// name or is dropped (a tie's tooltip names its agencies already), so that no internal ID reaches a tooltip or a screen reader; the ids of nodes and
/// edges, which nothing refers to, are dropped too, and so are the font names on every text.
///
/// Graphviz writes each node and edge as `<g id="…" class="node…">` followed by a line
/// `<title>NAME</title>` (edges `FROM&#45;&#45;TO`, or `&#45;&gt;` when directed).
func inlineSVG(_ svg: String, prefix: String, agencies: [String: MapAgency] = [:]) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    var out: [Substring] = []
    let lines = svg[start.lowerBound...].replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
        .split(separator: "\n", omittingEmptySubsequences: false)
    var i = 0
    while i < lines.count {
        var line = lines[i]
        if line.hasPrefix("<!--") && line.hasSuffix("-->") {
            i += 1
            continue
        }
        // `<g id="P-node3" class=…>`, `<g id="P-a_edge5">`: every group but the graph's own.
        if line.hasPrefix("<g id=\""), !line.hasPrefix("<g id=\"\(prefix)-graph"),
            let end = line.dropFirst(7).firstIndex(of: "\"")
        {
            line = "<g" + line[line.index(after: end)...]
        }
        // Text takes the page's fonts (the same list as the SVG files name) rather than naming them each time.
        if line.hasPrefix("<text "), let font = line.range(of: " font-family=\""),
            let end = line[font.upperBound...].firstIndex(of: "\"")
        {
            line = line[..<font.lowerBound] + line[line.index(after: end)...]
        }
        if line.hasPrefix("<g "), i + 1 < lines.count, lines[i + 1].hasPrefix("<title>"),
            lines[i + 1].hasSuffix("</title>")
        {
            let title = lines[i + 1].dropFirst(7).dropLast(8)
            let ends = title.replacingOccurrences(of: "&#45;&gt;", with: "&#45;&#45;").components(
                separatedBy: "&#45;&#45;")
            if line.contains("class=\"node"), let agency = agencies[String(title)] {
                out.append(
                    line.dropLast()
                        + " data-agency=\"\(xml(agency.id))\" tabindex=\"0\" role=\"button\" aria-label=\"\(xml(agency.name))\">"
                )
                out.append("<title>\(xml(agency.name))</title>")
                i += 2
                continue
            }
            if line.contains("class=\"edge"), ends.count == 2, let a = agencies[ends[0]], let b = agencies[ends[1]] {
                out.append(line.dropLast() + " data-a=\"\(xml(a.id))\" data-b=\"\(xml(b.id))\">")
                i += 2
                continue
            }
            out.append(line)
            i += 2
            continue
        }
        out.append(line)
        i += 1
    }
    return out.joined(separator: "\n")
}

/// The DOT names of the nodes a Graphviz SVG draws (the `<title>` after each `class="node"` group).
func drawnNodes(_ svg: String) -> Set<String> {
    var names: Set<String> = []
    var afterNode = false
    for line in svg.split(separator: "\n") {
        if afterNode, line.hasPrefix("<title>"), line.hasSuffix("</title>") {
            names.insert(String(line.dropFirst(7).dropLast(8)))
        }
        afterNode = line.hasPrefix("<g id=\"") && line.contains("class=\"node")
    }
    return names
}
