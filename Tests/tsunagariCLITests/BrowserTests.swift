import Foundation
import Testing

/// Chromium, if installed (CI installs Debian's chromium; elsewhere the test is skipped).
private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// chromium-driver, for selenium (CI installs it with selenium; elsewhere the test is skipped).
private let chromedriver: String? = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("The report in a real browser")
struct BrowserTests {
    @Test(
        "headless Chromium: no console error, a screenshot that is not blank, the maps and Japanese text in the DOM",
        .enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); .ci/run installs it"))
    func chromiumRendersTheReport() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", CLI.sample, "-o", dir, "--cards"], lang: "ja_JP.UTF-8").status == 0)
        let (status, text) = try CLI.runScript(
            "check_report_browser.py", [dir + "/report.html", dir + "/screenshot.png"])
        #expect(status == 0, "\(text)")
        #expect(text == "OK\n")
    }

    @Test(
        "printed: no heading alone on a page, cards of at most two pages, lists open, map labels of 7 pt, a one-page handout",
        .enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium); .ci/run installs it"))
    func printsWell() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(
            try CLI.run(["report", CLI.sample, "-o", dir, "--cards", "--handout"], lang: "ja_JP.UTF-8").status == 0)
        let (status, text) = try CLI.runScript(
            "check_report_print.py", [dir + "/report.html", dir + "/print.pdf", "51", dir + "/handout.html"])
        #expect(status == 0, "\(text)")
        #expect(text.hasPrefix("OK "))
    }

    @Test(
        "the interactive map through selenium: select by click and keyboard, filter, switch year, present; axe-core clean",
        .enabled(
            if: chromium != nil && chromedriver != nil,
            "Chromium or chromium-driver is not installed (apt-get install chromium chromium-driver; pip install selenium)"
        ))
    func interactiveMap() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try CLI.run(["report", CLI.sample, "-o", dir + "/out"], lang: "ja_JP.UTF-8").status == 0)
        for (year, file) in [("2025", "now.json"), ("2023", "first.json")] {
            let export = try CLI.run(
                ["export", CLI.sample, "--year", year, "--format", "json", "-o", dir + "/" + file, "--quiet"])
            #expect(export.status == 0, "\(export.stderr)")
        }
        let (status, text) = try CLI.runScript(
            "check_report_interactive.py", [dir + "/out/report.html", dir + "/now.json", dir + "/first.json"])
        #expect(status == 0, "\(text)")
        #expect(text == "OK\n")
    }

    @Test(
        "a 3,000-agency report: the core map instead of the whole, under 3 MB, and axe-core finds no violation",
        .enabled(if: chromium != nil && chromedriver != nil, "Chromium or chromium-driver is not installed"))
    func largeReport() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let generated = try CLI.runScript(
            "gen_network.py", ["--agencies", "3000", "--out", dir + "/n3000"], folder: "scripts")
        #expect(generated.status == 0)
        let report = try CLI.run(["report", dir + "/n3000", "-o", dir + "/out", "--quiet"], lang: "ja_JP.UTF-8")
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: dir + "/out/report.html", encoding: .utf8)
        #expect(page.contains("全体の図では線が重なって読み取れないため"))
        #expect(FileManager.default.fileExists(atPath: dir + "/out/maps/core.svg"))
        #expect(page.utf8.count < 3_000_000)
        // The agency table in one collapsed group per field; every agency in it.
        #expect(page.components(separatedBy: "<details><summary>").count - 1 >= 11)
        #expect(page.components(separatedBy: "<tr><td>G0").count - 1 >= 3000)
        let (status, text) = try CLI.runScript("check_report_interactive.py", [dir + "/out/report.html", "--axe-only"])
        #expect(status == 0, "\(text)")
        #expect(text == "OK\n")
    }
}
