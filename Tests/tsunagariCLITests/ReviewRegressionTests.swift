import Foundation
import Testing

/// Defects of the hostile review that are about what one command gets wrong, each as the user
/// met it.
@Suite("Regressions from the hostile review")
struct ReviewRegressionTests {
    let fm = FileManager.default

    /// A one-year network folder from agencies.csv and survey.csv text.
    func network(_ agencies: String, _ survey: String) throws -> String {
        let dir = try CLI.tempFolder()
        try fm.createDirectory(atPath: dir + "/net/2025", withIntermediateDirectories: true)
        try agencies.write(toFile: dir + "/net/2025/agencies.csv", atomically: true, encoding: .utf8)
        try survey.write(toFile: dir + "/net/2025/survey.csv", atomically: true, encoding: .utf8)
        return dir
    }

    @Test("GraphML and GEXF node IDs stay unique when escaping drops a character")
    func uniqueExportIDs() throws {
        let dir = try network(
            "id,name,field\nA1,一,保健\n\"A1\u{1}\",二,保健\nB,三,医療\n", "reporter,partner\nA1,B\n\"A1\u{1}\",B\n")
        defer { try? fm.removeItem(atPath: dir) }
        for format in ["graphml", "gexf"] {
            let export = try CLI.run(["export", dir + "/net", "--format", format, "-o", dir + "/net." + format])
            #expect(export.status == 0, "\(export.stderr)")
            let text = try String(contentsOfFile: dir + "/net." + format, encoding: .utf8)
            let ids = text.components(separatedBy: "<node id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            #expect(ids.count == 3 && Set(ids).count == 3, "\(format): \(ids)")
        }
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", "-c",
            "import networkx, sys; g = networkx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())",
            dir + "/net.graphml",
        ]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = FileHandle.nullDevice
        try python.run()
        let counts = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        if python.terminationStatus == 0 { #expect(counts == "3 2\n") }  // networkx installed (CI)
    }

    @Test(
        "collect: familiarity 0 in any writing alone is no tie; escape sequences in a form are shown, not sent to the terminal"
    )
    func collectForms() throws {
        let dir = try network(
            "id,name,field\nA01,窓口,行政・調整\nA02,保健所,保健\nA03,家族会,当事者・家族・民間\nA04,学校,教育\n",
            "reporter,partner\nA01,A02\n")
        defer { try? fm.removeItem(atPath: dir) }
        let forms = dir + "/forms"
        try fm.createDirectory(atPath: forms, withIntermediateDirectories: true)
        try "reporter,partner,familiarity\nA01,A02,０\nA01,A03,00\nA01,A04,2\n".write(
            toFile: forms + "/a.csv", atomically: true, encoding: .utf8)
        let collect = try CLI.run(["collect", forms, "--into", dir + "/net/2025", "--force"])
        #expect(collect.status == 0, "\(collect.stderr)")
        let survey = try String(contentsOfFile: dir + "/net/2025/survey.csv", encoding: .utf8)
        #expect(survey.components(separatedBy: "\r\n").filter { $0.hasPrefix("A01,") } == ["A01,A04,,,2,,,"])

        try "reporter,partner,kinds\nA01,\u{1B}[2J\u{1B}]0;owned\u{07}みどり,紹介\n".write(
            toFile: forms + "/a.csv", atomically: true, encoding: .utf8)
        let hostile = try CLI.run(["collect", forms, "--into", dir + "/net/2025", "--force"])
        #expect(hostile.status == 1)
        #expect(!hostile.stderr.contains("\u{1B}") && !hostile.stderr.contains("\u{07}"))
        #expect(hostile.stderr.contains("\\u{1B}[2J"))
    }

    @Test("names that a spreadsheet would run as formulas are written inert and read back as they were")
    func formulaNames() throws {
        let name = "=HYPERLINK(\"http://example.invalid\",\"click\")"
        let dir = try network(
            "id,name,field\nA01,\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",行政・調整\nA02,@SUM(1+1),保健\n",
            "reporter,partner\nA01,A02\n")
        defer { try? fm.removeItem(atPath: dir) }
        let template = try CLI.run(["template", dir + "/net", "--year", "2026", "--format", "csv"])
        #expect(template.status == 0, "\(template.stderr)")
        for file in ["2026/agencies.csv"]
            + (try fm.contentsOfDirectory(atPath: dir + "/net/2026/forms")).map({ "2026/forms/" + $0 })
        {
            let text = try String(contentsOfFile: dir + "/net/" + file, encoding: .utf8)
            for cell in text.components(separatedBy: "\r\n").flatMap({ $0.components(separatedBy: ",") }) {
                let bare = cell.hasPrefix("\"") ? String(cell.dropFirst()) : cell
                #expect(!bare.hasPrefix("=") && !bare.hasPrefix("@"), "\(file): \(cell)")
            }
        }
        // Our own reader takes the apostrophe off: the names come back exactly.
        try "reporter,partner\nA01,A02\n".write(toFile: dir + "/net/2026/survey.csv", atomically: true, encoding: .utf8)
        let json = try CLI.run(["analyze", dir + "/net", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["agencies"] as? [[String: Any]])?.map { $0["name"] as? String } == [name, "@SUM(1+1)"])
        // analyze and gaps CSV are inert too.
        for command in [["analyze", "--format", "csv"], ["gaps", "--format", "csv"]] {
            let csv = try CLI.run([command[0], dir + "/net"] + command.dropFirst())
            #expect(
                !csv.stdout.contains(",=") && !csv.stdout.contains(",@") && !csv.stdout.contains(",\"="), "\(command)")
        }
    }

