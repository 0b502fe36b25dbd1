/// A column of one of the input files, with its English and Japanese headers.
public struct Column: Sendable {
    public var en: String
    public var ja: String
    public var required: Bool
    /// The column's place in its schema (the order forms are written in).
    public let index: Int
    /// Headers read as this column when the file lacks it (a form whose ID column was deleted
    /// still has the partner's name).
    public var fallbacks: [String] = []

    init(_ index: Int, en: String, ja: String, required: Bool, fallbacks: [String] = []) {
        (self.index, self.en, self.ja, self.required, self.fallbacks) = (index, en, ja, required, fallbacks)
    }

    public func header(_ language: Language) -> String { language == .ja ? ja : en }

    /// 「'partner' (連携先)」, how messages name a column.
    var quoted: Text {
        Text(ja: "「\(ja)」(\(en))", en: "'\(en)' (\(ja))")
    }
}

/// The columns of one input file, in the order forms are written.
public struct FileSchema: Sendable {
    public var fileName: String
    public var columns: [Column]
    /// Header words that mark personal data, which this file must not hold (compared after
    /// `normalizedKey`); a column whose header contains one makes the file be refused.
    public var personalDataWords: [String] = []

    init(fileName: String, columns: [Column], personalDataWords: [String] = []) {
        precondition(columns.indices.allSatisfy { columns[$0].index == $0 }, "columns out of order in \(fileName)")
        (self.fileName, self.columns, self.personalDataWords) = (fileName, columns, personalDataWords)
    }

    /// Finds each column's place in a header row: `positions[column.index]` is the cell index.
    /// Headers may be English or Japanese, in any case and width; unknown headers are left out
    /// (their cells are ignored, never an error).
    func match(header: CSVRecord) -> (positions: [Int?], duplicates: [(Column, CSVField)]) {
        var positions = [Int?](repeating: nil, count: columns.count)
        var duplicates: [(Column, CSVField)] = []
        for (i, cell) in header.fields.enumerated() {
            let key = normalizedKey(cell.value)
            guard let column = columns.first(where: { normalizedKey($0.en) == key || normalizedKey($0.ja) == key })
            else { continue }
            if positions[column.index] == nil { positions[column.index] = i } else { duplicates.append((column, cell)) }
        }
        for column in columns where positions[column.index] == nil && !column.fallbacks.isEmpty {
            let keys = Set(column.fallbacks.map(normalizedKey))
            positions[column.index] = header.fields.firstIndex { keys.contains(normalizedKey($0.value)) }
        }
        return (positions, duplicates)
    }

    /// Whether `row` is this file's header: it has every required column.
    func isHeader(_ row: CSVRecord) -> Bool {
        let positions = match(header: row).positions
        return columns.allSatisfy { !$0.required || positions[$0.index] != nil }
    }
}

/// The v1 file formats (docs/FORMATS.md), each column by name.
public enum Schema {
    /// agencies.csv: one row per agency.
    public enum Agencies {
        public static let id = Column(0, en: "id", ja: "機関ID", required: true)
        public static let name = Column(1, en: "name", ja: "機関名", required: true)
        public static let shortName = Column(2, en: "short_name", ja: "略称", required: false)
        public static let field = Column(3, en: "field", ja: "分野", required: true)
        public static let publicPrivate = Column(4, en: "public_private", ja: "官民", required: false)
        public static let ageMin = Column(5, en: "age_min", ja: "対象年齢下限", required: false)
        public static let ageMax = Column(6, en: "age_max", ja: "対象年齢上限", required: false)
        public static let aliases = Column(7, en: "aliases", ja: "別名", required: false)
        public static let type = Column(8, en: "type", ja: "種別", required: false)
        /// The agency profile (docs/FORMATS.md §5): services with their ages, last year's consultations,
        /// strengths and needs, the contact's role.
        public static let services = Column(9, en: "services", ja: "支援内容", required: false)
        public static let consultations = Column(10, en: "consultations", ja: "相談件数", required: false)
        public static let strengths = Column(11, en: "strengths", ja: "強み", required: false)
        public static let needs = Column(12, en: "needs", ja: "求める連携", required: false)
        public static let contactRole = Column(13, en: "contact_role", ja: "窓口", required: false)
        /// The municipality or sub-area (docs/FORMATS.md §5); empty for an area-wide agency.
        public static let area = Column(14, en: "area", ja: "市区町村", required: false, fallbacks: ["圏域"])
    }

