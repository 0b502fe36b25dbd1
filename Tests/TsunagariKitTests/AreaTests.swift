import Foundation
import Testing
@testable import TsunagariKit

private let kawabe = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("SampleData/kawabe").path

/// The area sample's years, loaded without errors.
private func kawabeYears() throws -> [YearData] {
    let loaded = loadNetwork(at: kawabe)
    #expect(!loaded.diagnostics.hasErrors)
    #expect(loaded.network.areas == ["北町", "川辺市", "東山市"])
    return loaded.network.years
}

/// The pairs of agency IDs that survey.csv ties (either side naming the other), read straight from
/// the file: the oracle for the restricted networks.
private func tiedPairs(_ folder: String) throws -> Set<[String]> {
    let text = try String(contentsOfFile: kawabe + "/" + folder + "/survey.csv", encoding: .utf8)
    var pairs: Set<[String]> = []
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
        let cells = line.split(separator: ",").map(String.init)
        pairs.insert([cells[0], cells[1]].sorted())
    }
    return pairs
}

@Suite("A health centre's area: municipalities")
struct AreaTests {
    @Test("one municipality's network is its agencies and the area-wide agencies tied to them, with their ties")
    func restriction() throws {
        let year = try #require(try kawabeYears().last)
        let pairs = try tiedPairs("R7")
        let area = Dictionary(uniqueKeysWithValues: year.agencies.map { ($0.id, $0.area) })
        for town in ["北町", "川辺市", "東山市"] {
            let own = Set(year.agencies.filter { $0.area == town }.map(\.id))
            let wide = Set(
                pairs.flatMap { p in
                    own.contains(p[0]) && area[p[1]]! == nil
                        ? [p[1]] : own.contains(p[1]) && area[p[0]]! == nil ? [p[0]] : []
                })
            let cut = year.restricted(toArea: town)
            #expect(Set(cut.agencies.map(\.id)) == own.union(wide), "\(town)")
            let kept = own.union(wide)
            let expected = pairs.filter { kept.contains($0[0]) && kept.contains($0[1]) }
            let ties = YearNetwork(cut).ties.map { [cut.agencies[$0.a].id, cut.agencies[$0.b].id].sorted() }
            #expect(Set(ties) == expected, "\(town)")
            #expect(ties.count == expected.count)
        }
    }

    @Test("the story: 北町 relies on one area-wide agency and has no tie across; 川辺市 misses education–employment")
    func story() throws {
        let years = try kawabeYears()
        let pairs = try tiedPairs("R7")
        let summaries = Dictionary(uniqueKeysWithValues: areaSummaries(years[1]).map { ($0.area, $0) })
        let kita = try #require(summaries["北町"])
        #expect(kita.dependsOn == [AreaSummary.Dependency(id: "W05", ties: 8)])
        #expect(kita.areaWide == 1 && kita.crossAreaTies == 0 && kita.agencies == 16)
        // Ties across municipalities, counted from the file: 川辺市's are 東山市's.
        let prefix = { (id: String) in id.first! }
        let across = pairs.filter { Set($0.map(prefix)) == ["K", "H"] }.count
        #expect(summaries["川辺市"]!.crossAreaTies == across && summaries["東山市"]!.crossAreaTies == across)
        #expect(across == 18)
        let kawabeCity = summaries["川辺市"]!
        #expect(kawabeCity.corePathwaysTied == kawabeCity.corePathways - 1)
        let local = YearNetwork(years[1].restricted(toArea: "川辺市"))
        #expect(
            !local.ties.contains { tie in
                Set([local.agencies[tie.a].field, local.agencies[tie.b].field]) == [.education, .employment]
            })
        // 東山市 grew.
        let before = Dictionary(uniqueKeysWithValues: areaSummaries(years[0]).map { ($0.area, $0) })
        #expect(before["東山市"]!.agencies == 60 && summaries["東山市"]!.agencies == 95)
        #expect(before["東山市"]!.ties < summaries["東山市"]!.ties)
    }

    @Test("the area map: each municipality's agencies inside its box, 北町's one line from W05, counted")
    func areaMap() throws {
        let year = try #require(try kawabeYears().last)
        var options = MapOptions()
        options.variant = .areas
        let analysis = Analysis(YearNetwork(year))
        let drawing = try MapDrawing(analysis, options)
        let positions = try #require(drawing.positions)
        let boxes: [(id: String, area: String?)] =
            [("area_wide", nil)] + year.areas.enumerated().map { ("area_\($0)", $1) }
        for (id, area) in boxes {
            let box = try #require(positions[id])
            for (i, agency) in year.agencies.enumerated() where agency.area == area {
                let p = try #require(positions[MapNodeID.agency(i)])
                #expect(abs(p.x - box.x) + p.width / 2 <= box.width / 2, "\(agency.id) in \(id)")
                #expect(abs(p.y - box.y) + p.height / 2 <= box.height / 2, "\(agency.id) in \(id)")
            }
        }
        // Boxes do not overlap.
        let placed = boxes.map { positions[$0.id]! }
        for (i, a) in placed.enumerated() {
            for b in placed[(i + 1)...] {
                #expect(abs(a.x - b.x) >= (a.width + b.width) / 2 || abs(a.y - b.y) >= (a.height + b.height) / 2)
            }
        }
        let kita = "area_\(year.areas.firstIndex(of: "北町")!)"
        let lines = drawing.graph.edges.filter { $0.from == kita || $0.to == kita }
        let w05 = MapNodeID.agency(year.agencies.firstIndex { $0.id == "W05" }!)
        #expect(lines.count == 1 && lines.first.map { [$0.from, $0.to].contains(w05) } == true)
        #expect(lines.first?.attributes["label"] == "8")
    }

    @Test("an agency that named only another municipality's agencies still answered in its own municipality's view")
    func answeredAcross() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            """
            id,name,field,area
            A,東の相談窓口,行政・調整,東市
            B,東の保健センター,保健,東市
            C,西の相談窓口,行政・調整,西市
            D,西の保健センター,保健,西市
            W,保健所,保健,

            """)
        // A names only C (the other town); B names A; D names W; W names B.
        try net.write("2025/survey.csv", "reporter,partner\nA,C\nB,A\nD,W\nW,B\n")
        let year = try #require(net.load().network.years.first)
        let east = YearNetwork(year.restricted(toArea: "東市"))
        #expect(east.agencies.map(\.id) == ["A", "B", "W"])
        #expect(east.responded == [true, true, true])
        let findings = findGaps(Analysis(east))
        #expect(!findings.contains { $0.kind == .noAnswer && $0.agencies.contains("A") })
        // C named nobody anywhere: silent in the west's view.
        let west = YearNetwork(year.restricted(toArea: "西市"))
        #expect(west.agencies.map(\.id) == ["C", "D", "W"] && west.responded == [false, true, true])
    }

    @Test("an area written once gets a warning naming the closest other area")
    func loneArea() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            """
            id,name,field,area
            A,相談窓口,行政・調整,東山市
            B,保健センター,保健,東山市
            C,中学校,教育,東山巿
            D,保健所,保健,

            """)
        try net.write("2025/survey.csv", "reporter,partner\nA,B\n")
        let lines = net.lines()
        #expect(lines.contains { $0.contains("agencies.csv:4:10: warning: no other agency is in the area '東山巿'") })
        let hint = net.load().diagnostics.sorted.first { $0.message(.en).contains("東山巿") }?.hint?(.en) ?? ""
        #expect(hint.contains("'東山市'"))
    }
}