    @Test(
        "50,000 unknown partner names: the first 100 errors of the file and a count of the rest, each with its suggestion"
    )
    func manyUnknownNames() throws {
        let agencies = (0..<2_000).map { "A\($0),みどり機関\($0),保健" }
        let rows = (0..<50_000).map { "A\($0 % 2_000),みどり機閑\($0 % 3_000)" }
        let dir = try network(
            "id,name,field\n" + agencies.joined(separator: "\n") + "\n",
            "reporter,partner\n" + rows.joined(separator: "\n") + "\n")
        defer { try? fm.removeItem(atPath: dir) }
        let check = try CLI.run(["check", dir + "/net"])
        #expect(check.status == 1)
        let lines = check.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") }.count == 100)
        #expect(
            lines.contains {
                $0.hasSuffix("survey.csv: 49900 more errors and 0 more warnings (the first 100 of each are shown)")
            })
        #expect(check.stderr.contains("did you mean 'みどり機関0' (A0) or"))
    }

    @Test("analyze's table cuts a 10,000-character name to one short cell; the CSV keeps it whole")
    func longNameTable() throws {
        let long = String(repeating: "長", count: 10_000)
        let dir = try network("id,name,field\nA1,\(long),保健\nA2,短い,医療\n", "reporter,partner\nA1,A2\n")
        defer { try? fm.removeItem(atPath: dir) }
        let table = try CLI.run(["analyze", dir + "/net"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count < 400 })
        #expect(table.stdout.contains(String(repeating: "長", count: 19) + "…"))
        #expect(try CLI.run(["analyze", dir + "/net", "--format", "csv"]).stdout.contains(long))
    }

    @Test(
        "an unreadable year folder is named as such, and a failed write speaks the user's language",
        .enabled(
            if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv to run as another user"))
    func unreadable() throws {
        let dir = try network("id,name,field\nA1,一,保健\n", "reporter,partner\n")
        defer { try? fm.removeItem(atPath: dir) }
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: dir + "/net/2025")
        func asNobody(_ arguments: [String]) throws -> CLI.Run {
            try CLI.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + arguments,
                executable: "/usr/bin/setpriv")
        }
        // The binary must be reachable by nobody: it is, under the build folder's usual modes.
        let check = try asNobody(["check", dir + "/net"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("cannot open the folder of FY2025 (Permission denied)"), "\(check.stderr)")
        #expect(!check.stderr.contains("has no agencies.csv"))
        try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/net/2025")
        try fm.createDirectory(
            atPath: dir + "/locked", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o555])
        let write = try asNobody(["export", dir + "/net", "-o", dir + "/locked/x.graphml", "--lang", "ja"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("書き込めません (権限がありません)"), "\(write.stderr)")
        #expect(!write.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("check shows a year's case totals under the case-count rule, exactly with --internal")
    func checkCounts() throws {
        let dir = try network("id,name,field\nA1,一,保健\nA2,二,医療\n", "reporter,partner\nA1,A2\n")
        defer { try? fm.removeItem(atPath: dir) }
        try "case,step,from,to\nK7,1,A1,A2\n".write(
            toFile: dir + "/net/2025/referrals.csv", atomically: true, encoding: .utf8)
        let meeting = try CLI.run(["check", dir + "/net"])
        #expect(meeting.stdout.contains("fewer than 3 cases (fewer than 3 hand-offs)"), "\(meeting.stdout)")
        #expect(!meeting.stdout.contains("K7") && !meeting.stderr.contains("K7"))
        #expect(try CLI.run(["check", dir + "/net", "--internal"]).stdout.contains("1 case (1 hand-off)"))
    }
}
