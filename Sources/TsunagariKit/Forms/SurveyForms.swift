import Foundation

/// Blank forms for the next survey round (the roster method: every agency gets the list of all
/// other agencies and marks the ones it works with).
public struct SurveyTemplate: Sendable {
    /// `agencies.csv` for the new year, copied forward from the latest year on file.
    public var agencies: Data
    /// File name → roster form of one agency; the form is itself a valid `survey.csv`.
    public var forms: [NamedFile]

    /// Builds the forms from `source` (the latest year), with headers in `language`.
    public init(from source: YearData, language: Language) {
        let agencyColumns = Schema.agencies.columns
        var agencyRows = [agencyColumns.map { $0.header(language) }]
        for a in source.agencies {
            agencyRows.append([
                a.id, a.name, a.shortName ?? "", a.field.label(language), a.publicPrivate?.label(language) ?? "",
                a.ageMin.map(String.init) ?? "", a.ageMax.map(String.init) ?? "", a.aliases.joined(separator: ";"),
                // A stated type is copied forward; one read from the names is read again next year.
                a.typeInferred ? "" : a.type?.label(language) ?? "",
            ])
        }
        agencies = excelCSV(agencyRows)
        let names = formFileNames(source.agencies)
        forms = source.agencies.indices.map {
            NamedFile(path: names[$0], data: Self.form(of: $0, source.agencies, language: language))
        }
    }

    /// The roster form of `agencies[reporter]`: the survey's columns, with the partner's name and
    /// field after its ID so the form reads as a roster (columns the reader does not know are
    /// ignored), one row per other agency.
    static func form(of reporter: Int, _ agencies: [Agency], language: Language) -> Data {
        let survey = Schema.survey.columns
        let header =
            [
                Schema.Survey.reporter.header(language), Schema.Survey.partner.header(language),
                Text.partnerNameColumn(language), Text.partnerFieldColumn(language),
            ]
            + survey.dropFirst(2).map { $0.header(language) }
        var rows = [header]
        for (i, partner) in agencies.enumerated() where i != reporter {
            rows.append(
                [agencies[reporter].id, partner.id, partner.name, partner.field.label(language)]
                    + Array(repeating: "", count: survey.count - 2))
        }
        return excelCSV(rows)
    }
}

/// The forms' file names, `A01_みどり市ひきこもり相談窓口.csv`: readable, safe on every file system
/// (no folder separators, reserved, control or invisible characters, no leading dot), at most 200
/// bytes of UTF-8, and unique across the forms even where case is ignored (Windows, macOS): a
/// name taken already gets `-2`, `-3`, … before `.csv`.
func formFileNames(_ agencies: [Agency]) -> [String] {
    let unsafe = Set("/\\:*?\"<>|")
    func clean(_ s: String) -> String {
        var out = String(
            s.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return unsafe.contains(c) || scalar.value < 0x20 || scalar.value == 0x7F || !isAllowedText(scalar)
                    || scalar.properties.generalCategory == .format || c.isNewline ? "_" : c
            })
        while out.hasPrefix(".") { out = "_" + out.dropFirst() }
        return out
    }
    /// The longest prefix of `s`, in whole characters, of at most `bytes` bytes of UTF-8.
    func bounded(_ s: String, _ bytes: Int) -> String {
        var out = "", used = 0
        for c in s {
            used += c.utf8.count
            if used > bytes { break }
            out.append(c)
        }
        return out
    }
    var taken = Set<String>()
    return agencies.map { agency in
        let stem = bounded(clean(agency.id), 60) + "_" + bounded(clean(agency.name), 120)
        var name = stem + ".csv", k = 1
        while taken.contains(name.lowercased()) {
            k += 1
            name = stem + "-\(k).csv"
        }
        taken.insert(name.lowercased())
        return name
    }
}

/// The merged forms: `survey.csv`'s bytes (nil when there are errors), the year as it would read
/// with them (nil when its agencies could not be read), and every problem found.
public struct CollectedForms: Sendable {
    public var survey: Data?
    public var year: YearData?
    public var diagnostics: Diagnostics
    /// Forms that contributed nothing because they have errors (each error is in `diagnostics`).
    public var rejected: [String] = []
    /// Where each agency's answer stands, in agency order: the round's tracker.
    public var tracker: [FormStatus] = []
    /// Forms still exactly as `template` wrote them: not returned, not read.
    public var untouched: [String] = []
}

/// One agency in the survey round: whether its form is back and usable.
public struct FormStatus: Sendable, Equatable {
    public enum Status: String, Sendable, Encodable {
        case answered, noPartners = "no_partners", notReturned = "not_returned", hasErrors = "has_errors"
    }

    public var id: String
    public var name: String
    public var status: Status
    /// The forms found for the agency.
    public var files: [String]
}

