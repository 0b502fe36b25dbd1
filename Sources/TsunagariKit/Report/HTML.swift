/// Text for HTML: markup characters escaped, characters HTML forbids dropped.
func html(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default:
            if scalar.value >= 0x20 || scalar == "\n" || scalar == "\t" { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// An SVG document (as Graphviz writes it) ready to sit inside HTML: the XML declaration, DOCTYPE
/// and comments before the `<svg>` element removed, and its element ids prefixed so that several
/// maps in one page keep their ids unique (Graphviz numbers them `graph0`, `node1`, … in each).
func inlineSVG(_ svg: String, prefix: String) -> String {
    guard let start = svg.range(of: "<svg") else { return "" }
    return String(svg[start.lowerBound...]).replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)-")
}
