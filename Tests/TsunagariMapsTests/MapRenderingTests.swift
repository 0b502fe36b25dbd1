import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TsunagariKit
@testable import TsunagariMaps

private let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleData/midori").path

private func sampleAnalysis() throws -> Analysis {
    let loaded = loadNetwork(at: sample)
    let (network, diagnostics) = (loaded.network, loaded.diagnostics)
    #expect(!diagnostics.hasErrors)
    return Analysis(YearNetwork(try #require(network.years.last)))
}

/// Everything an SVG document says: its elements, attributes and text.
private final class SVGReader: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var attributes: [(element: String, name: String, value: String)] = []
    var texts: [String] = []
    /// Each text with the x and y attributes of its element.
    var placedTexts: [(text: String, x: String, y: String)] = []
    private var current = ""
    private var currentPlace = ("", "")

    static func read(_ data: Data) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return reader
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
        for (key, value) in attributes { self.attributes.append((name, key, value)) }
        current = ""
        if name == "text" { currentPlace = (attributes["x"] ?? "", attributes["y"] ?? "") }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" {
            texts.append(current)
            placedTexts.append((current, currentPlace.0, currentPlace.1))
        }
        current = ""
    }
}

/// Graphviz is not thread-safe: rendering suites run one test at a time.
@Suite("Map rendering through Graphviz", .serialized)
struct MapRenderingTests {
    @Test("the SampleData network map is valid XML naming every agency, the legend and the isolated box")
    func sampleSVG() throws {
        let analysis = try sampleAnalysis()
        var options = MapOptions()
        options.language = .ja
        let drawing = try MapDrawing(analysis, options)
        let svg = try SVGReader.read(try renderMap(drawing, format: .svg))
        let texts = Set(svg.texts)
        for agency in analysis.network.agencies {
            for line in MapStyle.wrap(agency.displayName).split(separator: "\n") {
                #expect(texts.contains(String(line)), "label line \(line) of \(agency.id) is missing")
            }
        }
        #expect(texts.contains("凡例") && texts.contains("つながりのない機関") && texts.contains("保健"))
        #expect(
            svg.attributes.contains {
                $0.name == "font-family" && $0.value.hasPrefix("Noto Sans CJK JP,") && $0.value.hasSuffix("sans-serif")
            })
    }

    @Test("hostile names come out as text in SVG, never as markup or links")
    func hostileNames() throws {
        let names = [
            "<script>alert(1)</script>", #"back\slash \N \G \n"#, "quote \" and 'single'", "a & b &amp; ]]>",
            "<!-- comment -->", "graph { node -> x }", "javascript:alert(1)", "\u{202E}rtl\u{200D}zwj 🙂",
        ]
        var agencies: [TsunagariKit.Agency] = []
        for (i, name) in names.enumerated() {
            agencies.append(
                Agency(
                    id: "H\(i)", name: name, shortName: nil, field: .health, publicPrivate: nil, ageMin: nil,
                    ageMax: nil,
                    aliases: [], location: SourceLocation(file: "t", line: 1, column: 1)))
        }
        let reports = (1..<names.count).map { i in
            SurveyReport(
                reporter: 0, partner: i, kinds: [], frequency: nil, familiarity: 2, personDependent: nil, trust: nil,
                note: "", location: SourceLocation(file: "t", line: 1, column: 1))
        }
        let year = YearData(
            fiscalYear: FiscalYear(2025), folder: "2025", agencies: agencies, reports: reports, referrals: [])
        var options = MapOptions()
        options.showGaps = true
        let data = try renderMap(try MapDrawing(Analysis(YearNetwork(year)), options), format: .svg)
        let svg = try SVGReader.read(data)
        let text = svg.texts.joined(separator: " ")
        for name in names {
            for line in MapStyle.wrap(name).split(separator: "\n") {
                #expect(text.contains(String(line)), "\(line) is missing from the SVG text")
            }
        }
        #expect(!svg.elements.contains("script"))
        #expect(!svg.attributes.contains { $0.name.lowercased().hasPrefix("on") })
        #expect(!svg.attributes.contains { $0.name.hasSuffix("href") })
    }

    @Test("the same map is byte-identical every time, whatever was rendered before it (neato and sfdp)")
    func determinism() throws {
        let analysis = try sampleAnalysis()
        var fields = MapOptions()
        fields.variant = .fields
        let network = try MapDrawing(analysis, MapOptions()), other = try MapDrawing(analysis, fields)
        for engine in ["neato", "sfdp"] {
            let first = try renderMap(network, format: .svg, engine: engine)
            _ = try renderMap(other, format: .svg, engine: engine)
            #expect(try renderMap(network, format: .svg, engine: engine) == first, "\(engine)")
        }
        #expect(try renderMap(network, format: .dot) == Data(network.structure.text.utf8))
    }

    @Test("renders from several threads at once give the same maps as one after another")
    func threads() throws {
        let analysis = try sampleAnalysis()
        let drawings = try MapVariant.allCases.filter { ![.ego, .kind, .areas].contains($0) }.map { variant in
            var options = MapOptions()
            options.variant = variant
            return try MapDrawing(analysis, options)
        }
        let serial = try drawings.map { try renderMap($0, format: .svg) }
        let results = Locked([Data?](repeating: nil, count: 8))
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let svg = try? renderMap(drawings[i % drawings.count], format: .svg)
            results.withLock { $0[i] = svg }
        }
        for i in 0..<8 { #expect(results.withLock { $0[i] } == serial[i % drawings.count]) }
    }

    @Test("on the shared layout, an agency tied in two years sits at the same coordinates in both maps")
    func stablePositions() throws {
        let network = loadNetwork(at: sample).network
        let history = NetworkHistory(network)
        var options = MapOptions()
        options.sizeBy = .none
        let stable = try stableLayout(
            history.analyses, ids: history.matching.canonical, allIDs: history.allIDs, options: options)
        var placed: [[String: String]] = []  // per year: label → "x,y"
        for (y, analysis) in history.analyses.enumerated() {
            let svg = try SVGReader.read(
                try renderYearMap(
                    try MapDrawing(analysis, options), ids: history.matching.canonical[y], stable: stable, format: .svg)
            )
            var positions: [String: String] = [:]
            for t in svg.placedTexts { positions[t.text] = "\(t.x),\(t.y)" }
            placed.append(positions)
        }
        // Agencies with ties in 2023 and 2025 whose one-line label did not change.
        let first = history.analyses[0], last = history.analyses[2]
        let common = first.network.agencies.indices.filter { first.agencies[$0].degree > 0 }.compactMap {
            i -> String? in
            let id = history.matching.canonical[0][i]
            guard let j = history.matching.canonical[2].firstIndex(of: id), last.agencies[j].degree > 0,
                last.network.agencies[j].displayName == first.network.agencies[i].displayName,
                !MapStyle.wrap(first.network.agencies[i].displayName).contains("\n")
            else { return nil }
            return first.network.agencies[i].displayName
        }
        #expect(common.count >= 30)
        for label in common {
            #expect(
                placed[0][label] != nil && placed[0][label] == placed[2][label],
                "\(label): \(placed[0][label] ?? "-") vs \(placed[2][label] ?? "-")")
        }
        // The change map puts them in the same places too.
        let change = MapDrawing(
            comparison: history.comparison(from: 0, to: 2), allIDs: history.allIDs, options: options)
        let svg = try SVGReader.read(try renderChangeMap(change, allIDs: history.allIDs, stable: stable, format: .svg))
        let changePositions = Dictionary(
            svg.placedTexts.map { ($0.text, "\($0.x),\($0.y)") }, uniquingKeysWith: { a, _ in a })
        for label in common { #expect(changePositions[label] == placed[2][label], "\(label) in the change map") }
        #expect(
            try renderChangeMap(change, allIDs: history.allIDs, stable: stable, format: .pdf).starts(
                with: Array("%PDF".utf8)))
    }

    @Test("every variant renders as PNG and PDF")
    func formats() throws {
        let analysis = try sampleAnalysis()
        // The area map has a sample of its own (MapRenderingTests.areaMap).
        for variant in MapVariant.allCases where variant != .areas {
            var options = MapOptions()
            options.variant = variant
            options.focus = "A31"
            options.kind = .referral
            let drawing = try MapDrawing(analysis, options)
            #expect(try renderMap(drawing, format: .png).starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(variant)")
            #expect(try renderMap(drawing, format: .pdf).starts(with: Array("%PDF".utf8)), "\(variant)")
        }
    }

    @Test(
        "a PDF or PNG map is exactly its paper: A4 and A3 landscape, a 16:9 slide", arguments: Paper.allCases,
        [MapVariant.network, .fields, .resources])
    func paperSizes(paper: Paper, variant: MapVariant) throws {
        var options = MapOptions()
        options.variant = variant
        options.paper = paper
        let drawing = try MapDrawing(try sampleAnalysis(), options)
        let (width, height) = paper.inches
        // cairo writes the page as `/MediaBox [ 0 0 W H ]` in points, rounded to whole points.
        let pdf = String(decoding: try renderMap(drawing, format: .pdf), as: UTF8.self)
        let box = try #require(pdf.firstMatch(of: /\/MediaBox \[ 0 0 ([\d.]+) ([\d.]+) \]/))
        #expect(abs(Double(box.1)! - width * 72) <= 1 && abs(Double(box.2)! - height * 72) <= 1, "\(box.0)")
        // A PNG at 150 dpi: its header's width and height in pixels.
        let png = [UInt8](try renderMap(drawing, format: .png))
        let pixels = { (at: Int) in png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(abs(Double(pixels(16)) - width * 150) <= 2 && abs(Double(pixels(20)) - height * 150) <= 2)
    }

    @Test("the same map renders to the same PDF bytes a second later (no time of rendering inside)")
    func pdfDeterministic() throws {
        var options = MapOptions()
        options.variant = .fields
        let drawing = try MapDrawing(try sampleAnalysis(), options)
        let first = try renderMap(drawing, format: .pdf)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try renderMap(drawing, format: .pdf) == first)
        #expect(String(decoding: first, as: UTF8.self).contains("/CreationDate (D:19700101000000"))
    }

    @Test("the resource map: a table of pinned boxes, the sample's middle-age drop-in gap marked in R6, filled in R7")
    func resourceMap() throws {
        let loaded = loadNetwork(at: sample)
        var options = MapOptions()
        options.variant = .resources
        func drawing(_ folder: String) throws -> MapDrawing {
            let year = try #require(loaded.network.years.first { $0.folder == folder })
            return try MapDrawing(Analysis(YearNetwork(year)), options)
        }
        let r6 = try drawing("R6"), r7 = try drawing("令和7年度")
        // Every node placed by the map itself, none overlapping another of its kind in a cell.
        #expect(r6.positions.map { Set($0.keys) } == Set(r6.graph.nodes.map(\.id)))
        let dropIn40 = "rc\(Service.dropIn.rawValue)_\(AgeBand.age40to64.rawValue)"
        func cell(_ d: MapDrawing) -> [String: String] { d.graph.nodes.first { $0.id == dropIn40 }!.attributes }
        #expect(cell(r6)["class"] == "missing" && cell(r6)["label"] == "なし")
        #expect(cell(r7)["class"] == "cell")
        let a49 = try #require(loaded.network.years.last?.agencies.firstIndex { $0.id == "A49" })
        #expect(r7.graph.nodes.contains { $0.id == dropIn40.replacingOccurrences(of: "rc", with: "ra") + "_\(a49)" })
        // Rendered through Graphviz with the positions as given: the names are in the SVG.
        let svg = try SVGReader.read(try renderMap(r7, format: .svg))
        #expect(svg.texts.contains("よりみち") && svg.texts.contains("40〜64歳") && svg.texts.contains("居場所"))
        // Without profiles there is nothing to draw, and the map says why.
        let plain = try #require(loaded.network.years.first)
        #expect(throws: MapError.self) { try MapDrawing(Analysis(YearNetwork(plain)), options) }
    }

    @Test("the fields map: no tie passes under a box it does not touch (ties are routed around the fields)")
    func fieldTiesAroundBoxes() throws {
        var options = MapOptions()
        options.variant = .fields
        let svg = String(
            decoding: try renderMap(try MapDrawing(try sampleAnalysis(), options), format: .svg), as: UTF8.self)
        func numbers(_ d: Substring) -> [Double] {
            d.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
        }
        func part(_ block: Substring, _ start: String, _ end: String) -> Substring? {
            guard let a = block.range(of: start), let b = block.range(of: end, range: a.upperBound..<block.endIndex)
            else { return nil }
            return block[a.upperBound..<b.lowerBound]
        }
        var boxes: [String: (minX: Double, maxX: Double, minY: Double, maxY: Double)] = [:]
        var edges: [(ends: [String], points: [Double])] = []
        let blocks: [String] = svg.components(separatedBy: "<g id=\"")
        var edgeEnds: [String]?  // a tie's path is in the link group after its title
        for block in blocks.dropFirst().map({ Substring($0) }) {
            let title = part(block, "<title>", "</title>"), d = part(block, " d=\"", "\"")
            if block.hasPrefix("node"), let title, let d {
                let values = numbers(d)
                let xs = stride(from: 0, to: values.count, by: 2).map { values[$0] }
                let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
                boxes[String(title)] = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
            } else if block.hasPrefix("edge"), let title {
                edgeEnds = title.components(separatedBy: "&#45;&#45;")
            } else if block.hasPrefix("a_edge"), let ends = edgeEnds, let d {
                edges.append((ends, numbers(d)))
                edgeEnds = nil
            }
        }
        #expect(boxes.count >= 8 && edges.count >= 20)
        var crossings: [String] = []
        for edge in edges {
            let p = edge.points  // M p0 C p1 p2 p3 [p4 p5 p6 …]: cubic pieces sharing their ends
            var k = 0
            while k + 7 < p.count {
                for step in 1..<20 {
                    let t = Double(step) / 20, u = 1 - t
                    let x =
                        u * u * u * p[k] + 3 * u * u * t * p[k + 2] + 3 * u * t * t * p[k + 4] + t * t * t * p[k + 6]
                    let y =
                        u * u * u * p[k + 1] + 3 * u * u * t * p[k + 3] + 3 * u * t * t * p[k + 5] + t * t * t
                        * p[k + 7]
                    for (name, b) in boxes where !edge.ends.contains(name) {
                        if x > b.minX + 2 && x < b.maxX - 2 && y > b.minY + 2 && y < b.maxY - 2 {
                            crossings.append("\(edge.ends.joined(separator: "–")) under \(name)")
                        }
                    }
                }
                k += 6
            }
        }
        #expect(Set(crossings).isEmpty, "\(Set(crossings).sorted())")
    }
}
