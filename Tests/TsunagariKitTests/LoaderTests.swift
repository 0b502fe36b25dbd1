import Foundation
import Testing
@testable import TsunagariKit

/// Each format rule with a small network built for it; every test asserts the exact diagnostic line.
@Suite("Loading a network folder")
struct LoaderTests {
    private func network(survey: String, agencies: String = fourAgencies, year: String = "2025") throws -> TempNetwork {
        let net = try TempNetwork()
        try net.write("\(year)/agencies.csv", agencies)
        try net.write("\(year)/survey.csv", survey)
        return net
    }

    @Test("a clean year loads with names resolved and unknown columns ignored")
    func clean() throws {
        let net = try network(
            survey: """
                reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note,担当者メモ
                A01,ｻﾎﾟｽﾃ,情報共有;紹介,月1回程度,3,はい,4,"週1で連絡, 同行も",何でも
                相談窓口,みどり保健所,ケース会議,年数回,2,〇,,,
                A02,ひきこもり相談窓口 ,紹介,,,,,,
                """.replacingOccurrences(of: "ひきこもり相談窓口 ", with: "相 談 窓 口"))
        let (network, diagnostics) = net.load()
        #expect(diagnostics.all.isEmpty)
        let year = try #require(network.years.first)
        #expect(year.fiscalYear == FiscalYear(2025))
        #expect(year.agencies.map(\.id) == ["A01", "A02", "A03", "A04"])
        let r = year.reports[0]
        #expect((year.agencies[r.reporter].id, year.agencies[r.partner].id) == ("A01", "A02"))
        #expect(r.kinds.kinds == [.information, .referral])
        #expect(r.frequency == .monthly && r.familiarity == 3 && r.personDependent == true && r.trust == 4)
        #expect(r.note == "週1で連絡, 同行も")
        #expect(year.reports.map { year.agencies[$0.partner].id } == ["A02", "A03", "A01"])
        #expect(year.reports[1].personDependent == true)
        #expect(
            year.agencies[1].ageMin == 15 && year.agencies[1].ageMax == 49 && year.agencies[1].aliases == ["若者サポステ"])
    }

    @Test("a misspelled partner name gets the closest agency as suggestion")
    func misspelledPartner() throws {
        let net = try network(survey: "reporter,partner\nA01,みどり保険所\nA01,サポートステーション\nA03,どこにもない機関\n")
        let diagnostics = net.load().diagnostics.sorted
        let p = net.path("2025/survey.csv")
        #expect(
            diagnostics.map { $0.line(.en) } == [
                "\(p):2:5: error: 'partner' (連携先) 'みどり保険所' is not in agencies.csv",
                "\(p):3:5: error: 'partner' (連携先) 'サポートステーション' is not in agencies.csv",
                "\(p):4:5: error: 'partner' (連携先) 'どこにもない機関' is not in agencies.csv",
            ])
        #expect(diagnostics[0].hint?.en == "did you mean 'みどり保健所' (A03)?")
        #expect(diagnostics[0].hint?.ja == "もしかして: 「みどり保健所」(A03)")
        #expect(diagnostics[1].hint?.en == "did you mean 'みどり地域若者サポートステーション' (A02)?")
        #expect(
            diagnostics[2].hint?.en == "use an ID, name, short name or alias from agencies.csv, or add the agency there"
        )
    }

    @Test("a missing required column names the column and the file")
    func missingColumn() throws {
        let net = try network(survey: "回答機関,連携内容\nA01,紹介\n")
        let p = net.path("2025/survey.csv")
        #expect(net.lines() == ["\(p):1:1: error: required column 'partner' (連携先) is missing"])
        #expect(net.lines(.ja) == ["\(p):1:1: error: 必須の列 「連携先」(partner) がありません"])
    }

    @Test("numbers out of range and words outside the list")
    func outOfRange() throws {
        let net = try network(
            survey: """
                reporter,partner,kinds,frequency,familiarity,person_dependent,trust
                A01,A02,紹介,時々,4,たぶん,0
                A01,A03,会議;紹介,,二,,
                """)
        let p = net.path("2025/survey.csv")
        #expect(
            net.lines() == [
                "\(p):2:12: error: 'frequency' (頻度) '時々' is not one of the accepted values",
                "\(p):2:15: error: 'familiarity' (顔の見える関係) 4 is out of range (0–3)",
                "\(p):2:17: error: 'person_dependent' (担当者依存) 'たぶん' is not a yes/no value",
                "\(p):2:21: error: 'trust' (信頼) 0 is out of range (1–4)",
                "\(p):3:9: error: unknown kind of tie '会議'",
                "\(p):3:16: error: 'familiarity' (顔の見える関係) '二' is not a whole number",
            ])
        #expect(net.lines(.ja)[1] == "\(p):2:15: error: 「顔の見える関係」(familiarity) の 4 は範囲外です (0〜3)")
    }

    @Test("an unknown field lists the valid ones")
    func unknownField() throws {
        let net = try network(survey: "reporter,partner\n", agencies: "id,name,field\nA01,窓口,福祉\n")
        let d = try #require(net.load().diagnostics.sorted.first)
        #expect(
            d.line(.en)
                == "\(net.path("2025/agencies.csv")):2:8: error: 'field' (分野) '福祉' is not one of the accepted values")
        #expect(
            d.hint?.en.hasPrefix(
                "use one of: 行政・調整 (administration), 保健 (health), 医療 (medical), 福祉(生活困窮・地域) (welfare_community),")
                == true)
        #expect(d.hint?.ja == "次のどれかにしてください: 行政・調整、保健、医療、福祉(生活困窮・地域)、福祉(高齢)、福祉(障害)、子ども・若者・家庭、教育、就労、当事者・家族・民間、地域・その他")
    }

    @Test("words met again are read as the first time: spellings of one word alike, a wrong word wrong every time")
    func repeatedWords() throws {
        // Enough rows that the agencies are read in parts, each remembering the words it met.
        let spellings = ["医療", " 医療 ", "medical", "ＭＥＤＩＣＡＬ", "保健", "health"]
        var rows = (0..<300).map { i in
            let id = String(format: "A%03d", i)
            return "\(id),機関\(i),\(spellings[i % spellings.count]),\(i % 2 == 0 ? "公" : ""),\(i % 90)"
        }
        rows[100] = "A100,機関100,医寮,,"
        rows[250] = "A250,機関250,医寮,民営,abc"
        let net = try network(
            survey: "reporter,partner\n",
            agencies: (["id,name,field,public_private,age_min"] + rows).joined(separator: "\n"))
        let p = net.path("2025/agencies.csv")
        #expect(
            net.lines() == [
                "\(p):102:12: error: 'field' (分野) '医寮' is not one of the accepted values",
                "\(p):252:12: error: 'field' (分野) '医寮' is not one of the accepted values",
                "\(p):252:15: error: 'public_private' (官民) '民営' is not one of the accepted values",
                "\(p):252:18: error: 'age_min' (対象年齢下限) 'abc' is not a whole number",
            ])
        let agencies = try #require(net.load().network.years.first).agencies
        #expect(agencies.count == 298)
        for agency in agencies {
            let i = Int(agency.id.dropFirst())!
            #expect(agency.field == (i % spellings.count < 4 ? .medical : .health), "\(agency.id)")
            #expect(agency.publicPrivate == (i % 2 == 0 ? .publicBody : nil), "\(agency.id)")
            #expect(agency.ageMin == i % 90, "\(agency.id)")
        }
    }

    @Test("duplicate IDs, impossible age ranges, empty required cells")
    func agencyRows() throws {
        let net = try network(
            survey: "reporter,partner\nA01,A09\nA01,別の窓口\nA01,A02\n",
            agencies: """
                id,name,field,age_min,age_max
                A02,保健所,保健,,
                A01,窓口,行政・調整,,
                A01,別の窓口,行政・調整,,
                A09,壊れた行,保健,65,40
                A10,,保健,,
                ,名前だけ,保健,,
                """)
        let p = net.path("2025/agencies.csv")
        #expect(
            net.lines() == [
                "\(p):4:1: error: duplicate agency ID 'A01' (first on line 3)",
                "\(p):5:16: error: age_max 40 is below age_min 65",
                "\(p):6:5: error: 'name' (機関名) is empty",
                "\(p):7:1: error: 'id' (機関ID) is empty",
            ])  // A09 and 別の窓口 are named in survey.csv but their rows have errors: no second error for them
        let year = try #require(net.load().network.years.first)
        #expect(year.agencies.map(\.id) == ["A01", "A02"])  // sorted by ID; the first A01 row stands
        #expect(
            year.reports.map { "\(year.agencies[$0.reporter].name)>\(year.agencies[$0.partner].name)" } == ["窓口>保健所"])
    }

    @Test("self-ties and duplicate reports")
    func selfAndDuplicate() throws {
        let net = try network(survey: "reporter,partner\nA01,A02\nA03,みどり保健所\nA01,サポステ\n")
        let p = net.path("2025/survey.csv")
        #expect(
            net.lines() == [
                "\(p):3:5: error: the reporter and the partner are the same agency (A03 みどり保健所)",
                "\(p):4:5: error: A01 相談窓口 reports A02 サポステ twice (first on line 2)",
            ])
    }

    /// Rows written exactly (IDs, folded names, one digit: read from their bytes) and the same rows
    /// written as people also write them (full-width, half-width katakana, spaces, はい: read
    /// through their values) give the same reports and the same diagnostics.
    @Test("a year reads the same on one thread as on two, diagnostics and all")
    func threads() throws {
        // Enough rows for several parts of each file, with problems spread over them: IDs met twice
        // far apart, a bad field, unknown and ambiguous partners, a pair reported twice across parts.
        var agencies = ["id,name,field"]
        for i in 0..<300 { agencies.append("B\(i),機関\(i),\(i % 97 == 5 ? "畑" : "保健")") }
        agencies += ["B7,別の機関,医療", "B300,同名,保健", "B301,同名,保健"]
        var survey = ["reporter,partner,kinds,frequency"]
        for i in 0..<300 {
            for k in 1...4 {
                survey.append("B\(i),\(k == 2 ? "機関\((i + 7) % 300)" : "B\((i + k * 13) % 300)"),紹介,月1回程度")
            }
        }
        survey += ["B3,存在しない機関,,", "B4,同名,,", "B0,B13,,", "B299,B0,同行,週1回以上"]
        let net = try network(
            survey: survey.joined(separator: "\n") + "\n", agencies: agencies.joined(separator: "\n") + "\n")
        func read(_ threads: Int) throws -> (reports: [SurveyReport], lines: [String]) {
            let (network, diagnostics) = Parallelism.$requested.withValue(threads) { net.load() }
            return (try #require(network.years.first).reports, diagnostics.all.map { $0.line(.en) })
        }
        let (one, two) = (try read(1), try read(2))
        #expect(one.reports.count > 1_000)
        #expect(one.reports == two.reports)
        #expect(one.lines == two.lines)
        for expected in [
            "agencies.csv:7:8: error: 'field' (分野) '畑'", "agencies.csv:298:12: error: 'field' (分野) '畑'",
            "agencies.csv:302:1: error: duplicate agency ID 'B7' (first on line 9)",
            "survey.csv:1202:4: error: 'partner' (連携先) '存在しない機関' is not in agencies.csv",
            "survey.csv:1203:4: error:", "survey.csv:1204:4: error: B0 機関0 reports B13 機関13 twice (first on line 2)",
        ] {
            #expect(one.lines.contains { $0.contains(expected) }, "\(expected)")
        }
    }

    @Test("rows read from their bytes and rows read through their values agree")
    func quickAndFullReading() throws {
        let header = "reporter,partner,kinds,frequency,familiarity,person_dependent,trust,note\n"
        let exact = try network(
            survey: header + """
                A01,A02,情報共有;紹介,月1回程度,3,1,4,週1で連絡
                A01,みどり保健所,ケース会議,年数回,2,0,,
                A02,A01,,,0,,,
                A03,A04,,,,,,
                A04,サポステ,同行,,1,,2,
                A01,A02,紹介,,,,,
                A02,A03,,,,,,連携なし
                """)
        let written = try network(
            survey: header + """
                Ａ０１,Ａ０２,情報共有；紹介,月1回程度,３,はい,４,週1で連絡
                A01,みどり　保健所,ケース会議,年数回,２,いいえ,,
                a02,相 談 窓 口,,,０,,,
                A03,Ａ04,,,,,,
                A04,ｻﾎﾟｽﾃ,同行,,１,,２,
                ａ01,A02,紹介,,,,,
                A02,A03,,,,,,連携なし
                """)
        func read(_ net: TempNetwork) throws -> (reports: [String], lines: [String]) {
            let (network, diagnostics) = net.load()
            let year = try #require(network.years.first)
            let reports = year.reports.map { r in
                "\(year.agencies[r.reporter].id)>\(year.agencies[r.partner].id) \(r.kinds.kinds) \(String(describing: r.frequency)) "
                    + "\(String(describing: r.familiarity)) \(String(describing: r.personDependent)) "
                    + "\(String(describing: r.trust)) \(r.note) line \(r.location.line)"
            }
            let lines = diagnostics.sorted.map { $0.line(.en).replacingOccurrences(of: net.root, with: "") }
            return (reports, lines)
        }
        let (a, b) = (try read(exact), try read(written))
        #expect(a.reports.count == 4)
        #expect(a.reports == b.reports)
        #expect(
            a.lines == [
                "/2025/survey.csv:4:1: warning: 2 row(s) were not counted as ties: they give no kind or frequency, only a "
                    + "familiarity of 0 or 1, a person-dependence or trust, or a note like 'no tie' (lines 4, 8)",
                "/2025/survey.csv:7:5: error: A01 相談窓口 reports A02 サポステ twice (first on line 2)",
            ])
        #expect(a.lines == b.lines)
    }

    @Test("a pair is reported twice whichever way each row was read")
    func duplicatesAcrossReadings() throws {
        let net = try network(survey: "reporter,partner\nA01,A02\nＡ０１,サポステ\nA03,ｻﾎﾟｽﾃ\nA03,A02\n")
        let p = net.path("2025/survey.csv")
        #expect(
            net.lines() == [
                "\(p):3:5: error: A01 相談窓口 reports A02 サポステ twice (first on line 2)",
                "\(p):5:5: error: A03 みどり保健所 reports A02 サポステ twice (first on line 4)",
            ])
    }

    @Test("a row with a wrong value is still checked for a duplicate: every problem in one run")
    func duplicateWithValueError() throws {
        let net = try network(survey: "reporter,partner,kinds\nA01,A02,紹介\nA01,A02,雑談\n")
        let p = net.path("2025/survey.csv")
        #expect(
            net.lines().sorted() == [
                "\(p):3:5: error: A01 相談窓口 reports A02 サポステ twice (first on line 2)",
                "\(p):3:9: error: unknown kind of tie '雑談'",
            ])
    }

    @Test("a name two agencies share is ambiguous")
    func ambiguous() throws {
        let net = try network(
            survey: "reporter,partner\nA01,窓口\n",
            agencies: """
                id,name,short_name,field
                A01,みどり市ひきこもり相談窓口,窓口,行政・調整
                A02,みどり市福祉相談窓口,窓口,福祉(生活困窮・地域)
                A03,保健所,,保健
                """)
        #expect(
            net.lines() == [
                "\(net.path("2025/agencies.csv")):3:1: warning: the name '窓口' is also used by A01 'みどり市ひきこもり相談窓口'; partners written this way cannot be matched",
                "\(net.path("2025/survey.csv")):2:5: error: '窓口' matches several agencies: 'みどり市ひきこもり相談窓口' (A01) or 'みどり市福祉相談窓口' (A02)",
            ])
    }

    @Test("referral rows: steps, months, outcomes, age bands")
    func referrals() throws {
        let net = try network(survey: "reporter,partner\nA01,A02\n")
        try net.write(
            "2025/referrals.csv",
            """
            case,step,month,from,to,action,outcome,age_band,gap
            C1,1,2025-05,A01,A02,同行,つながった,15-39,卒業後;年齢の切れ目
            C1,2,2026/4/1,サポステ,A03,,中断,15～39,
            C1,2,2025年6月,A03,A04,,拒否,,
            C2,x,2025-07,A01,A01,,たぶん,20代,
            C3,1,25-7,A01,A02,,,,
            C4,1,2025/4/31x,A01,A02,,,,
            """)
        let (network, _) = net.load()
        let p = net.path("2025/referrals.csv")
        #expect(
            net.lines() == [
                "\(p):3:6: warning: 'month' (年月) lies outside FY2025 (April 2025 – March 2026)",
                "\(p):4:4: error: the same case has step 2 twice (first on line 3)",
                "\(p):5:4: error: 'step' (順番) 'x' is not a whole number",
                "\(p):5:18: error: the hand-off goes from A01 to itself",
                "\(p):5:23: error: 'outcome' (結果) 'たぶん' is not one of the accepted values",
                "\(p):5:27: error: 'age_band' (年齢帯) '20代' is not one of the accepted values",
                "\(p):6:6: error: 'month' (年月) '25-7' is not a month",
                "\(p):7:6: error: 'month' (年月) '2025/4/31x' is not a month",
            ])
        let referrals = try #require(network.years.first).referrals
        #expect(referrals.count == 2)
        #expect(referrals[0].gaps == ["卒業後", "年齢の切れ目"])
        #expect(referrals[1].outcome == .interrupted && referrals[1].ageBand == .age15to39)
        #expect(referrals[1].month == YearMonth(year: 2026, month: 4))
    }

    @Test("folders: years in three spellings, a non-year folder, a year twice, a missing file")
    func folders() throws {
        let net = try TempNetwork()
        for year in ["2023", "R6", "令和7年度"] {
            try net.write("\(year)/agencies.csv", fourAgencies)
            try net.write("\(year)/survey.csv", "reporter,partner\nA01,A02\n")
        }
        try net.write("forms/readme.txt", "")
        let (network, _) = net.load()
        #expect(network.years.map(\.fiscalYear.year) == [2023, 2024, 2025])
        #expect(net.lines() == ["\(net.path("forms")): warning: not a fiscal-year folder; skipped"])

        try net.write("2024/agencies.csv", fourAgencies)
        try net.write("R8/agencies.csv", fourAgencies)
        #expect(
            net.lines() == [
                "\(net.path("R6")): error: two folders for FY2024: 2024 and R6",
                "\(net.path("forms")): warning: not a fiscal-year folder; skipped",
                "\(net.path("2024/survey.csv")): warning: FY2024 is still being collected (no survey.csv yet); it is "
                    + "left out and the other years are analysed",
                "\(net.path("R8/survey.csv")): warning: FY2026 is still being collected (no survey.csv yet); it is "
                    + "left out and the other years are analysed",
            ])
    }

    @Test("a folder without years, and a folder that does not exist")
    func emptyFolders() throws {
        let net = try TempNetwork()
        #expect(net.lines() == ["\(net.root): error: no fiscal-year folders found"])
        #expect(
            loadNetwork(at: net.path("nothing")).diagnostics.sorted.map { $0.line(.ja) }
                == ["\(net.path("nothing")): error: フォルダがありません"])
    }

    @Test("an empty file, a broken quote, and an encoding that is neither UTF-8 nor CP932")
    func unreadable() throws {
        let net = try network(survey: "reporter,partner\nA01,\"A02\nA01,A03\n")
        try net.write("2025/referrals.csv", "")
        let p = net.path("2025")
        #expect(
            net.lines() == [
                "\(p)/survey.csv:2:5: error: a quoted cell is never closed; the rest of the file cannot be read",
                "\(p)/referrals.csv: error: the file is empty",
            ])
        let broken = loadNetwork(at: fixtures + "/broken").diagnostics.sorted.map { $0.line(.en) }
        #expect(
            broken == [
                "\(fixtures)/broken/2025/agencies.csv: error: the text is neither UTF-8 nor Shift_JIS (CP932) (byte 18)"
            ])
    }

    @Test(
        "the same network saved as CP932, UTF-8 with BOM and plain UTF-8 loads the same",
        arguments: ["cp932", "bom", "lf"])
    func encodings(_ folder: String) throws {
        let loaded = loadNetwork(at: fixtures + "/" + folder)
        let (network, diagnostics) = (loaded.network, loaded.diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all.map { $0.line(.en) })")
        let year = try #require(network.years.first)
        #expect(year.fiscalYear == FiscalYear(2025))
        #expect(year.agencies.map(\.name) == ["みどり市ひきこもり相談窓口", "髙橋こころのクリニック①", "㈱ワークサポート～みどり～", "みどり家族会"])
        #expect(year.agencies[1].ageMin == 15)  // written as full-width １５
        #expect(year.reports.map(\.note) == ["担当者が替わると心配、要引継ぎ", "複数行の\n備考", ""])
        let summary = YearSummary(year)
        #expect((summary.confirmedTies, summary.oneSidedTies, summary.nonResponding) == (1, 1, [3]))
    }
}

