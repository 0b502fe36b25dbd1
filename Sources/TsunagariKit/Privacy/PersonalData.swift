/// Recognising personal data in case records (docs/DOMAIN.md §7): case files hold a pseudonymous case
/// ID, age bands and tags only. A column is refused when its header names personal data or when
/// a cell looks like it, whatever the header says.

/// Header words that mark personal data, compared after `normalizedKey` (NFKC, no spaces or
/// invisible characters, lower case), so 「氏\u{200B}名」, 「ＴＥＬ」 and "E-Mail" are caught.
let personalDataWords = [
    "氏名", "名前", "なまえ", "フリガナ", "ふりがな", "住所", "所在地", "住まい", "居所", "郵便", "〒",
    "生年", "誕生日", "電話", "携帯", "ケータイ", "連絡先", "メール", "マイナンバー", "個人番号",
    "保険証", "被保険者", "name", "address", "birth", "dob", "zip", "postal", "phone", "mobile", "tel",
    "fax", "mail", "contact", "lineid", "mynumber", "insurance",
]

/// What a cell that looks like personal data looks like.
enum PersonalDataValue: Sendable {
    case email, phone, postalCode, twelveDigits, birthDate

    var text: Text {
        switch self {
        case .email: Text(ja: "メールアドレス", en: "an e-mail address")
        case .phone: Text(ja: "電話番号", en: "a phone number")
        case .postalCode: Text(ja: "郵便番号", en: "a postal code")
        case .twelveDigits: Text(ja: "12桁の番号 (マイナンバーなど)", en: "a 12-digit number (such as an Individual Number)")
        case .birthDate: Text(ja: "生年月日", en: "a date of birth")
        }
    }

    /// What `value` looks like, if it looks like personal data. A full date more than two years
    /// before the fiscal year `year` starts is taken for a date of birth (a hand-off's month lies
    /// in its year).
    static func of(_ value: String, fiscalYear year: Int) -> PersonalDataValue? {
        let s = nfkc(value)
        if s.contains("@") {
            let parts = s.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].contains(where: \.isWhitespace) {
                return .email
            }
        }
        let separators: Set<Character> = ["-", "ー", "‐", "(", ")", " ", "+", "〒", "."]
        guard s.contains(where: \.isNumber), s.allSatisfy({ $0.isASCII && $0.isNumber || separators.contains($0) })
        else {
            return birthDate(s, before: year - 2) ? .birthDate : nil
        }
        let digits = s.filter(\.isNumber)
        if s.hasPrefix("〒") || (digits.count == 7 && s.split(separator: "-").map(\.count) == [3, 4]) {
            return .postalCode
        }
        if digits.count == 12 { return .twelveDigits }
        if (digits.count == 10 || digits.count == 11) && digits.hasPrefix("0") || s.hasPrefix("+81") { return .phone }
        return birthDate(s, before: year - 2) ? .birthDate : nil
    }

    /// Year, month and day (2001-04-12, 2001/4/12, 2001年4月12日, 2001.4.12) of a year before `limit`.
    private static func birthDate(_ s: String, before limit: Int) -> Bool {
        let parts = s.split(whereSeparator: { "-/年月日.".contains($0) }).map { Int($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2] else { return false }
        return (1900..<limit).contains(y) && (1...12).contains(m) && (1...31).contains(d)
    }
}
