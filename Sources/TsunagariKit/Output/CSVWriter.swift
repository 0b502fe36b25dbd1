import Foundation

/// CSV text the way Excel in Japan opens it without asking: UTF-8 with a byte-order mark,
/// CRLF line ends, cells quoted when they hold a comma, a quote, a line break or edge spaces.
public func excelCSV(_ rows: [[String]]) -> Data {
    var text = "\u{FEFF}"
    for row in rows {
        text += row.map(csvCell).joined(separator: ",")
        text += "\r\n"
    }
    return Data(text.utf8)
}

/// One CSV cell: quoted when it holds a comma, a quote, a line break or edge spaces, and made
/// inert for spreadsheets (`neutralised`).
public func csvCell(_ value: String) -> String {
    let value = neutralised(value)
    let needsQuotes =
        value.contains { $0 == "," || $0 == "\"" || $0.isNewline }
        || value.first?.isWhitespace == true || value.last?.isWhitespace == true
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

/// Text that a spreadsheet would take for a formula (starting with `=`, `@`, a tab or a carriage
/// return, or with `+` or `-` and not a number) prefixed with an apostrophe, so that Excel and
/// LibreOffice show it as text and never evaluate it (OWASP, "CSV Injection"). Our own reader
/// takes the apostrophe off again (`CSVTable.cell`), so a name survives a round trip.
func neutralised(_ value: String) -> String {
    guard let first = value.unicodeScalars.first else { return value }
    switch first {
    case "=", "@", "\t", "\r": return "'" + value
    case "+", "-": return Double(value) == nil ? "'" + value : value
    default: return value
    }
}

/// The characters after which `unneutralised` takes an apostrophe off (those `neutralised` may
/// put one before), as the reader of cells' bytes needs them too.
let formulaStarts = "=@+-\t\r"

/// `value` with the apostrophe `neutralised` put before a formula character taken off.
func unneutralised(_ value: String) -> String {
    let scalars = value.unicodeScalars
    guard scalars.first == "'", let second = scalars.dropFirst().first, formulaStarts.unicodeScalars.contains(second)
    else { return value }
    return String(value.dropFirst())
}