/// Merges filled-in roster forms into one `survey.csv` for a year whose `agencies.csv` is in place.
///
/// Every form is checked like `survey.csv` itself (names resolved, values in range, no pair
/// reported twice across forms). A form belongs to the agency most of its rows name as reporter:
/// a row that leaves 回答機関 blank is that agency's, and a second form of the same agency is one
/// problem, not one per row. A form returned with no answer means "no partners"; one byte for byte
/// as `template` wrote it was not returned. Every clean form is merged; a form with an error
/// contributes nothing and is listed in `rejected`, so that the survey can be read while the
/// others are chased.
/// `survey` is nil only when agencies.csv cannot be read.
public func collectForms(
    _ formPaths: [String], yearFolder: String, fiscalYear: FiscalYear,
    language: Language
) -> CollectedForms {
    var loader = YearLoader(folder: yearFolder, fiscalYear: fiscalYear)
    guard loader.loadAgencies() else { return CollectedForms(survey: nil, year: nil, diagnostics: loader.diagnostics) }
    var reports: [SurveyReport] = []
    var diagnostics = Diagnostics()
    var rejected: [String] = []
    var owners: [String: String] = [:]  // the owner's folded name → its first form
    var blank: [String] = []  // owners of clean forms that name no partner
    var formOwner: [(path: String, owner: String)] = []
    // A form still exactly as `template` wrote it was not sent back (it may sit in the folder the
    // forms were written to): it is not an answer, not even "no partners".
    let unfilled = loader.yearData(reports: [], referrals: [])
    var unreturned: [String] = []
    func untouched(_ path: String, owner: String) -> Bool {
        guard let a = unfilled.agency(named: owner), let data = FileManager.default.contents(atPath: path) else {
            return false
        }
        return Language.allCases.contains { SurveyTemplate.form(of: a, unfilled.agencies, language: $0) == data }
    }
    for path in formPaths {
        var formDiagnostics = Diagnostics()
        guard var table = CSVTable.read(path, schema: Schema.survey, diagnostics: &formDiagnostics) else {
            diagnostics.append(contentsOf: formDiagnostics)
            rejected.append(path)
            // Unreadable: the agency is known only from the file's name (`A05_….csv`, as template names it).
            let name = (path as NSString).lastPathComponent
            if let id = name.split(separator: "_").first, id.count < name.count { formOwner.append((path, String(id))) }
            continue
        }
        if let owner = table.owner(Schema.Survey.reporter) {
            if untouched(path, owner: owner) {
                unreturned.append(path)
                continue
            }
            if let first = owners[normalizedKey(owner)] {
                formOwner.append((path, owner))
                diagnostics.error(SourceLocation(file: path, line: 0, column: 0), .formTwice(owner, first: first))
                rejected.append(path)
                continue
            }
            owners[normalizedKey(owner)] = path
            formOwner.append((path, owner))
            table = table.filling(Schema.Survey.reporter, with: owner)
        }
        let errorsBefore = loader.diagnostics.errorCount
        let formReports = loader.readSurvey(table, answeredOnly: true)
        diagnostics.append(contentsOf: formDiagnostics)
        if formDiagnostics.hasErrors || loader.diagnostics.errorCount > errorsBefore {
            rejected.append(path)
        } else {
            reports += formReports
            if formReports.isEmpty, let owner = table.owner(Schema.Survey.reporter) { blank.append(owner) }
        }
    }
    diagnostics.append(contentsOf: loader.diagnostics)
    var year = loader.yearData(reports: reports, referrals: [])
    // A form returned with no partner is an answer: "we work with no one this year".
    let reporters = Set(reports.map(\.reporter))
    year.answeredWithoutPartners = Set(year.answeredWithoutPartners + blank.compactMap(year.agency(named:)))
        .subtracting(reporters).sorted()

    let agencies = year.agencies
    let sorted = reports.sorted { ($0.reporter, $0.partner) < ($1.reporter, $1.partner) }
    var rows = [Schema.survey.columns.map { $0.header(language) }]
    for r in sorted {
        rows.append([
            agencies[r.reporter].id, agencies[r.partner].id,
            r.kinds.kinds.map { $0.label(language) }.joined(separator: ";"),
            r.frequency?.label(language) ?? "",
            r.familiarity.map(String.init) ?? "",
            r.personDependent.map { $0 ? "1" : "0" } ?? "",
            r.trust.map(String.init) ?? "",
            r.note,
        ])
    }
    // The reporter alone: answered, no partner.
    for a in year.answeredWithoutPartners {
        rows.append([agencies[a].id] + Array(repeating: "", count: Schema.survey.columns.count - 1))
    }
    var files: [Int: [String]] = [:]
    for (path, owner) in formOwner {
        if let a = year.agency(named: owner) { files[a, default: []].append(path) }
    }
    let answered = Set(year.reports.map(\.reporter)), silent = Set(year.answeredWithoutPartners)
    let tracker = agencies.indices.map { a -> FormStatus in
        let own = files[a] ?? []
        let status: FormStatus.Status =
            own.contains(where: rejected.contains)
            ? .hasErrors
            : answered.contains(a) ? .answered : silent.contains(a) ? .noPartners : .notReturned
        return FormStatus(id: agencies[a].id, name: agencies[a].displayName, status: status, files: own)
    }
    return CollectedForms(
        survey: excelCSV(rows), year: year, diagnostics: diagnostics, rejected: rejected, tracker: tracker,
        untouched: unreturned)
}

/// The roster form's two columns for the reader's eyes (the reader ignores them).
extension Text {
    static let partnerNameColumn = Text(ja: "連携先の機関名", en: "partner_name")
    static let partnerFieldColumn = Text(ja: "連携先の分野", en: "partner_field")
}

extension Wording {
    static func formTwice(_ owner: String, first: String) -> Wording {
        Wording(
            Text(
                ja: "「\(owner)」の回答様式が2通あります (もう1通は \(first))。この様式は入れていません",
                en: "a second form of \(owner) (the other is \(first)); this one is left out"),
            hint: Text(
                ja: "どちらか一方だけをフォルダに残してください (控えのコピーは別の場所へ)",
                en: "keep only one of the two in the folder (move copies elsewhere)"))
    }
}
