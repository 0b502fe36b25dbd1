import Foundation

/// The type of an agency within its field (docs/DOMAIN.md §9): what the support pathways are
/// written in, since the sharpest cracks run between types (the hikikomori desk and the
/// elder-care centres), not between whole fields.
///
/// agencies.csv may state it (`type` / 種別); where it does not, `infer` reads it from the
/// agency's names, and `check` lists what was inferred so that a planner can confirm it.
public enum AgencyType: Int, Vocabulary {
    case hikikomoriDesk, coordinator
    case healthCentre, municipalHealthCentre, mentalHealthCentre
    case visitingNurse, psychiatric
    case socialWelfareCouncil, selfReliance, welfareOffice
    case elderCareCentre, careManager
    case disabilityConsultation, developmentalSupport, employmentTransition
    case familyCentre, childGuidance, youthConsultation
    case educationBoard, educationSupportCentre, ssw, school
    case youthSupportStation, helloWork, workPreparation
    case familyGroup, peerGroup, dropIn, npo
    case commissioners, police, legalAid, consumerCentre

    public var ja: String { Self.table[rawValue].ja }
    public var en: String { Self.table[rawValue].en }
    public var alternatives: [String] { Self.table[rawValue].patterns }
    /// The field agencies of this type belong to.
    public var field: Field { Self.table[rawValue].field }

    /// The type read from an agency's names: the first type of the agency's field with a word in
    /// one of the names (after `normalizedKey`); nil when none has. Types are tried in the order
    /// of the cases, the more specific first within a field (a visiting nurse before psychiatric
    /// care).
    public static func infer(names: [String], field: Field) -> AgencyType? {
        let words = byField[field.rawValue]
        var first = Int.max
        for name in names {
            var key = normalizedKey(name)
            key.withUTF8 { first = min(first, words.firstType(in: $0)) }
        }
        return first < words.types.count ? words.types[first] : nil
    }

    /// For each field, its types in order and their words folded by `normalizedKey`, made once.
    private static let byField: [FieldWords] = Field.allCases.map { field in
        let types = allCases.filter { $0.field == field }
        return FieldWords(types: types, words: types.map { table[$0.rawValue].patterns.map(normalizedKey) })
    }

    /// The words of a field's types, found in a name in one pass over its bytes (they were
    /// searched for one by one, and that was most of reading the types of 100,000 agencies).
    private struct FieldWords: Sendable {
        let types: [AgencyType]
        /// Each word's UTF-8 bytes with the place of its type in `types`.
        private var words: [(bytes: [UInt8], type: Int)] = []
        /// A bit for each pair of bytes a word starts with, by the low four bits of the first byte
        /// and the second byte (4,096 bits): the lead bytes of Japanese characters differ there.
        private var starts = [UInt64](repeating: 0, count: 64)

        init(types: [AgencyType], words: [[String]]) {
            self.types = types
            for (type, spellings) in words.enumerated() {
                for word in spellings {
                    let bytes = Array(word.utf8)
                    precondition(bytes.count >= 2, "a word of one byte would need another filter")
                    self.words.append((bytes, type))
                    let bit = Self.bit(bytes[0], bytes[1])
                    starts[bit >> 6] |= 1 << (bit & 63)
                }
            }
        }

        private static func bit(_ a: UInt8, _ b: UInt8) -> Int { Int(a & 0x0F) << 8 | Int(b) }

        /// The first type (its place in `types`) with a word in `name`; `Int.max` when none has.
        func firstType(in name: UnsafeBufferPointer<UInt8>) -> Int {
            var first = Int.max
            guard name.count >= 2 else { return first }
            for i in 0..<(name.count - 1) {
                let bit = Self.bit(name[i], name[i + 1])
                guard starts[bit >> 6] & (1 << (bit & 63)) != 0 else { continue }
                for (word, type) in words where type < first && word.count <= name.count - i {
                    if word.withUnsafeBufferPointer({ memcmp($0.baseAddress!, name.baseAddress! + i, $0.count) == 0 }) {
                        first = type
                    }
                }
            }
            return first
        }
    }

