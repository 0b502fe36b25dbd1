import Testing
import TsunagariMaps

@Suite("Graphviz link")
struct GraphvizLinkTests {
    @Test("the linked library reports a 2.x or later version")
    func version() throws {
        let parts = graphvizVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count >= 2, "unexpected version string \(graphvizVersion)")
        #expect((parts.first ?? 0) >= 2)
    }
}
