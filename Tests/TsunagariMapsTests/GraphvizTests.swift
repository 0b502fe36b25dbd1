import Foundation
import Testing
@testable import TsunagariMaps

/// Graphviz is not thread-safe: suites that render run one test at a time (the library also
/// holds one lock around every call, tested below).
@Suite("Graphviz rendering", .serialized)
struct GraphvizTests {
    @Test("renders SVG, PNG and PDF")
    func formats() throws {
        let dot = "graph { a [label=\"保健所\"]; b; a -- b }"
        let svg = try graphvizRender(dot, engine: "neato", format: "svg")
        #expect(String(decoding: svg, as: UTF8.self).contains("保健所"))
        #expect(try graphvizRender(dot, engine: "neato", format: "png").starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(try graphvizRender(dot, engine: "neato", format: "pdf").starts(with: Array("%PDF".utf8)))
    }

    @Test("a syntax error becomes a Swift error carrying Graphviz's message")
    func syntaxError() {
        do {
            _ = try graphvizRender("graph { a -- }", engine: "neato", format: "svg")
            Issue.record("no error thrown")
        } catch let error as GraphvizError {
            #expect(error.message.contains("syntax error"), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
        // The next render is not affected by the failed one.
        #expect((try? graphvizRender("graph { a }", engine: "neato", format: "svg")) != nil)
    }

    @Test("an unknown output format is an error, not a crash")
    func unknownFormat() {
        #expect(throws: GraphvizError.self) { try graphvizRender("graph { a }", engine: "neato", format: "nonsense") }
    }
}
