import Foundation
import Testing

/// Runs the built `tsunagari` binary the way a user does and checks what it prints and writes.
@Suite("tsunagari command line")
struct CLITests {
    @Test("check on SampleData: clean, with the summary of every year (counts from scripts/make_sample_data.py)")
    func checkSample() throws {
        let en = try CLI.run(["check", CLI.sample])
        #expect(en.status == 0)
        #expect(en.stderr == "")
        let lines = en.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines.first == "FY2023: 41 agencies, 199 reports (81 confirmed ties, 37 one-sided), 23 cases (49 hand-offs)"
        )
        #expect(
            lines.contains(
                "FY2024 (R6): 46 agencies, 272 reports (129 confirmed ties, 14 one-sided), 23 cases (50 hand-offs)"))
        #expect(
            lines.contains(
                "FY2025 (令和7年度): 51 agencies, 314 reports (151 confirmed ties, 12 one-sided), 25 cases (57 hand-offs)"))
        #expect(lines.last == "0 errors, 0 warnings")

        let ja = try CLI.run(["check", CLI.sample], lang: "ja_JP.UTF-8")
        #expect(ja.stdout.hasPrefix("令和5年度 (2023): 機関 41、回答 199件 (相互に確認された連携 81組、一方向の連携 37組)、事例 23件 (つなぎ 49件)\n"))
        #expect(ja.stdout.hasSuffix("エラー 0件、警告 0件\n"))
        #expect(try CLI.run(["check", CLI.sample, "--lang", "en"], lang: "ja_JP.UTF-8").stdout == en.stdout)
    }

    @Test("check on bad input: every problem with file:line:column and a hint, exit 1, no crash")
    func checkErrors() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/R7", withIntermediateDirectories: true)
        try "id,name,field\nA01,窓口,行政・調整\nA02,保健所,保健\n".write(
            toFile: dir + "/R7/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner,familiarity\nA01,保険所,2\nA02,A01,9\n".write(
            toFile: dir + "/R7/survey.csv", atomically: true, encoding: .utf8)

        let result = try CLI.run(["check", dir])
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(dir)/R7/survey.csv:2:5: error: 'partner' (連携先) '保険所' is not in agencies.csv
                    did you mean '保健所' (A02)?
                \(dir)/R7/survey.csv:3:9: error: 'familiarity' (顔の見える関係) 9 is out of range (0–3)
                    enter a whole number from 0 to 3, or leave it blank

                """)
        #expect(result.stdout.hasSuffix("2 errors, 0 warnings\n"))
        let ja = try CLI.run(["check", dir], lang: "ja_JP.UTF-8")
        #expect(
            ja.stderr.hasPrefix(
                "\(dir)/R7/survey.csv:2:5: error: 「連携先」(partner) の「保険所」は agencies.csv にありません\n    もしかして: 「保健所」(A02)\n"))
    }

    @Test("template, collect, and the refusals that keep files safe")
    func templateAndCollect() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let network = dir + "/net"
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        try "id,name,field\nA01,窓口,行政・調整\nA02,保健所,保健\nA03,家族会,当事者・家族・民間\n"
            .write(toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner\nA01,A02\n".write(toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)

        let template = try CLI.run(["template", network, "--year", "R8", "--format", "csv", "--lang", "ja"])
        #expect(template.status == 0, "\(template.stderr)")
        let forms = try FileManager.default.contentsOfDirectory(atPath: network + "/R8/forms").sorted()
        #expect(forms == ["A01_窓口.csv", "A02_保健所.csv", "A03_家族会.csv"])
        #expect(try CLI.run(["template", network, "--year", "2026"]).status == 1)  // FY2026 = R8 exists now

        // A02 answers; the others hand back blank forms.
        let a02 = network + "/R8/forms/A02_保健所.csv"
        let filled = try String(contentsOfFile: a02, encoding: .utf8).replacingOccurrences(
            of: "A02,A01,窓口,行政・調整,,", with: "A02,A01,窓口,行政・調整,紹介,")
        try filled.write(toFile: a02, atomically: true, encoding: .utf8)
        // A01 has no partner and says so in a note; A03's form is as template wrote it, saved again (LF line ends).
        let a01 = network + "/R8/forms/A01_窓口.csv"
        try String(contentsOfFile: a01, encoding: .utf8).replacingOccurrences(
            of: "A01,A02,保健所,保健,,,,,,", with: "A01,A02,保健所,保健,,,,,,連携なし"
        ).write(toFile: a01, atomically: true, encoding: .utf8)
        let a03 = network + "/R8/forms/A03_家族会.csv"
        try String(contentsOfFile: a03, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            .write(toFile: a03, atomically: true, encoding: .utf8)
        try "メモ".write(toFile: network + "/R8/forms/送付状.docx", atomically: true, encoding: .utf8)
        let collect = try CLI.run(["collect", network + "/R8/forms", "--into", network + "/R8"])
        #expect(collect.status == 0, "\(collect.stderr)")
        #expect(collect.stderr.contains("送付状.docx is not read: forms are .csv, .xlsx or .txt files"))
        #expect(collect.stdout.contains("FY2026 (R8): 3 agencies, 1 report (0 confirmed ties, 1 one-sided)"))
        #expect(collect.stdout.contains("wrote \(network)/R8/survey.csv from 2 forms"))
        #expect(collect.stdout.contains("A03  家族会  not returned"), "\(collect.stdout)")
        // A01's form is an answer too: "no partner this year". A03 did not send its form back.
        let survey = try String(contentsOfFile: network + "/R8/survey.csv", encoding: .utf8)
        let header = "reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note\r\n"
        #expect(survey == header + "A02,A01,referral,,,,,\r\nA01,,,,,,,\r\n")
        let check = try CLI.run(["check", network])
        #expect(check.status == 0)
        let lines = check.stdout.split(separator: "\n")
        let fy2026 = try #require(lines.firstIndex { $0.hasPrefix("FY2026") })
        #expect(lines[fy2026 + 1] == "  did not answer (1): A03 家族会", "\(check.stdout)")

        // The tracker as JSON, for scripts.
        let json = try CLI.run([
            "collect", network + "/R8/forms", "--into", network + "/R8", "--force", "--format", "json",
        ])
        let tracker = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let statuses = (tracker["agencies"] as? [[String: Any]] ?? []).map { "\($0["id"]!):\($0["status"]!)" }
        #expect(statuses == ["A01:no_partners", "A02:answered", "A03:not_returned"])
        #expect(tracker["rows_written"] as? Int == 2)

        // No overwrite without --force; with an error nothing is written.
        #expect(try CLI.run(["collect", network + "/R8/forms", "--into", network + "/R8"]).status == 1)
        try filled.replacingOccurrences(of: "紹介", with: "雑談").write(toFile: a02, atomically: true, encoding: .utf8)
        let broken = try CLI.run(["collect", network + "/R8/forms", "--into", network + "/R8", "--force"])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("A02_保健所.csv:2:18: error: unknown kind of tie '雑談'"))
        #expect(broken.stdout.contains("1 form(s) left out for their errors"))
        // The other forms are merged (answers without partners); the broken one contributes nothing.
        #expect(
            try String(contentsOfFile: network + "/R8/survey.csv", encoding: .utf8)
                == header + "A01,,,,,,,\r\n")
    }

    @Test("template --agency: one form for an agency added after the forms went out, never over an existing one")
    func lateForm() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let network = dir + "/net"
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        let agencies = "id,name,field\nA01,窓口,行政・調整\nA02,保健所,保健\n"
        try agencies.write(toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner,kinds\nA02,A01,紹介\n".write(
            toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)
        #expect(try CLI.run(["template", network, "--year", "2026"]).status == 0)
        // Before the year's agencies.csv has it: refused, with what to do.
        let unknown = try CLI.run(["template", network, "--year", "2026", "--agency", "A03"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("'A03' is not in \(network)/2026/agencies.csv; add its row there first"))
        try (agencies + "A03,家族会,当事者・家族・民間\n").write(
            toFile: network + "/2026/agencies.csv", atomically: true, encoding: .utf8)
        let late = try CLI.run([
            "template", network, "--year", "2026", "--agency", "A03", "--format", "csv", "--lang", "ja",
        ])
        #expect(late.status == 0, "\(late.stderr)")
        let form = try String(contentsOfFile: network + "/2026/forms/A03_家族会.csv", encoding: .utf8)
        #expect(
            form.components(separatedBy: "\r\n").dropFirst() == ["A03,A01,窓口,行政・調整,,,,,,", "A03,A02,保健所,保健,,,,,,", ""])
        let again = try CLI.run(["template", network, "--year", "2026", "--agency", "A03", "--format", "csv"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("A03_家族会.csv already exists; remove it to write it again"))
        // An agency's lost form, written again with last year's answers.
        try FileManager.default.removeItem(atPath: network + "/2026/forms/A02_保健所.xlsx")
        let prefilled = try CLI.run([
            "template", network, "--year", "2026", "--agency", "保健所", "--prefill", "--format", "csv", "--lang", "ja",
        ])
        #expect(prefilled.status == 0, "\(prefilled.stderr)")
        let a02 = try String(contentsOfFile: network + "/2026/forms/A02_保健所.csv", encoding: .utf8)
        #expect(
            a02.components(separatedBy: "\r\n").dropFirst() == [
                "A02,A01,窓口,行政・調整,紹介,,,,,", "A02,A03,家族会,当事者・家族・民間,,,,,,", "",
            ])
        #expect(try CLI.run(["template", network, "--year", "2027", "--agency", "A01"]).status == 1)
    }

    @Test("analyze: the documented CSV columns, byte-identical runs, JSON that parses, the sample's story")
    func analyze() throws {
        let csv = try CLI.run(["analyze", CLI.sample, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        // For Excel in Japan: UTF-8 with a byte-order mark, CRLF line ends.
        #expect(csv.stdout.hasPrefix("\u{FEFF}") && csv.stdout.hasSuffix("\r\n"))
        let lines = csv.stdout.dropFirst().split(whereSeparator: \.isNewline).map(String.init)
        #expect(
            lines[0].hasPrefix(
                "id,name,field,degree,in_degree,out_degree,betweenness,closeness,harmonic,pagerank,eigenvector,core,clustering,constraint,effective_size,articulation,"
            ))
        #expect(lines.count == 1 + 51)  // FY2025: 51 agencies
        #expect(try CLI.run(["analyze", CLI.sample, "--format", "csv"]).stdout == csv.stdout)
        // One thread gives the same bytes; standard error is not a terminal, so no progress line.
        let single = try CLI.run(["analyze", CLI.sample, "--format", "csv", "--threads", "1"])
        #expect(single.stdout == csv.stdout && single.stderr.isEmpty && csv.stderr.isEmpty)
        #expect(try CLI.run(["analyze", CLI.sample, "--format", "csv", "--quiet"]).stdout == csv.stdout)
        let noThreads = try CLI.run(["analyze", CLI.sample, "--threads", "0"])
        #expect(noThreads.status != 0 && noThreads.stderr.contains("--threads must be 1 or more"))
        let noSample = try CLI.run(["analyze", CLI.sample, "--sample", "0"])
        #expect(noSample.status != 0 && noSample.stderr.contains("--sample must be 1 or more"))
        // A09 (council of social welfare) is the one agency whose exit cuts off A40 and A41; A30 and A48 have no ties.
        let header = lines[0].split(separator: ",").map(String.init)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let articulation = header.firstIndex(of: "articulation")!, cutOff = header.firstIndex(of: "cut_off")!,
            degree = header.firstIndex(of: "degree")!
        #expect(rows.filter { $0[articulation] == "1" }.map { [$0[0], $0[cutOff]] } == [["A09", "A40;A41"]])
        #expect(rows.filter { $0[degree] == "0" }.map { $0[0] } == ["A30", "A48"])

        let json = try CLI.run(["analyze", CLI.sample, "--year", "2023", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["fiscal_year"] as? Int == 2023)
        #expect((object["agencies"] as? [Any])?.count == 41)

        // One layer: only the ties that carry the kind 紹介 (referral).
        let layer = try CLI.run(["analyze", CLI.sample, "--kind", "紹介", "--format", "json"])
        let layerObject = try #require(
            try JSONSerialization.jsonObject(with: Data(layer.stdout.utf8)) as? [String: Any])
        let allTies = ((object["network"] as? [String: Any])?["ties"] as? Int) ?? 0
        let layerTies = try #require((layerObject["network"] as? [String: Any])?["ties"] as? Int)
        #expect(layerTies > 0 && layerTies < 163 && allTies > 0)
        #expect(try CLI.run(["analyze", CLI.sample, "--kind", "雑談"]).status != 0)

        let table = try CLI.run(["analyze", CLI.sample], lang: "ja_JP.UTF-8")
        #expect(table.stdout.hasPrefix("令和7年度: 機関 51、つながり 163本 (相互確認 151・一方向 12)、回答 47機関\n"))
        #expect(table.stdout.contains("順位ではありません。"))
    }

    @Test("gaps: the sample's isolated agencies, its fragile point and its person-dependent school-to-youth tie")
    func gaps() throws {
        let result = try CLI.run(["gaps", CLI.sample, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(whereSeparator: \.isNewline).dropFirst().map(String.init)
        #expect(rows.filter { $0.hasPrefix("high,isolated,") }.map { $0.split(separator: ",")[2] } == ["A30", "A48"])
        #expect(rows.contains { $0.hasPrefix("high,articulation,A09;A40;A41,") })
        #expect(rows.contains { $0.hasPrefix("medium,person_dependent,A27;A31,") })
        #expect(!rows.contains { $0.contains("C2025") })  // no case IDs in the output
        #expect(try CLI.run(["gaps", CLI.sample, "--format", "csv"]).stdout == result.stdout)
        let table = try CLI.run(["gaps", CLI.sample, "--year", "R6"], lang: "ja_JP.UTF-8")
        #expect(table.stdout.hasPrefix("令和6年度: 気づいた点"))
        #expect(table.stdout.contains("■ 重要"))
    }

    @Test("analysis refuses data with errors and a year that is not there")
    func analyzeRefuses() throws {
        #expect(try CLI.run(["analyze", CLI.sample, "--year", "2019"]).status == 1)
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/2025", withIntermediateDirectories: true)
        try "id,name,field\nA01,窓口,行政\n".write(toFile: dir + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner\n".write(toFile: dir + "/2025/survey.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["gaps", dir])
        #expect(result.status == 1)
        #expect(result.stderr.contains("agencies.csv:2:8: error:"))
        #expect(result.stdout == "")
    }

    @Test("map: byte-identical SVG from two runs; never written inside the input folder")
    func map() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for i in 1...2 {
            let result = try CLI.run(["map", CLI.sample, "--gaps", "-o", "\(dir)/\(i).svg"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "\(dir)/\(i).svg\n")
        }
        #expect(FileManager.default.contentsEqual(atPath: "\(dir)/1.svg", andPath: "\(dir)/2.svg"))
        let inside = try CLI.run(["map", CLI.sample, "-o", CLI.sample + "/2023/map.svg"])
        #expect(inside.status == 1)
        #expect(!FileManager.default.fileExists(atPath: CLI.sample + "/2023/map.svg"))
        let ego = try CLI.run(["map", CLI.sample, "--variant", "ego", "--focus", "NOPE", "-o", "\(dir)/e.svg"])
        #expect(ego.status != 0 && ego.stderr.contains("--focus"))
    }

    @Test("compare: the sample's last two years, the change map in SVG and PDF, year maps and trend charts")
    func compare() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let table = try CLI.run(
            [
                "compare", CLI.sample, "--map", dir + "/change.svg", "--year-maps", dir + "/years", "--charts",
                dir + "/charts",
            ],
            lang: "ja_JP.UTF-8")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(
            table.stdout.hasPrefix(
                "令和6年度 → 令和7年度\n機関: 46 → 51 (加わった機関: ケアマネさくら、よりみち、通信制サポート校、はたけの学校、あおぞら中。なくなった機関: なし)\n"))
        #expect(table.stdout.contains("つながり: 143 → 163 (新しい 23、なくなった 3、"))
        #expect(table.stdout.contains("■ 推移"))
        for file in [
            "change.svg", "years/map-2023.svg", "years/map-2024.svg", "years/map-2025.svg", "charts/trend-ties.svg",
        ] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        #expect(
            try CLI.run(["compare", CLI.sample, "--from", "2023", "--to", "R6", "--map", dir + "/change.pdf"]).status
                == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/change.pdf")).starts(with: Array("%PDF".utf8)))

        let csv = try CLI.run(["compare", CLI.sample, "--format", "csv"])
        let rows = csv.stdout.split(whereSeparator: \.isNewline).dropFirst()
        #expect(rows.count { $0.hasPrefix("new,") } == 23 && rows.count { $0.hasPrefix("lost,") } == 3)
        // 2023 → R6: the job café (A34) closed; its ties are lost.
        let early = try CLI.run(["compare", CLI.sample, "--from", "2023", "--to", "R6", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(early.stdout.utf8)) as? [String: Any])
        #expect(object["closed_agencies"] as? [String] == ["A34"])
        #expect((object["trends"] as? [Any])?.count == 3)
        let changes = try #require(object["agency_changes"] as? [[String: Any]])
        #expect(changes.first { $0["id"] as? String == "A38" }?["degree_before"] as? Int == 0)  // ゆるりの会 connects in R6
        #expect(try CLI.run(["compare", CLI.sample, "--from", "R7", "--to", "2023"]).status != 0)
        // R6's case reviews proposed three ties: formed, strengthened and still missing in R7; no case ID shows.
        let reviews = try CLI.run(["compare", CLI.sample, "--format", "json"])
        let latest = try #require(try JSONSerialization.jsonObject(with: Data(reviews.stdout.utf8)) as? [String: Any])
        let proposed = try #require(latest["proposed_ties"] as? [[String: String]])
        #expect(
            proposed == [
                ["from": "A01", "to": "A14", "status": "formed"],
                ["from": "A12", "to": "A01", "status": "strengthened"],
                ["from": "A30", "to": "A31", "status": "missing"],
            ])
        for command in [["compare"], ["compare", "--format", "json"], ["gaps", "--format", "json"]] {
            let out = try CLI.run([command[0], CLI.sample] + command.dropFirst()).stdout
            #expect(!out.contains("C2024") && !out.contains("C2025"), "\(command)")
        }
    }

    @Test("report: report.html and the maps as SVG and PDF, never inside the input folder")
    func report() throws {
        let dir = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(["report", CLI.sample, "-o", dir, "--title", "みどり市"], lang: "ja_JP.UTF-8")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == dir + "/report.html\n")
        for file in [
            "report.html", "maps/network.svg", "maps/network.pdf", "maps/fields.svg", "maps/fields.pdf",
            "maps/change.svg", "maps/change.pdf",
        ] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        let page = try String(contentsOfFile: dir + "/report.html", encoding: .utf8)
        #expect(page.contains("みどり市の令和7年度の支援ネットワークには51の機関が参加し、163本のつながりがあります。"))
        #expect(page.contains("<li>「消費生活センター」がほかの機関とつながりました。</li>"))  // improvements listed in full
        #expect(page.contains("ほか、参考程度の点が"))  // minor ones counted
        #expect(!page.contains("C2025-"))  // no case IDs
        #expect(!page.contains("http://") || !page.contains("src=\"http"))  // nothing loaded from the network
        #expect(try CLI.run(["report", CLI.sample, "-o", dir + "/again"]).status == 0)
        let again = try String(contentsOfFile: dir + "/again/report.html", encoding: .utf8)  // in English
        // Without --lang the locale decides: C gives English.
        #expect(again != page && again.contains("support network"))
        #expect(try CLI.run(["report", CLI.sample, "-o", dir + "/again2"]).stdout == dir + "/again2/report.html\n")
        // Reruns are byte-identical.
        #expect(try String(contentsOfFile: dir + "/again2/report.html", encoding: .utf8) == again)
        let inside = try CLI.run(["report", CLI.sample, "-o", CLI.sample + "/out"])
        #expect(inside.status == 1)
        #expect(!FileManager.default.fileExists(atPath: CLI.sample + "/out"))
    }

    @Test("report on more than 5,000 agencies: the field map and the core instead of the whole map, and it says so")
    func largeReport() throws {
        let network = try CLI.tempFolder(), out = try CLI.tempFolder()
        defer { for d in [network, out] { try? FileManager.default.removeItem(atPath: d) } }
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        let fields = ["保健", "医療", "教育", "就労"]
        let agencies = (0..<5_001).map { "B\($0),機関\($0),\(fields[$0 % 4])" }
        try ("id,name,field\n" + agencies.joined(separator: "\n") + "\n").write(
            toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        let ties = (0..<400).map { "B\($0),B\(($0 * 7 + 1) % 400)" }  // a few hundred ties, so the test stays quick
        try ("reporter,partner\n" + ties.joined(separator: "\n") + "\n").write(
            toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", network, "-o", out, "--cards"], lang: "ja_JP.UTF-8")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("機関ごとのページ (--cards) は作りません"))
        for file in ["maps/core.svg", "maps/fields.svg"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: out + "/maps/network.svg"))
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("機関が5001、つながりが400本あり、全体の図では線が重なって読み取れないため"))
        #expect(page.contains("中核"))
        // Above 5,000 agencies the agency table holds each field's 100 with the most ties, and counts the rest:
        // 1,251 or 1,250 agencies a field.
        #expect(page.contains("<details><summary>保健 (1251機関)</summary>"))
        #expect(page.contains("ほか1151機関 (すべては tsunagari analyze --format xlsx で一覧できます)"))
        #expect(page.components(separatedBy: "<tr><td>B").count - 1 == 400)
    }

    @Test("report on a dense network (120 agencies, all 7,140 ties, none confirmed): the core map, lists capped")
    func denseReport() throws {
        let network = try CLI.tempFolder(), out = try CLI.tempFolder()
        defer { for d in [network, out] { try? FileManager.default.removeItem(atPath: d) } }
        try FileManager.default.createDirectory(atPath: network + "/2025", withIntermediateDirectories: true)
        let fields = ["保健", "医療", "教育", "就労"]
        let agencies = (0..<120).map { "D\($0),機関\($0),\(fields[$0 % 4])" }
        try ("id,name,field\n" + agencies.joined(separator: "\n") + "\n").write(
            toFile: network + "/2025/agencies.csv", atomically: true, encoding: .utf8)
        // Each pair named by one side only: 7,140 one-sided ties.
        let reports = (0..<120).flatMap { a in ((a + 1)..<120).map { b in "D\(a),D\(b)" } }
        try ("reporter,partner\n" + reports.joined(separator: "\n") + "\n").write(
            toFile: network + "/2025/survey.csv", atomically: true, encoding: .utf8)
        let result = try CLI.run(["report", network, "-o", out], lang: "ja_JP.UTF-8")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            FileManager.default.fileExists(atPath: out + "/maps/core.svg")
                && !FileManager.default.fileExists(atPath: out + "/maps/network.svg"))
        let page = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(page.contains("つながりが7140本あり"))
        // 7,021 one-sided ties (D119 named nobody: its 119 ties count as unanswered), by the agency
        // that named them: D0 named 118 others one-sidedly (not D119), of which the first ten are listed.
        #expect(page.contains("<tr><td>機関0</td><td>機関1、機関2、機関3、機関4、機関5、機関6、機関7、機関8、機関9、機関10、ほか108機関</td></tr>"))
        // The core map of at most 150 agencies is most of it.
        let size = (try FileManager.default.attributesOfItem(atPath: out + "/report.html")[.size] as? Int) ?? 0
        #expect(size < 4_000_000)
    }

    @Test("map of 47,000 agencies (one tie): the core by default, and the whole map drawn without neato, not a crash")
    func hugeMap() throws {
        let network = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: network) }
        try FileManager.default.createDirectory(atPath: network + "/net/2025", withIntermediateDirectories: true)
        let agencies = (0..<47_000).map { "A\($0),機関\($0),保健" }
        try ("id,name,field\n" + agencies.joined(separator: "\n") + "\n").write(
            toFile: network + "/net/2025/agencies.csv", atomically: true, encoding: .utf8)
        try "reporter,partner\nA0,A1\n".write(
            toFile: network + "/net/2025/survey.csv", atomically: true, encoding: .utf8)
        let core = try CLI.run(["map", network + "/net", "-o", network + "/core.svg", "--lang", "en"])
        #expect(core.status == 0 && core.stderr.contains("the map shows the core (--variant core)"), "\(core.stderr)")
        let whole = try CLI.run([
            "map", network + "/net", "--variant", "network", "-o", network + "/all.svg", "--lang", "en",
        ])
        #expect(whole.status == 0 && whole.stderr.contains("drawn with nop2"), "\(whole.stderr)")
        let svg = try String(contentsOfFile: network + "/all.svg", encoding: .utf8)
        #expect(svg.contains("機関46999"))
    }

    @Test(
        "analyze --sample marks what it estimates: the diameter as a lower bound, averages as approximate, JSON lists them"
    )
    func sampledMarks() throws {
        let table = try CLI.run(["analyze", CLI.sample, "--sample", "10"])
        #expect(table.stdout.contains("diameter at least ") && table.stdout.contains("average distance ≈"))
        let json = try CLI.run(["analyze", CLI.sample, "--sample", "10", "--format", "json"])
        let network = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["network"]
                as? [String: Any])
        #expect((network["estimated"] as? [String])?.contains("diameter") == true)
        let exact = try CLI.run(["analyze", CLI.sample, "--format", "json"])
        let exactNetwork = try #require(
            (try JSONSerialization.jsonObject(with: Data(exact.stdout.utf8)) as? [String: Any])?["network"]
                as? [String: Any])
        #expect((exactNetwork["estimated"] as? [String]) == [])
        #expect(!(try CLI.run(["analyze", CLI.sample])).stdout.contains("at least"))
        // The report's fragility section says how betweenness was estimated and what is certain.
        let folder = try CLI.tempFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try CLI.run([
            "report", CLI.sample, "--sample", "10", "-o", folder + "/r", "--quiet", "--lang", "ja",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: folder + "/r/report.html", encoding: .utf8)
        #expect(html.contains("無作為に選んだ最短の道から推定した値です") && html.contains("この差を考えても上位10に入ります"))
        // compare's JSON, which sets each agency's betweenness of two years side by side, says it too.
        for (arguments, sources) in [(["--sample", "10"], 10), ([], nil)] {
            let compared = try CLI.run(["compare", CLI.sample, "--format", "json"] + arguments)
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(compared.stdout.utf8)) as? [String: Any])
            for key in ["estimate_before", "estimate_after"] {
                #expect((document[key] as? [String: Any])?["sources"] as? Int == sources, "\(key) \(arguments)")
            }
            let trends = try #require(document["trends"] as? [[String: Any]])
            #expect(trends.allSatisfy { $0["betweenness_estimated"] as? Bool == (sources != nil) })
        }
    }

    @Test("--version names the Graphviz library linked in")
    func version() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(
            result.stdout.contains("(Graphviz ")
                && result.stdout.range(of: #"\(Graphviz \d+\.\d+"#, options: .regularExpression) != nil)
    }
}
