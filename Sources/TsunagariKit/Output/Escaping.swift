/// Escaping for every text format we write, in one place; which characters pass at all is
/// `isAllowedText` (Characters.swift).

/// Text for an XML (or HTML) attribute or element: markup characters escaped, tab and line breaks
/// as character references (so they survive in attributes), characters that are not allowed text
/// (`isAllowedText`: other controls, noncharacters such as U+FFFE) dropped.
public func xml(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        case "\t", "\n", "\r": out += "&#\(scalar.value);"
        default:
            if isAllowedText(scalar) { out.unicodeScalars.append(scalar) }
        }
    }
    return out
}

/// A DOT double-quoted string holding `text` as plain text.
///
/// Graphviz interprets backslash sequences (`\n`, `\N`, `\G`, `\l`, …) in labels and other
/// strings, even in values set through its API, so every backslash is doubled; quotes are escaped;
/// a line break in `text` becomes `\n` (a centred line break in a label); `&` becomes `&amp;`,
/// since Graphviz decodes HTML entities in strings (so 「&amp;」 in a name stays 「&amp;」);
/// carriage returns, tabs and every other character that is not allowed text (`isAllowedText`:
/// controls, noncharacters such as U+FFFE), which would make the SVG invalid XML, become spaces.
public func dotString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "&": out += "&amp;"
        default:
            if isAllowedText(scalar) { out.unicodeScalars.append(scalar) } else { out += " " }
        }
    }
    return out + "\""
}
