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

public func csvCell(_ value: String) -> String {
    let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0.isNewline }
        || value.first?.isWhitespace == true || value.last?.isWhitespace == true
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
}

