import TsunagariKit

/// Plain-text tables for the terminal, aligned for Japanese text (wide characters take two columns).
/// A cell wider than `maximumWidth` columns is cut with "…" (the CSV and JSON formats carry every
/// name whole), so that one long name neither widens every row nor slows the table down: the
/// work is linear in the size of the output.
enum Table {
    static let maximumWidth = 40

    static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let rows = rows.map { $0.map(clipped) }
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        return rows.map { row in
            var line = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - displayWidth(cell))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// `cell` on one line (controls shown visibly) and at most `maximumWidth` columns wide.
    static func clipped(_ cell: String) -> String {
        let shown = visible(cell, limit: maximumWidth)
        guard displayWidth(shown) > maximumWidth else { return shown }
        var out = "", width = 0
        for c in shown {
            let w = displayWidth(String(c))
            if width + w > maximumWidth - 1 { break }
            out.append(c)
            width += w
        }
        return out + "…"
    }
}
