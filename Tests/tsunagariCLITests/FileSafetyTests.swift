import Foundation
import Testing

/// Nothing written outside the named output, nothing half-done, permissions kept: each case a
/// defect a hostile review found.
@Suite("File safety")
struct FileSafetyTests {
    let fm = FileManager.default

    /// A copy of the sample network in a fresh folder, which is the current directory of the runs.
    func sampleCopy() throws -> String {
        let dir = try CLI.tempFolder()
        try fm.copyItem(atPath: CLI.sample, toPath: dir + "/net")
        return dir
    }

    func mode(_ path: String) throws -> Int {
        (try fm.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// Every file under `folder`, relative, sorted.
    func files(_ folder: String) -> [String] {
        (fm.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
    }

    @Test("a link into the input, or a path that climbs back into it through a link, is refused")
    func links() throws {
        let dir = try sampleCopy()
        defer { try? fm.removeItem(atPath: dir) }
        let before = files(dir + "/net")
        try fm.createSymbolicLink(atPath: dir + "/yearlink", withDestinationPath: dir + "/net/令和7年度")
        try fm.createSymbolicLink(atPath: dir + "/l2", withDestinationPath: dir + "/net/R6")
        for arguments in [
            ["report", dir + "/net", "-o", dir + "/yearlink"],
            ["export", dir + "/net", "--format", "json", "-o", dir + "/yearlink/referrals.csv"],
            ["map", dir + "/net", "-o", dir + "/l2/../令和7年度/map.svg"],
        ] {
            let run = try CLI.run(arguments)
            #expect(run.status == 1 && run.stderr.contains("refusing to write inside the input folder"), "\(arguments)")
        }
        #expect(files(dir + "/net") == before)
        #expect(try CLI.run(["check", dir + "/net"]).status == 0)
    }

    @Test("a device, a pipe or a folder named by -o is not replaced")
    func specialFiles() throws {
        let dir = try sampleCopy()
        defer { try? fm.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/fifo", 0o644) == 0)
        try fm.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: false)
        for target in ["/dev/null", dir + "/fifo", dir + "/folder"] {
            let run = try CLI.run(["export", dir + "/net", "-o", target])
            #expect(run.status == 1 && run.stderr.contains("is not a regular file"), "\(target)")
        }
        var info = stat()
        #expect(lstat(dir + "/fifo", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }

    @Test("a regenerated file keeps its mode; new internal outputs are 0600")
    func permissions() throws {
        let dir = try sampleCopy()
        defer { try? fm.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", dir + "/net", "-o", dir + "/internal", "--internal"]).status == 0)
        #expect(try mode(dir + "/internal/report.html") == 0o600)
        #expect(try mode(dir + "/internal/maps/network.svg") == 0o600)
        #expect(try CLI.run(["report", dir + "/net", "-o", dir + "/out"]).status == 0)
        #expect(try mode(dir + "/out/report.html") == 0o644)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: dir + "/out/report.html")
        #expect(try CLI.run(["report", dir + "/net", "-o", dir + "/out"]).status == 0)
        #expect(try mode(dir + "/out/report.html") == 0o600)
        #expect(try CLI.run(["gaps", dir + "/net", "--internal"]).status == 0)
        #expect(
            try CLI.run(["map", dir + "/net", "--variant", "referrals", "--internal", "-o", dir + "/r.svg"]).status == 0
        )
        #expect(try mode(dir + "/r.svg") == 0o600)
        // collect --force replaces survey.csv and keeps its mode.
        let year = dir + "/net/令和7年度"
        try fm.createDirectory(atPath: dir + "/forms", withIntermediateDirectories: false)
        try fm.copyItem(atPath: year + "/survey.csv", toPath: dir + "/forms/all.csv")
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: year + "/survey.csv")
        let collect = try CLI.run(["collect", dir + "/forms", "--into", year, "--force"])
        #expect(collect.status == 0, "\(collect.stderr)")
        #expect(try mode(year + "/survey.csv") == 0o600)
    }

    @Test(
        "a failed write to standard output is an error with exit status 1 in every command that prints results",
        arguments: [
            ["export"], ["export", "--format", "json"], ["analyze"], ["analyze", "--format", "csv"], ["gaps"],
            ["gaps", "--format", "json"], ["compare"], ["check"],
        ])
    func fullStandardOutput(arguments: [String]) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = [arguments[0], CLI.sample] + arguments.dropFirst() + ["--lang", "ja"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("標準出力に書き込めませんでした (ディスクの空き容量がありません)"))
    }

    @Test("template: IDs that climb folders, names that collide or run long give safe, unique, bounded form names")
    func templateNames() throws {
        let dir = try CLI.tempFolder()
        defer { try? fm.removeItem(atPath: dir) }
        let net = dir + "/net"
        try fm.createDirectory(atPath: net + "/2025", withIntermediateDirectories: true)
        let emoji = String(repeating: "🙂", count: 60)
        try """
        id,name,field
        ../../../escaped,窓口,行政・調整
        A1,B_C,保健
        A1_B,C,保健
        X1,B/C,保健
        E1,\(emoji),就労
        .hidden,家族会,当事者・家族・民間

        """.write(toFile: net + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner\nA1,E1\n".write(toFile: net + "/2025/survey.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run(["template", net, "--year", "2026"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(files(dir) == files(dir).filter { $0.hasPrefix("net") })  // nothing above net/
        let forms = try fm.contentsOfDirectory(atPath: net + "/2026/forms").sorted()
        #expect(forms.count == 6)
        #expect(Set(forms.map { $0.lowercased() }).count == 6)
        #expect(forms.allSatisfy { !$0.hasPrefix(".") && !$0.contains("/") && $0.utf8.count <= 200 })
        #expect(forms.contains("A1_B_C.xlsx") && forms.contains("A1_B_C-2.xlsx") && forms.contains("X1_B_C.xlsx"))
        #expect(forms.contains("_._.._.._escaped_窓口.xlsx") && forms.contains("_hidden_家族会.xlsx"))
        #expect(forms.contains("E1_" + String(repeating: "🙂", count: 30) + ".xlsx"))
        // The forms collect back into a survey.csv that checks.
        let collect = try CLI.run(["collect", net + "/2026/forms", "--into", net + "/2026"])
        #expect(collect.status == 0, "\(collect.stderr)")
        #expect(try CLI.run(["check", net]).status == 0)
        // The year's folder now exists: a second template writes nothing.
        let again = try CLI.run(["template", net, "--year", "2027"])
        #expect(again.status == 0)
        #expect(try CLI.run(["template", net, "--year", "2027"]).status == 1)
        #expect(!files(net).contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } })
    }

    @Test("an interrupted report leaves no temporary file and either the old report set or the new one")
    func interrupted() throws {
        let dir = try sampleCopy()
        defer { try? fm.removeItem(atPath: dir) }
        let out = dir + "/out"
        // The first year's report has no change map; the last year's has one.
        #expect(try CLI.run(["report", dir + "/net", "-o", dir + "/whole"]).status == 0)
        let whole = files(dir + "/whole")
        #expect(try CLI.run(["report", dir + "/net", "-o", out, "--year", "2023"]).status == 0)
        let old = files(out)
        #expect(old != whole)
        let oldReport = try Data(contentsOf: URL(fileURLWithPath: out + "/report.html"))
        for (i, delay) in [0.05, 0.2, 0.4, 0.6, 0.8, 1.0, 1.5].enumerated() {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = ["report", dir + "/net", "-o", out, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, i % 2 == 0 ? SIGINT : SIGTERM)
            process.waitUntilExit()
            let now = files(out)
            // No temporary is left.
            #expect(!now.contains { $0.split(separator: "/").contains { $0.hasPrefix(".") } }, "\(now)")
            let report = try Data(contentsOf: URL(fileURLWithPath: out + "/report.html"))
            #expect(report == oldReport ? now == old : now == whole)
        }
    }
}