@Suite("Guards: personal data, limits")
struct GuardTests {
    @Test("a case file with a column that looks like personal data is refused, naming the column")
    func personalData() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        try net.write("2025/referrals.csv", "事例ID,順番,紹介元,紹介先,氏名,電話番号\nC1,1,A01,A02,山田,000\n")
        let p = net.path("2025/referrals.csv")
        #expect(
            net.lines() == [
                "\(p):1:17: error: the column '氏名' looks like personal data (name, address, birth date, contact); the file is not read",
                "\(p):1:20: error: the column '電話番号' looks like personal data (name, address, birth date, contact); the file is not read",
            ])
        #expect(net.load().network.years.first?.referrals.isEmpty == true)
        try net.write("2025/referrals.csv", "case,step,from,to,Email\nC1,1,A01,A02,x\n")
        #expect(net.lines().count == 1)
    }

    @Test(
        "every header the review found accepted is refused, also with a zero-width space inside",
        arguments: [
            "連絡先", "マイナンバー", "保険証番号", "フリガナ", "DOB", "生年", "郵便番号", "〒", "所在地", "住まい", "居所",
            "ケータイ", "mobile", "contact", "FAX", "LINE ID", "氏\u{200B}名", "ＴＥＬ", "E-Mail",
        ])
    func personalHeaders(header: String) throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        try net.write("2025/referrals.csv", "case,step,from,to,\(header)\nC1,1,A01,A02,x\n")
        #expect(net.lines().count == 1 && net.lines()[0].contains("looks like personal data"))
        #expect(net.load().network.years.first?.referrals.isEmpty == true)
    }

    @Test(
        "cells that look like phone numbers, postal codes, 12-digit numbers, e-mail or birth dates refuse the file under any header"
    )
    func personalValues() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        let p = net.path("2025/referrals.csv")
        let looks = [
            "090-1234-5678": "a phone number", "０３（１２３４）５６７８": "a phone number", "〒123-4567": "a postal code",
            "123-4567": "a postal code", "1234 5678 9012": "a 12-digit number (such as an Individual Number)",
            "someone@example.jp": "an e-mail address",
            "1998/4/12": "a date of birth", "昭和はない 1985年3月1日": nil, "2025/4/1": nil, "C-0012": nil, "15-39": nil,
        ]
        for (value, kind) in looks.sorted(by: { $0.key < $1.key }) {
            try net.write("2025/referrals.csv", "case,step,from,to,memo\nC1,1,A01,A02,\"\(value)\"\n")
            if let kind {
                #expect(
                    net.lines() == [
                        "\(p):2:14: error: a cell in the column 'memo' looks like \(kind); case records must not hold personal data, so the file is not read"
                    ], "\(value)")
            } else {
                #expect(net.lines().isEmpty, "\(value)")
            }
        }
        // A known column is checked too, and the message never repeats the value.
        try net.write("2025/referrals.csv", "case,step,from,to,action\nC1,1,A01,A02,090-1234-5678\n")
        #expect(net.lines().count == 1 && !net.lines()[0].contains("090"))
    }

    @Test("a cell over 100,000 bytes is an error on its row, the row is left out, and nothing long is printed")
    func longCell() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        let huge = String(repeating: "あ", count: 40_000)  // 120,000 bytes
        try net.write("2025/survey.csv", "reporter,partner,note\nA01,A02,\(huge)\nA01,A03,\"\(huge)\"\nA02,A01,ok\n")
        let p = net.path("2025/survey.csv")
        #expect(
            net.lines() == [
                "\(p):2:9: error: a cell is too long (the limit is 100,000 bytes); the row is not read",
                "\(p):3:9: error: a cell is too long (the limit is 100,000 bytes); the row is not read",
            ])
        #expect(net.load().network.years.first?.reports.count == 1)
    }

    @Test("UTF-16 (Excel's Unicode text) is read, with or without a byte-order mark; a 1,001-cell header is refused")
    func encodingAndWideHeader() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        let utf16 = { (text: String) in Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) }
        try utf16("reporter,partner\nA01,A02\n").write(to: URL(fileURLWithPath: net.path("2025/survey.csv")))
        #expect(net.lines().isEmpty)
        #expect(net.load().network.years.first?.reports.count == 1)
        // As Excel saves it: a byte-order mark, tabs between the cells, CRLF.
        try (Data([0xFF, 0xFE]) + utf16("回答機関\t連携先\t連携内容\r\nA01\tA03\t紹介;同行\r\nA02\tA01\t\r\n"))
            .write(to: URL(fileURLWithPath: net.path("2025/survey.csv")))
        #expect(net.lines().isEmpty)
        let reports = try #require(net.load().network.years.first).reports
        #expect(reports.map(\.partner) == [2, 0] && reports[0].kinds.kinds == [.referral, .accompanying])
        try net.write("2025/survey.csv", (0...1_000).map { "c\($0)" }.joined(separator: ",") + "\n")
        #expect(
            net.lines() == [
                "\(net.path("2025/survey.csv")):1:4891: error: a row has too many cells (the limit is 1,000); the rest of the file cannot be read"
            ])
    }

    @Test("a row with more than 1,000 cells ends the reading with an error, not exhausted memory")
    func tooManyColumns() throws {
        let (cells, errors) = parseCSV("a,b\n" + String(repeating: "x,", count: 2_000) + "x\nc,d\n")
        #expect(errors == [CSVSyntaxError(kind: .tooManyColumns, line: 2, column: 2_001)])
        #expect(cells.count == 1)
    }

    @Test("a file over 1 GB is refused before it is read")
    func hugeFile() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: net.path("2025/survey.csv")))
        try handle.truncate(atOffset: 2_000_000_000)  // sparse: no disk space used
        try handle.close()
        #expect(
            net.lines() == [
                "\(net.path("2025/survey.csv")): error: the file is too large (2000 MB; the limit is 1000 MB)"
            ])
    }
}

/// Inputs the fuzzer (Fuzz/) found crashing, kept as regression tests. Each file holds a year's
/// agencies.csv, survey.csv and referrals.csv separated by the byte 0x1E, as FuzzImport reads them.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    @Test("import inputs that once crashed load with diagnostics", arguments: ["import-string-index.bin"])
    func importInput(_ name: String) throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixtures + "/fuzz/" + name))
        let net = try TempNetwork()
        let parts = bytes.split(separator: 0x1E, maxSplits: 2, omittingEmptySubsequences: false)
        for (i, file) in ["agencies.csv", "survey.csv", "referrals.csv"].enumerated() {
            try (i < parts.count ? Data(parts[i]) : Data()).write(
                to: URL(fileURLWithPath: net.path("2025/" + file)).creatingFolder())
        }
        // A misspelled partner written with NUL characters made the "did you mean" search trap in String.contains.
        #expect(net.load().diagnostics.hasErrors)
    }
}
