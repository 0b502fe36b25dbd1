import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let kawabe = CLI.repository.appendingPathComponent("SampleData/kawabe").path

@Suite("--area and the health centre's report")
struct AreaCommandTests {
    /// `FOLDER/R7` holding one municipality cut out of the sample by hand: its rows of
    /// agencies.csv, the area-wide agencies any survey row ties to them, and the survey rows among them.
    private func cutByHand(_ area: String, into folder: String) throws {
        let agencies = CLI.csvRows(try String(contentsOfFile: kawabe + "/R7/agencies.csv", encoding: .utf8))
        let survey = CLI.csvRows(try String(contentsOfFile: kawabe + "/R7/survey.csv", encoding: .utf8))
        let areaColumn = try #require(agencies[0].firstIndex(of: "市区町村"))
        let place = Dictionary(uniqueKeysWithValues: agencies.dropFirst().map { ($0[0], $0[areaColumn]) })
        let own = Set(place.filter { $0.value == area }.keys)
        var kept = own
        for row in survey.dropFirst() {
            if own.contains(row[0]) && place[row[1]] == "" { kept.insert(row[1]) }
            if own.contains(row[1]) && place[row[0]] == "" { kept.insert(row[0]) }
        }
        try FileManager.default.createDirectory(atPath: folder + "/R7", withIntermediateDirectories: true)
        func write(_ rows: [[String]], _ name: String) throws {
            try (rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(
                toFile: folder + "/R7/" + name, atomically: true, encoding: .utf8)
        }
        try write([agencies[0]] + agencies.dropFirst().filter { kept.contains($0[0]) }, "agencies.csv")
        try write(
            [survey[0]] + survey.dropFirst().filter { kept.contains($0[0]) && kept.contains($0[1]) }, "survey.csv")
    }

    @Test("a municipality's measures and findings with --area equal those of the network cut out by hand")
    func sameAsCutByHand() throws {
        for area in ["北町", "川辺市"] {
            let cut = try CLI.tempFolder()
            defer { try? FileManager.default.removeItem(atPath: cut) }
            try cutByHand(area, into: cut)
            for command in [["analyze", "--format", "csv"], ["gaps", "--format", "csv"]] {
                let whole = try CLI.run([command[0], kawabe, "--area", area] + command.dropFirst())
                let byHand = try CLI.run([command[0], cut] + command.dropFirst())
                #expect(whole.status == 0 && byHand.status == 0, "\(whole.stderr)\(byHand.stderr)")
                #expect(whole.stdout == byHand.stdout, "\(area) \(command[0])")
                #expect(CLI.csvRows(whole.stdout).count > 5)
            }
        }
    }

    @Test("--area on every command that reads a year: analyze, gaps, map, export, report, compare")
    func everyCommand() throws {
        let out = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let runs: [[String]] = [
            ["analyze", kawabe, "--area", "北町"],
            ["gaps", kawabe, "--area", "北町"],
            ["map", kawabe, "--area", "北町", "-o", out + "/kita.svg"],
            ["export", kawabe, "--area", "北町", "--format", "json", "-o", out + "/kita.json"],
            ["report", kawabe, "--area", "北町", "-o", out + "/report"],
            ["compare", kawabe, "--area", "東山市"],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments + ["--quiet"], lang: "ja_JP.UTF-8")
            #expect(result.status == 0, "\(arguments[0]): \(result.stderr)")
        }
        // 北町's 16 agencies and the one area-wide agency tied to them.
        let exported =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: out + "/kita.json"))) as? [String: Any]
        #expect((exported?["nodes"] as? [Any])?.count == 17)
        let page = try String(contentsOfFile: out + "/report/report.html", encoding: .utf8)
        #expect(page.contains("<title>北町 令和7年度"))
        #expect(page.contains("機関は17") || page.contains("17機関"))
        #expect(!page.contains("id=\"areas\""))  // one municipality's own report: no comparison
        let svg = try String(contentsOfFile: out + "/kita.svg", encoding: .utf8)
        #expect(svg.contains("(広域)") && !svg.contains("川辺市立"))
        // 川辺市's story: its schools and employment agencies have no tie at all.
        let gaps = try CLI.run(["gaps", kawabe, "--area", "川辺市", "--quiet"])
        #expect(gaps.stdout.contains("No agency of employment is tied to education at all."))
        let compare = try CLI.run(["compare", kawabe, "--area", "東山市", "--quiet"])
        // 東山市's 60 → 95 agencies and the 4 area-wide agencies tied to them in both years.
        #expect(compare.stdout.contains("agencies: 64 → 99 "))
    }

    @Test("--area names a municipality of the data; a network without areas has none")
    func unknownArea() throws {
        let wrong = try CLI.run(["analyze", kawabe, "--area", "南市", "--quiet"], lang: "ja_JP.UTF-8")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("「南市」という市区町村はありません。次のどれかを指定してください: 北町、川辺市、東山市"))
        let none = try CLI.run(["gaps", CLI.sample, "--area", "北町", "--quiet"])
        #expect(none.status != 0 && none.stderr.contains("agencies.csv has no area column"))
    }

    @Test("the health centre's report: municipalities side by side, one section each, the ties across")
    func healthCentreReport() throws {
        let out = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try CLI.run(["report", kawabe, "-o", out, "--title", "川辺保健所管内", "--quiet"], lang: "ja_JP.UTF-8")
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        let order = ["areas", "area-1", "area-2", "area-3", "cross-area", "summary"].map {
            page.range(of: "<section id=\"\($0)\"")?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil } && order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(page.contains("<h2>2. 北町</h2>") && page.contains("<h2>3. 川辺市</h2>"))
        // The table: 北町 relies on one area-wide agency; the sections' findings say where.
        #expect(page.contains("<td>北町</td><td>16</td><td>1</td>"))
        #expect(page.contains("ひきこもり地域支援センター (8)"))
        #expect(page.contains("川辺市では、"))
        // Each municipality's section says in a sentence what the table says: 北町's one way out.
        #expect(
            page.contains(
                "<p>北町には16機関があり、つながりは57本です。広域の機関では、「ひきこもり地域支援センター」とだけつながっています。"
                    + "ほかの市区町村の機関とのつながりはありません。</p>"))
        #expect(page.contains("<td>川辺市 — 東山市</td><td>18</td>"))
        for file in ["areas.svg", "area-1.svg", "area-2.svg", "area-3.svg"] {
            #expect(FileManager.default.fileExists(atPath: out + "/maps/" + file), "\(file)")
        }
        let parser = XMLParser(data: Data(page.utf8))
        #expect(parser.parse())
    }
}
