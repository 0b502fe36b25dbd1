import Testing
@testable import TsunagariKit

@Suite("Names, words and years")
struct VocabularyTests {
    @Test("name keys fold width, spaces, wave dashes and case")
    func keys() {
        #expect(normalizedKey("ｻﾎﾟｽﾃ") == normalizedKey("サポステ"))
        #expect(Array(normalizedKey("ｻﾎﾟｽﾃ").utf8) == Array("サポステ".utf8))  // composed, byte for byte
        #expect(normalizedKey(" サ ポ　ス テ ") == "サポステ")
        #expect(normalizedKey("10〜20") == normalizedKey("10～20"))
        #expect(normalizedKey("ＮＰＯ法人Ａ") == "npo法人a")
        #expect(normalizedKey("福祉（高齢）") == normalizedKey("福祉(高齢)"))
    }

    @Test("vocabulary cells in Japanese, English and other widths")
    func words() {
        #expect(Field(cell: "福祉（高齢）") == .welfareElderly)
        #expect(Field(cell: "Welfare_Elderly") == .welfareElderly)
        #expect(Field(cell: "福祉") == nil)
        #expect(TieKind(cell: "ケース会議") == .caseConference)
        #expect(AgeBand(cell: "15～39") == .age15to39)
        #expect(Frequency(cell: "月１回程度") == .monthly)
        #expect(PublicPrivate(cell: "委託") == .publicContracted)
    }

    @Test("every field of docs/DOMAIN.md §4 is known by its Japanese name")
    func fields() {
        let names = [
            "行政・調整", "保健", "医療", "福祉(生活困窮・地域)", "福祉(高齢)", "福祉(障害)",
            "子ども・若者・家庭", "教育", "就労", "当事者・家族・民間", "地域・その他",
        ]
        #expect(names.compactMap(Field.init(cell:)) == Field.allCases)
    }

    @Test(
        "fiscal-year folder names",
        arguments: [
            ("2025", 2025), ("R7", 2025), ("令和7年度", 2025), ("Ｒ７", 2025), ("令和元年度", 2019),
            ("2025年度", 2025), ("H30", 2018), ("平成30年度", 2018),
        ])
    func years(_ name: String, _ year: Int) {
        #expect(FiscalYear(folderName: name) == FiscalYear(year))
    }

    @Test("folders that are not fiscal years", arguments: ["forms", "R", "令和年度", "25", "R7a", "1066"])
    func notYears(_ name: String) {
        #expect(FiscalYear(folderName: name) == nil)
    }

    @Test("fiscal year labels and months")
    func fiscalYear() {
        let fy = FiscalYear(2025)
        #expect(fy.japanese == "令和7年度")
        #expect(FiscalYear(2019).japanese == "令和元年度")
        #expect(FiscalYear(1989).japanese == "平成元年度" && FiscalYear(1990).japanese == "平成2年度")
        #expect(fy.contains(year: 2025, month: 4))
        #expect(fy.contains(year: 2026, month: 3))
        #expect(!fy.contains(year: 2025, month: 3))
        #expect(!fy.contains(year: 2026, month: 4))
    }

    @Test("the locale picks the language; LC_ALL wins over LANG")
    func language() {
        #expect(Language.fromEnvironment(["LANG": "ja_JP.UTF-8"]) == .ja)
        #expect(Language.fromEnvironment(["LANG": "en_US.UTF-8"]) == .en)
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "ja_JP.UTF-8"]) == .en)
        #expect(Language.fromEnvironment([:]) == .en)
    }

    @Test("edit distance")
    func distance() {
        #expect(editDistance(Array("サポステ"), Array("サポーテ")) == 1)
        #expect(editDistance(Array(""), Array("abc")) == 3)
        #expect(editDistance(Array("kitten"), Array("sitting")) == 3)
        // The bounded distance agrees with the full one wherever it answers, and answers within the bound.
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let a = (0..<Int(rng.next() % 9)).map { _ in Character(Unicode.Scalar(UInt8(97 + rng.next() % 3))) }
            let b = (0..<Int(rng.next() % 9)).map { _ in Character(Unicode.Scalar(UInt8(97 + rng.next() % 3))) }
            let full = editDistance(a, b), bound = Int(rng.next() % 5)
            #expect(editDistance(a, b, atMost: bound) == (full <= bound ? full : nil))
        }
    }
}
