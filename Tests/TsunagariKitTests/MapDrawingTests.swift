import Foundation
import Testing
@testable import TsunagariKit

/// A small network with every kind of node and tie a map draws: confirmed ties of each
/// familiarity, a one-sided tie, an isolated agency, each public/private shape.
func smallMapNetwork() -> Analysis {
    year(
        [
            ("A", .administration, nil, nil), ("B", .health, nil, nil), ("C", .education, 6, 15),
            ("D", .employment, 15, 49), ("E", .peersFamiliesNPO, nil, nil),
        ],
        reports: mutual("A-B", "A-C") + ["C>D"],
        names: ["A": "ひきこもり相談窓口", "B": "保健所", "C": "中学校", "D": "サポステ", "E": "家族会"],
        sectors: ["A": .publicBody, "B": .publicBody, "C": .publicBody, "D": .publicContracted, "E": .voluntary])
}

@Suite("Map drawing (DOT, no Graphviz)")
struct MapDrawingTests {
    /// Compares with a golden file; `TSUNAGARI_RECORD_GOLDEN=1 swift test` writes it instead.
    @Test("the network map of a small network matches its golden DOT, before and after placing")
    func golden() throws {
        var options = MapOptions()
        options.area = "テスト市"
        let drawing = try MapDrawing(smallMapNetwork(), options)
        try expectGolden(drawing.structure.text, "small-network.dot")
        let positions: [String: NodeBox] = [
            "n0": NodeBox(x: 100, y: 100, width: 80, height: 30), "n1": NodeBox(x: 200, y: 150, width: 60, height: 30),
            "n2": NodeBox(x: 200, y: 50, width: 60, height: 30), "n3": NodeBox(x: 300, y: 50, width: 60, height: 30),
        ]
        try expectGolden(drawing.composed(positions: positions).text, "small-network-placed.dot")
        #expect(drawing.isolated.map(\.id) == ["n4"])
        var english = options
        english.language = .en
        english.variant = .fields
        try expectGolden(try MapDrawing(smallMapNetwork(), english).structure.text, "small-fields.dot")
    }

    @Test("DOT strings: backslash sequences, quotes and control characters stay plain text")
    func escaping() {
        #expect(dotString(#"a\Nb"#) == #""a\\Nb""#)
        #expect(dotString(#"say "hi""#) == #""say \"hi\"""#)
        #expect(dotString("two\nlines") == #""two\nlines""#)
        #expect(dotString("tab\there\u{7}bell\r") == "\"tab here bell \"")
        #expect(dotString("graph { node -> x }") == "\"graph { node -> x }\"")
        #expect(dotString("a & b &amp;") == "\"a &amp; b &amp;amp;\"")
        var g = DOTGraph(directed: false)
        g.nodes = [DOTGraph.Node("n0", ["tooltip": #"a\Nb"#, "label": #"a\Nb"#])]
        #expect(g.text.contains(#"label="a\\Nb", tooltip="a＼Nb""#))
    }

    @Test("long names wrap at spaces or 「・」 and never start a line with ー or a small kana")
    func wrapping() {
        #expect(MapStyle.wrap("ひきこもり相談窓口") == "ひきこもり相談窓口")  // a little over: one line
        #expect(MapStyle.wrap("子ども・若者総合相談センター") == "子ども・\n若者総合相談センター")
        let wrapped = MapStyle.wrap("みどり市こども家庭センターサービス")
        #expect(!wrapped.split(separator: "\n").contains { $0.first == "ー" })
        #expect(MapStyle.wrap("a\nb") == "a b")
    }

    @Test("every variant builds; ego needs a known agency, kind a kind, resources profiles, areas municipalities")
    func variants() throws {
        var profiled = smallMapNetwork()
        for variant in [MapVariant.resources, .areas] {
            #expect(throws: MapError.self) {
                var options = MapOptions()
                options.variant = variant
                return try MapDrawing(profiled, options)
            }
        }
        var year = profiled.network.data
        year.agencies[0].services = [ServiceOffer(.consultation)]
        year.agencies[0].area = "A市"
        profiled = Analysis(YearNetwork(year))
        let analysis = profiled
        for variant in MapVariant.allCases {
            var options = MapOptions()
            options.variant = variant
            options.focus = "A"
            options.kind = .information
            #expect(throws: Never.self) { try MapDrawing(analysis, options) }
        }
        var ego = MapOptions()
        ego.variant = .ego
        ego.focus = "Z9"
        #expect(throws: MapError.self) { try MapDrawing(analysis, ego) }
        var kind = MapOptions()
        kind.variant = .kind
        #expect(throws: MapError.self) { try MapDrawing(analysis, kind) }
    }

    @Test("the core map: the widest k-core that fits, here a clique of five inside a ring of 200")
    func coreMap() throws {
        let clique = (0..<5).map { "K\($0)" }, ring = (0..<200).map { "R\($0)" }
        var reports: [String] = []
        for i in 0..<5 { for j in (i + 1)..<5 { reports += mutual("\(clique[i])-\(clique[j])") } }
        for i in 0..<200 { reports += mutual("\(ring[i])-\(ring[(i + 1) % 200])") }
        reports += mutual("K0-R0")
        let analysis = year((clique + ring).map { ($0, .health, nil, nil) }, reports: reports)
        var options = MapOptions()
        options.variant = .core
        options.language = .en
        let drawing = try MapDrawing(analysis, options)
        let shown = Set(drawing.graph.nodes.map(\.id)).union(drawing.isolated.map(\.id))
        let ids = Set(clique.map { id in "n\(analysis.agencies.firstIndex { $0.id == id }!)" })
        #expect(shown == ids)  // the ring (core 2) would pass the limit of 150
        #expect(drawing.isolated.isEmpty)
        #expect(drawing.structure.text.contains("the core (5 agencies, each tied to at least 4 of them)"))
    }

    @Test("referral maps label and widen shown counts only; every hidden count is drawn alike")
    func referralCounts() throws {
        let analysis = year(
            [
                ("A", .education, nil, nil), ("B", .employment, nil, nil), ("C", .health, nil, nil),
                ("D", .medical, nil, nil),
            ],
            reports: mutual("A-B"),
            referrals: [
                ("A", "B", .connected, []), ("A", "B", .connected, []), ("A", "B", .interrupted, []),
                ("B", "C", .refused, []),
                ("C", "D", .refused, []), ("C", "D", .connected, []),
                ("D", "A", .refused, []), ("D", "A", .refused, []), ("D", "A", .refused, []),
                ("D", "A", .connected, []),
            ])
        var options = MapOptions()
        options.variant = .referrals
        let edges = try MapDrawing(analysis, options).graph.edges
        // A→B: 3 = 1 failed + 2 connected, both parts hidden, so only "at least 3" shows.
        #expect(edges.map { $0.attributes["label"] } == ["3+", nil, nil, "4+"])
        // B→C (1, refused) and C→D (2, one refused) look the same: width, style, colour.
        #expect(edges[1].attributes == edges[2].attributes)
        // D→A: 3 of 4 failed, shown, so dashed; B→C's one failure is hidden, so it is not.
        #expect(edges[3].attributes["style"] == "dashed")
        #expect(edges[1].attributes["style"] == nil)
        options.counts = CaseCountRule(exact: true)
        #expect(try MapDrawing(analysis, options).graph.edges.map { $0.attributes["label"] } == ["3", "1", "2", "4"])
    }
}