    /// Japanese word, English key, field, and the words that mark the type in a name.
    private static let table: [(ja: String, en: String, field: Field, patterns: [String])] = [
        ("ひきこもり相談窓口", "hikikomori_desk", .administration, ["ひきこもり", "引きこもり"]),
        ("重層的支援", "coordinator", .administration, ["重層"]),
        ("保健所", "health_centre", .health, ["保健所"]),
        ("保健センター", "municipal_health_centre", .health, ["保健センター"]),
        (
            "精神保健福祉センター", "mental_health_centre", .health,
            ["精神保健福祉センター", "ひきこもり地域支援センター", "精保"]
        ),
        ("訪問看護", "visiting_nurse", .medical, ["訪問看護", "訪看"]),
        ("精神科病院・クリニック", "psychiatric", .medical, ["精神", "こころ", "心療", "メンタル", "病院", "クリニック", "診療所"]),
        ("社会福祉協議会", "social_welfare_council", .welfareCommunity, ["社会福祉協議会", "社協"]),
        ("自立相談支援機関", "self_reliance", .welfareCommunity, ["自立相談", "くらし", "生活困窮"]),
        ("福祉事務所", "welfare_office", .welfareCommunity, ["福祉事務所", "生活保護", "生活福祉"]),
        ("地域包括支援センター", "elder_care_centre", .welfareElderly, ["地域包括", "包括"]),
        ("居宅介護支援", "care_manager", .welfareElderly, ["居宅", "ケアマネ"]),
        ("障害者相談支援事業所", "disability_consultation", .welfareDisability, ["相談支援事業所", "障害者相談支援"]),
        ("発達障害者支援センター", "developmental_support", .welfareDisability, ["発達障害者支援", "発達支援"]),
        ("就労移行・就労継続", "employment_transition", .welfareDisability, ["就労移行", "就労継続", "b型", "a型"]),
        ("こども家庭センター", "family_centre", .childrenYouthFamily, ["家庭センター", "家庭支援センター", "子育て世代"]),
        ("児童相談所", "child_guidance", .childrenYouthFamily, ["児童相談所", "児相"]),
        ("子ども・若者総合相談センター", "youth_consultation", .childrenYouthFamily, ["若者総合相談", "若者相談", "わかもの"]),
        ("教育委員会・教育相談", "education_board", .education, ["教育委員会", "教育相談"]),
        ("教育支援センター", "education_support_centre", .education, ["教育支援センター", "適応指導"]),
        ("スクールソーシャルワーカー", "ssw", .education, ["スクールソーシャルワーカー", "ssw"]),
        ("学校", "school", .education, ["学校", "中学", "高校", "高等学校", "定時制", "通信制", "大学", "学生相談", "サポート校"]),
        ("地域若者サポートステーション", "youth_support_station", .employment, ["サポートステーション", "サポステ"]),
        ("ハローワーク", "hello_work", .employment, ["ハローワーク", "職業安定所", "ハロワ"]),
        ("就労準備支援", "work_preparation", .employment, ["就労準備", "しごとの準備"]),
        ("家族会", "family_group", .peersFamiliesNPO, ["家族会", "親の会"]),
        ("当事者会・ピアサポート", "peer_group", .peersFamiliesNPO, ["当事者", "ピア"]),
        ("居場所", "drop_in", .peersFamiliesNPO, ["居場所", "フリースペース", "たまり場"]),
        ("NPO", "npo", .peersFamiliesNPO, ["npo", "特定非営利"]),
        ("民生委員・児童委員", "commissioners", .communityOther, ["民生委員", "民児協"]),
        ("警察", "police", .communityOther, ["警察"]),
        ("法テラス", "legal_aid", .communityOther, ["法テラス", "司法支援"]),
        ("消費生活センター", "consumer_centre", .communityOther, ["消費生活"]),
    ]
}
