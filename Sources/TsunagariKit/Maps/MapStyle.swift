/// Colours, shapes and labels of the maps.
public enum MapStyle {
    /// One colour per field, from Paul Tol's colour-blind-safe "muted" scheme plus two of his
    /// "light" colours and pale grey (Tol 2021, "Colour schemes", SRON/EPS/TN/09-002).
    public static func colour(_ field: Field) -> String {
        switch field {
        case .administration: "#332288"
        case .health: "#88CCEE"
        case .medical: "#44AA99"
        case .welfareCommunity: "#117733"
        case .welfareElderly: "#999933"
        case .welfareDisability: "#DDCC77"
        case .childrenYouthFamily: "#CC6677"
        case .education: "#882255"
        case .employment: "#AA4499"
        case .peersFamiliesNPO: "#EE8866"
        case .communityOther: "#DDDDDD"
        }
    }

    /// White text on the dark colours, black on the light ones (contrast ratio ≥ 4.5).
    public static func textColour(_ field: Field) -> String {
        switch field {
        case .administration, .welfareCommunity, .education, .employment: "#FFFFFF"
        default: "#000000"
        }
    }

    /// Node shape by public/private: public offices square, contracted hexagonal, private oval,
    /// voluntary groups diamond-shaped.
    public static func shape(_ sector: PublicPrivate?) -> String {
        switch sector {
        case .publicBody: "box"
        case .publicContracted: "hexagon"
        case .privateBody, nil: "ellipse"
        case .voluntary: "diamond"
        }
    }

    /// One colour per tie kind (Okabe & Ito 2008, colour-blind safe), for kind layers.
    public static func colour(_ kind: TieKind) -> String {
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"][kind.rawValue]
    }

    /// The SVG classes of an agency's node, for style sheets and the report's filters:
    /// `agency`, `field-N` (`Field.rawValue`) and `age-N` for each age band it serves (`AgeBand.rawValue`).
    public static func agencyClasses(_ agency: Agency) -> String {
        (["agency", "field-\(agency.field.rawValue)"]
            + AgeBand.allCases.filter { serves(agency, band: $0) }.map { "age-\($0.rawValue)" })
            .joined(separator: " ")
    }

    /// Highlight for gaps: recommended ties, articulation points, bridges.
    public static let highlight = "#D55E00"

    /// The font: Noto Sans CJK JP (installed by `make`), so that Japanese glyphs are measured and drawn.
    public static let font = "Noto Sans CJK JP"

    /// Breaks a name into lines of about `width` terminal columns (a Japanese character counts
    /// two). Names only a little over the width stay on one line; a line never starts with a
    /// character Japanese typesetting keeps off line starts (ー, small kana, closing brackets,
    /// punctuation), and breaks fall after a space or 「・」 in the last two thirds of a line.
    /// Names longer than four lines are cut with 「…」 (the tooltip keeps the full name).
    public static func wrap(_ text: String, width: Int = 18) -> String {
        var flat = String(text.map { $0.isNewline ? " " : $0 })
        if displayWidth(flat) > 4 * width {
            var cut = ""
            for c in flat where displayWidth(cut + String(c)) <= 4 * width - 2 { cut.append(c) }
            flat = cut + "…"
        }
        guard displayWidth(flat) > width + 4 else { return flat }
        let noStart: Set<Character> = Set("ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ、。，．・：；？！」』）］｝〕〉》】”’)]},.:;?!")
        var lines: [String] = [], line = ""
        for c in flat {
            if displayWidth(line + String(c)) > width && !line.isEmpty && !noStart.contains(c) {
                // Break after the last space or 「・」 in the second half of the line, if any.
                if let cut = line.indices.last(where: {
                    (line[$0] == " " || line[$0] == "・") && displayWidth(String(line[...$0])) >= width / 3
                }) {
                    lines.append(String(line[...cut]).trimmingTrailingSpaces())
                    line = String(line[line.index(after: cut)...])
                } else {
                    lines.append(line.trimmingTrailingSpaces())
                    line = ""
                }
                if c == " " && line.isEmpty { continue }
            }
            line.append(c)
        }
        if !line.isEmpty { lines.append(line) }
        // A last line of one or two characters goes back on the line before.
        if lines.count > 1, displayWidth(lines[lines.count - 1]) <= 4 {
            let last = lines.removeLast()
            lines[lines.count - 1] += last
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
