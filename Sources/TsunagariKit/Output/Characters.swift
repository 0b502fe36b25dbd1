/// Which characters every writer lets through, and how the terminal shows the others.

/// Whether a character may stand in text we write (XML, SVG, HTML, DOT, file names): the
/// characters of XML 1.0 (its `Char` production) less the C0 and C1 controls and Unicode's
/// noncharacters (U+FDD0–U+FDEF and the last two of every plane, such as U+FFFE), which make SVG
/// ill-formed and which Graphviz's cairo renderer does not survive. Tab and line breaks are not
/// allowed either: each writer decides what they become.
public func isAllowedText(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (0x7F...0x9F).contains(v) { return false }
    return !(0xFDD0...0xFDEF).contains(v) && v & 0xFFFE != 0xFFFE
}

/// `text` for a terminal: control and other characters that are not allowed text shown as
/// `\u{1B}` (so escape sequences in a returned form cannot move the cursor or change colours),
/// and cut to `limit` characters with the number left out (a 200 MB cell prints one short line).
public func visible(_ text: String, limit: Int = 1_000) -> String {
    var out = "", count = 0
    for scalar in text.unicodeScalars {
        if count == limit {
            let rest = text.unicodeScalars.count - count
            return out + (rest > 0 ? "… (+\(rest))" : "")
        }
        count += 1
        if isAllowedText(scalar) || scalar == "\t" {
            out.unicodeScalars.append(scalar)
        } else {
            out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
    return out
}