    /// survey.csv: one row per reporter → partner.
    public enum Survey {
        public static let reporter = Column(0, en: "reporter", ja: "回答機関", required: true)
        public static let partner = Column(
            1, en: "partner", ja: "連携先", required: true, fallbacks: ["partner_name", "連携先の機関名"])
        public static let kinds = Column(2, en: "kinds", ja: "連携内容", required: false)
        public static let frequency = Column(3, en: "frequency", ja: "頻度", required: false)
        public static let familiarity = Column(4, en: "familiarity", ja: "顔の見える関係", required: false)
        public static let personDependent = Column(5, en: "person_dependent", ja: "担当者依存", required: false)
        public static let trust = Column(6, en: "trust", ja: "信頼", required: false)
        public static let note = Column(7, en: "note", ja: "備考", required: false)
    }

    /// referrals.csv: one row per hand-off of a case.
    public enum Referrals {
        public static let caseID = Column(0, en: "case", ja: "事例ID", required: true)
        public static let step = Column(1, en: "step", ja: "順番", required: true)
        public static let month = Column(2, en: "month", ja: "年月", required: false)
        public static let from = Column(3, en: "from", ja: "紹介元", required: true)
        public static let to = Column(4, en: "to", ja: "紹介先", required: true)
        public static let action = Column(5, en: "action", ja: "支援内容", required: false)
        public static let outcome = Column(6, en: "outcome", ja: "結果", required: false)
        public static let ageBand = Column(7, en: "age_band", ja: "年齢帯", required: false)
        public static let gap = Column(8, en: "gap", ja: "はざま", required: false)
    }

    /// reviews.csv: one row per case review.
    public enum Reviews {
        public static let caseID = Column(0, en: "case", ja: "事例ID", required: true)
        public static let gap = Column(1, en: "gap", ja: "はざま", required: false)
        public static let proposedFrom = Column(2, en: "proposed_from", ja: "つながるとよい機関", required: false)
        public static let proposedTo = Column(3, en: "proposed_to", ja: "つなぎ先", required: false)
        public static let action = Column(4, en: "action", ja: "取組", required: false)
        public static let month = Column(5, en: "month", ja: "年月", required: false)
    }

    /// settings.csv: one row per setting.
    public enum Settings {
        public static let setting = Column(0, en: "setting", ja: "項目", required: true)
        public static let first = Column(1, en: "value", ja: "値", required: true)
        public static let second = Column(2, en: "value2", ja: "値2", required: false)
    }

    public static let settings = FileSchema(
        fileName: "settings.csv", columns: [Settings.setting, Settings.first, Settings.second])

    public static let agencies = FileSchema(
        fileName: "agencies.csv",
        columns: [
            Agencies.id, Agencies.name, Agencies.shortName, Agencies.field, Agencies.publicPrivate,
            Agencies.ageMin, Agencies.ageMax, Agencies.aliases, Agencies.type, Agencies.services,
            Agencies.consultations, Agencies.strengths, Agencies.needs, Agencies.contactRole, Agencies.area,
        ])

    public static let survey = FileSchema(
        fileName: "survey.csv",
        columns: [
            Survey.reporter, Survey.partner, Survey.kinds, Survey.frequency, Survey.familiarity,
            Survey.personDependent, Survey.trust, Survey.note,
        ])

    public static let reviews = FileSchema(
        fileName: "reviews.csv",
        columns: [
            Reviews.caseID, Reviews.gap, Reviews.proposedFrom, Reviews.proposedTo, Reviews.action, Reviews.month,
        ], personalDataWords: TsunagariKit.personalDataWords)

    public static let referrals = FileSchema(
        fileName: "referrals.csv",
        columns: [
            Referrals.caseID, Referrals.step, Referrals.month, Referrals.from, Referrals.to, Referrals.action,
            Referrals.outcome, Referrals.ageBand, Referrals.gap,
        ], personalDataWords: TsunagariKit.personalDataWords)
}
