#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import Testing

/// The hostile names corpus (Fixtures/hostile-names.json) run through every output: each name must
/// come out as plain text, and every output must still parse.
@Suite("Hostile names in every output")
struct HostileInputTests {
    static let names: [String] = {
        let url = Bundle.module.url(forResource: "Fixtures/hostile-names", withExtension: "json")!
        return try! JSONDecoder().decode([String].self, from: Data(contentsOf: url))
    }()

    /// A network whose agencies carry the hostile names, in a ring so that every one has ties.
    private func network() throws -> String {
        let dir = try CLI.tempFolder()
        func cell(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var agencies = "id,name,field\n", survey = "reporter,partner\n"
        for (i, name) in Self.names.enumerated() {
            agencies += "H\(i),\(cell(name)),保健\n"
            survey += "H\(i),H\((i + 1) % Self.names.count)\n"
        }
        try FileManager.default.createDirectory(atPath: dir + "/net/2025", withIntermediateDirectories: true)
        try agencies.write(toFile: dir + "/net/2025/agencies.csv", atomically: true, encoding: .utf8)
        try survey.write(toFile: dir + "/net/2025/survey.csv", atomically: true, encoding: .utf8)
        return dir
    }

    /// Characters no writer lets through: controls (C0, DEL, C1) and Unicode's noncharacters.
    private static func isDropped(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0xFDD0...0xFDEF).contains(c.value)
            || c.value & 0xFFFE == 0xFFFE
    }

    /// The name as XML carries it: dropped characters gone, tab and line breaks kept.
    private func xmlText(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !Self.isDropped($0) || $0 == "\n" || $0 == "\t" }))
    }

    /// The name as a CSV cell holds it: what a spreadsheet would take for a formula gets an apostrophe.
    private func csvText(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = t.first else { return t }
        return first == "=" || first == "@" || (first == "+" || first == "-") && Double(t) == nil ? "'" + t : t
    }

    /// Every text node and attribute value of an XML document; fails the test if it does not parse.
    private func xmlContent(_ data: Data, _ what: String) -> String {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            func parser(
                _ p: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                if e == "script" && attributes.isEmpty == false { text += "<SCRIPT-ELEMENT>" }
                for (k, v) in attributes { text += "\u{1}\(k)=\(v)" }
            }
            func parser(_ p: XMLParser, foundCharacters s: String) { text += s }
        }
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "\(what) does not parse: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector.text
    }

    @Test("CSV and JSON carry each name exactly; SVG, GraphML, GEXF and the report parse and show it as text")
    func everyOutput() throws {
        let dir = try network()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let net = dir + "/net"
        #expect(try CLI.run(["check", net]).status == 0)

        // CSV: the name column of analyze, read back with a CSV parser.
        let csv = try CLI.run(["analyze", net, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = CLI.csvRows(csv.stdout)
        #expect(rows.dropFirst().map { $0[1] } == Self.names.map(csvText))

        // JSON: analyze and gaps.
        let json = try CLI.run(["analyze", net, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["agencies"] as? [[String: Any]])?.map { $0["name"] as? String } == Self.names)
        let gaps = try CLI.run(["gaps", net, "--format", "json"])
        #expect((try? JSONSerialization.jsonObject(with: Data(gaps.stdout.utf8))) != nil)

        // GraphML and GEXF: XML with every name as data.
        for format in ["graphml", "gexf"] {
            let export = try CLI.run(["export", net, "--format", format])
            let content = xmlContent(Data(export.stdout.utf8), format)
            for name in Self.names { #expect(content.contains(xmlText(name)), "\(format): \(name.prefix(40))") }
        }

        // SVG map: parses, no script, no event handler, no link; each name is text (label lines and the tooltip).
        #expect(try CLI.run(["map", net, "-o", dir + "/map.svg"]).status == 0)
        let svg = try Data(contentsOf: URL(fileURLWithPath: dir + "/map.svg"))
        let svgContent = xmlContent(svg, "SVG")
        #expect(!svgContent.contains("<SCRIPT-ELEMENT>"))
        #expect(
            !svgContent.contains("\u{1}onmouseover") && !svgContent.contains("\u{1}onclick")
                && !svgContent.contains("href="))
        // Tooltips carry the whole name: backslashes as ＼ (Graphviz would expand \N there), control
        // characters as spaces.
        let tooltips = svgContent.replacingOccurrences(of: "\u{A0}", with: " ")
        for name in Self.names where name.count < 100 && !name.contains("\n") {
            let shown = String(
                String.UnicodeScalarView(
                    name.replacingOccurrences(of: "\\", with: "＼").unicodeScalars.map { Self.isDropped($0) ? " " : $0 })
            )
            #expect(tooltips.contains(shown), "SVG: \(name)")
        }
        #expect(!tooltips.contains("n1 map"))  // \N and \G were not expanded

        // PDF: every label survives (a noncharacter once made cairo drop every later one).
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") {
            #expect(try CLI.run(["map", net, "--format", "pdf", "-o", dir + "/map.pdf"]).status == 0)
            let text = Process()
            text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            text.arguments = [dir + "/map.pdf", "-"]
            let pipe = Pipe()
            text.standardOutput = pipe
            try text.run()
            let words = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            text.waitUntilExit()
            for name in ["@SUM(1+1)", "-2+3", "' single ' quotes"] { #expect(words.contains(name), "PDF: \(name)") }
        }

        // The report: parses, names in the text, no script element but ours.
        #expect(try CLI.run(["report", net, "-o", dir + "/report", "--cards"]).status == 0)
        let page = try Data(contentsOf: URL(fileURLWithPath: dir + "/report/report.html"))
        let pageContent = xmlContent(page, "report")
        for name in Self.names where name.count < 100 {
            #expect(pageContent.contains(xmlText(name)), "report: \(name)")
        }
        // Only the sorting script.
        #expect(String(decoding: page, as: UTF8.self).components(separatedBy: "<script").count == 2)
    }
}
