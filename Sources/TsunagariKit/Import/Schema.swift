/// A column of one of the input files, with its English and Japanese headers.
public struct Column: Sendable {
    public var en: String
    public var ja: String
    public var required: Bool
    /// The column's place in its schema, set by `FileSchema`.
    public fileprivate(set) var index = 0

    init(en: String, ja: String, required: Bool) {
        (self.en, self.ja, self.required) = (en, ja, required)
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
        self.personalDataWords = personalDataWords
        self.fileName = fileName
        self.columns = columns.enumerated().map { i, column in
            var column = column
            column.index = i
            return column
        }
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
        return (positions, duplicates)
    }
}

/// The v1 file formats (docs/FORMATS.md).
public enum Schema {
    public static let agencies = FileSchema(fileName: "agencies.csv", columns: [
        Column(en: "id", ja: "機関ID", required: true),
        Column(en: "name", ja: "機関名", required: true),
        Column(en: "short_name", ja: "略称", required: false),
        Column(en: "field", ja: "分野", required: true),
        Column(en: "public_private", ja: "官民", required: false),
        Column(en: "age_min", ja: "対象年齢下限", required: false),
        Column(en: "age_max", ja: "対象年齢上限", required: false),
        Column(en: "aliases", ja: "別名", required: false),
    ])

    public static let survey = FileSchema(fileName: "survey.csv", columns: [
        Column(en: "reporter", ja: "回答機関", required: true),
        Column(en: "partner", ja: "連携先", required: true),
        Column(en: "kinds", ja: "連携内容", required: false),
        Column(en: "frequency", ja: "頻度", required: false),
        Column(en: "familiarity", ja: "顔の見える関係", required: false),
        Column(en: "person_dependent", ja: "担当者依存", required: false),
        Column(en: "trust", ja: "信頼", required: false),
        Column(en: "note", ja: "備考", required: false),
    ])

    public static let referrals = FileSchema(fileName: "referrals.csv", columns: [
        Column(en: "case", ja: "事例ID", required: true),
        Column(en: "step", ja: "順番", required: true),
        Column(en: "month", ja: "年月", required: false),
        Column(en: "from", ja: "紹介元", required: true),
        Column(en: "to", ja: "紹介先", required: true),
        Column(en: "action", ja: "支援内容", required: false),
        Column(en: "outcome", ja: "結果", required: false),
        Column(en: "age_band", ja: "年齢帯", required: false),
        Column(en: "gap", ja: "はざま", required: false),
    ], personalDataWords: TsunagariKit.personalDataWords)
}
