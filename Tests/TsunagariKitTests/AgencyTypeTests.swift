import Foundation
import Testing

@testable import TsunagariKit

@Suite("Agency types: stated, or read from the names")
struct AgencyTypeTests {
    @Test("the sample's agencies get the types their names show, only among their field's types")
    func inferredOnSample() throws {
        let year = try #require(loadNetwork(at: sampleNetwork).network.years.last)
        let types = Dictionary(uniqueKeysWithValues: year.agencies.map { ($0.id, $0.type) })
        let expected: [String: AgencyType?] = [
            "A01": .hikikomoriDesk, "A02": .coordinator, "A03": .healthCentre, "A04": .municipalHealthCentre,
            "A05": .mentalHealthCentre, "A06": .psychiatric, "A08": .visitingNurse, "A09": .socialWelfareCouncil,
            "A10": .selfReliance, "A11": .welfareOffice, "A12": .elderCareCentre, "A16": .careManager,
            "A17": .disabilityConsultation, "A18": .developmentalSupport, "A19": .employmentTransition,
            "A22": .familyCentre, "A23": .childGuidance, "A24": .youthConsultation, "A25": .educationBoard,
            "A26": .educationSupportCentre, "A27": .ssw, "A28": .school, "A31": .youthSupportStation, "A32": .helloWork,
            "A33": .workPreparation, "A35": .familyGroup, "A36": .dropIn, "A38": .peerGroup, "A40": .commissioners,
            "A42": .police, "A43": .legalAid, "A44": .consumerCentre,
            // 「NPO法人はたけの学校」 is in the peers field: an NPO, not a school.
            "A51": .npo,
            // Nothing in these names tells: no type rather than a guess.
            "A20": nil, "A39": nil, "A41": nil, "A47": nil,
        ]
        for (id, type) in expected { #expect(types[id] == type, "\(id)") }
        #expect(year.agencies.allSatisfy { $0.typeInferred == ($0.type != nil) })
    }

    @Test("a type is read from names as a plain search of each type's words finds it")
    func inferredAsSearched() {
        // Names put together from the types' words, pieces of them and other characters, against
        // the rule searched the slow way: the first type of the field with a word in a name.
        let words = AgencyType.allCases.flatMap { $0.alternatives }
        let others = ["第", "1", "地区", "の", "セ", "ン", "タ", "ー", "a", "B", "・", "（", "）", " "]
        var rng = SplitMix64(seed: 7)
        func piece() -> String {
            let word = words[Int(rng.next() % UInt64(words.count))]
            switch rng.next() % 4 {
            case 0: return word
            case 1: return String(word.dropFirst())
            case 2: return String(word.dropLast())
            default: return others[Int(rng.next() % UInt64(others.count))]
            }
        }
        for _ in 0..<5_000 {
            let names = (0..<Int(1 + rng.next() % 2)).map { _ in (0..<Int(rng.next() % 4)).map { _ in piece() }.joined()
            }
            let field = Field.allCases[Int(rng.next() % UInt64(Field.allCases.count))]
            let keys = names.map { normalizedKey($0) }
            let searched = AgencyType.allCases.first { type in
                type.field == field
                    && type.alternatives.map(normalizedKey).contains { word in keys.contains { $0.contains(word) } }
            }
            #expect(AgencyType.infer(names: names, field: field) == searched, "\(names) \(field)")
        }
    }

    @Test("a stated type wins; one of another field is a warning; an unknown word is an error")
    func stated() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            """
            id,name,field,type
            A1,みどり相談室,administration,ひきこもり相談窓口
            A2,こもれび,welfare_elderly,hikikomori_desk
            A3,ひだまり,health,なんでも屋
            A4,東包括,welfare_elderly,

            """)
        try net.write("2025/survey.csv", "reporter,partner\nA1,A2\n")
        let (network, diagnostics) = net.load()
        let agencies = try #require(network.years.first).agencies
        #expect(agencies[0].type == .hikikomoriDesk && !agencies[0].typeInferred)
        #expect(agencies[1].type == .hikikomoriDesk)
        #expect(agencies.last?.type == .elderCareCentre && agencies.last?.typeInferred == true)
        let lines = diagnostics.sorted.map { $0.line(.en) }
        #expect(
            lines.contains(
                net.path("2025/agencies.csv") + ":3:25: warning: the type 'hikikomori_desk' belongs to "
                    + "the field administration, but this agency's field is welfare_elderly"))
        let unknown = net.path("2025/agencies.csv") + ":4:16: error:"
        #expect(lines.contains { $0.hasPrefix(unknown) && $0.contains("なんでも屋") })
    }

    @Test("template copies a stated type forward, not one read from the names")
    func copiedForward() throws {
        let net = try TempNetwork()
        try net.write(
            "2025/agencies.csv",
            "id,name,field,type\nA1,みどり相談室,administration,hikikomori_desk\nA2,東包括,welfare_elderly,\n")
        try net.write("2025/survey.csv", "reporter,partner\nA1,A2\n")
        let year = try #require(net.load().network.years.first)
        let csv = String(
            decoding: SurveyTemplate(
                from: year, fiscalYear: FiscalYear(2026), format: .csv, prefill: false, language: .ja
            ).agencies, as: UTF8.self)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0].hasSuffix(",別名,種別,支援内容,相談件数,強み,求める連携,窓口"))
        #expect(lines[1].hasSuffix(",ひきこもり相談窓口,,,,,"))
        #expect(lines[2] == "A2,東包括,,福祉(高齢),,,,,,,,,,")  // the type read from the name is not written
    }

    @Test("two files for one table: the CSV is read and the workbook named in a warning")
    func twoFiles() throws {
        let net = try TempNetwork()
        try net.write("2025/agencies.csv", fourAgencies)
        try net.write("2025/survey.csv", "reporter,partner\nA01,A02\n")
        try net.write("2025/survey.xlsx", "not read")
        #expect(
            net.lines() == [
                "\(net.path("2025/survey.xlsx")): warning: two files for one table: survey.csv is read, not this one"
            ])
    }
}
