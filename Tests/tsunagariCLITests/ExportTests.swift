import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Whether python3 with networkx is installed (CI installs it; elsewhere the test is skipped).
private let hasNetworkx: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", "import networkx"]
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
}()

@Suite("Export for other tools")
struct ExportTests {

    @Test(
        "GraphML read back by networkx: the same agencies, ties, attributes and measures",
        .enabled(if: hasNetworkx, "python3 with networkx is not installed (pip install networkx)"))
    func graphmlWithNetworkx() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let export = try CLI.run(["export", CLI.sample, "--format", "graphml", "-o", dir + "/net.graphml"])
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try CLI.run(["analyze", CLI.sample, "--format", "csv"])
        try csv.stdout.write(toFile: dir + "/analyze.csv", atomically: true, encoding: .utf8)
        let (status, text) = try CLI.runScript("check_graphml.py", [dir + "/net.graphml", dir + "/analyze.csv"])
        #expect(status == 0, "\(text)")
        #expect(text == "OK 51 nodes 163 ties\n")
    }

    @Test("GEXF and JSON are well-formed and carry every agency")
    func gexfAndJSON() throws {
        let gexf = try CLI.run(["export", CLI.sample, "--format", "gexf"])
        #expect(gexf.status == 0)
        let parser = XMLParser(data: Data(gexf.stdout.utf8))
        #expect(parser.parse())
        #expect(gexf.stdout.components(separatedBy: "<node id=").count - 1 == 51)
        let json = try CLI.run(["export", CLI.sample, "--format", "json", "--year", "2023"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["nodes"] as? [Any])?.count == 41)
        #expect((object["edges"] as? [[String: Any]])?.allSatisfy { $0["confirmed"] is Bool } == true)
    }
}
