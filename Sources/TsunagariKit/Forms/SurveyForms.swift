import Foundation

/// How forms are written: an Excel workbook with instructions and drop-down lists, or plain CSV.
public enum FormFormat: String, Sendable, CaseIterable {
    case xlsx, csv
}

/// Blank forms for the next survey round (the roster method: every agency gets the list of all
/// other agencies and marks the ones it works with).
public struct SurveyTemplate: Sendable {
    /// `agencies.csv` for the new year, copied forward from the latest year on file.
    public var agencies: Data
    /// File name → roster form of one agency; the form is itself a valid `survey.csv`.
    public var forms: [NamedFile]

    /// Builds the forms for `fiscalYear` from `source` (the latest year), with headers in
    /// `language`; with `prefill`, each form holds its agency's answers of `source`.
    public init(
        from source: YearData, fiscalYear: FiscalYear, format: FormFormat, prefill: Bool, language: Language
    ) {
        // The area column only for a network of several municipalities.
        let areas = source.agencies.contains { $0.area != nil }
        let agencyColumns = Schema.agencies.columns.filter { areas || $0.index != Schema.Agencies.area.index }
        var agencyRows = [agencyColumns.map { $0.header(language) }]
        for a in source.agencies {
            let services = a.services.map { offer in
                offer.service.label(language) + (offer.ages.map { "(\($0.lowerBound)-\($0.upperBound))" } ?? "")
            }
            let row: [String] = [
                a.id, a.name, a.shortName ?? "", a.field.label(language), a.publicPrivate?.label(language) ?? "",
                a.ageMin.map(String.init) ?? "", a.ageMax.map(String.init) ?? "", a.aliases.joined(separator: ";"),
                // A stated type is copied forward; one read from the names is read again next year.
                a.typeInferred ? "" : a.type?.label(language) ?? "",
                // The profile too, except last year's consultations, a count of that year.
                services.joined(separator: ";"),
                "", a.strengths.map { $0.label(language) }.joined(separator: ";"),
                a.needs.map { $0.label(language) }.joined(separator: ";"), a.contactRole ?? "",
            ]
            agencyRows.append(areas ? row + [a.area ?? ""] : row)
        }
        agencies = excelCSV(agencyRows)
        let names = formFileNames(source.agencies, extension: format.rawValue)
        forms = source.agencies.indices.map { a in
            let answers = prefill ? Self.answers(of: source.agencies[a].id, in: source) : [:]
            let form = Form(
                reporter: a, agencies: source.agencies, fiscalYear: fiscalYear, answers: answers, language: language)
            return NamedFile(path: names[a], data: form.data(format))
        }
    }

    /// The answers `id` gave in `year`, by the partner's ID.
    static func answers(of id: String, in year: YearData?) -> [String: SurveyReport] {
        guard let year, let reporter = year.agency(named: id) else { return [:] }
        var out: [String: SurveyReport] = [:]
        for r in year.reports where r.reporter == reporter { out[year.agencies[r.partner].id] = r }
        return out
    }

    /// The form of the agency `id` of the year in `yearFolder` (one added to its agencies.csv
    /// after the forms went out; the year may still be collected), prefilled with its answers of
    /// `previous` when given. `file` is nil when agencies.csv has errors or `id` is not in it
    /// (`known` is then false).
    public static func form(
        for id: String, yearFolder: String, fiscalYear: FiscalYear, previous: YearData?, format: FormFormat,
        language: Language
    ) -> (file: NamedFile?, known: Bool, diagnostics: Diagnostics) {
        var loader = YearLoader(folder: yearFolder, fiscalYear: fiscalYear)
        guard loader.loadAgencies() && !loader.diagnostics.hasErrors else { return (nil, true, loader.diagnostics) }
        let year = loader.yearData(reports: [], referrals: [])
        guard let a = year.agency(named: id) else { return (nil, false, loader.diagnostics) }
        let form = Form(
            reporter: a, agencies: year.agencies, fiscalYear: fiscalYear,
            answers: answers(of: year.agencies[a].id, in: previous), language: language)
        let name = formFileNames(year.agencies, extension: format.rawValue)[a]
        return (NamedFile(path: name, data: form.data(format)), true, loader.diagnostics)
    }
}

/// The roster form of `agencies[reporter]`: the survey's columns, with the partner's name and
/// field after its ID so the form reads as a roster (columns the reader does not know are
/// ignored), one row per other agency, holding `answers` (by partner ID) where given.
struct Form {
    var reporter: Int
    var agencies: [Agency]
    var fiscalYear: FiscalYear
    var answers: [String: SurveyReport]
    var language: Language

    /// The answer columns (連携内容 … 備考), the fifth to the tenth.
    static let answerColumns = 5...10

    /// The header and one row per partner.
    var rows: [[String]] {
        let survey = Schema.survey.columns
        let header =
            [
                Schema.Survey.reporter.header(language), Schema.Survey.partner.header(language),
                Text.partnerNameColumn(language), Text.partnerFieldColumn(language),
            ]
            + survey.dropFirst(2).map { $0.header(language) }
        var rows = [header]
        for (i, partner) in agencies.enumerated() where i != reporter {
            let answer = answers[partner.id].map { r in
                [
                    r.kinds.kinds.map { $0.label(language) }.joined(separator: ";"), r.frequency?.label(language) ?? "",
                    r.familiarity.map(String.init) ?? "",
                    r.personDependent.map { Text.yesNo($0)(language) } ?? "", r.trust.map(String.init) ?? "", r.note,
                ]
            }
            rows.append(
                [agencies[reporter].id, partner.id, partner.name, partner.field.label(language)]
                    + (answer ?? Array(repeating: "", count: survey.count - 2)))
        }
        return rows
    }

    func data(_ format: FormFormat) -> Data {
        switch format {
        case .csv: excelCSV(rows)
        case .xlsx: workbook.data()
        }
    }

    /// Instructions first (Excel opens on them), then the roster with the answer cells open and
    /// drop-down lists, then the hidden lists of words.
    var workbook: OutputWorkbook {
        let rows = rows
        let reporterAgency = agencies[reporter]
        var instructions = OutputWorkbook.Sheet(
            name: Text.instructionsSheet(language),
            rows: Text.formInstructions(year: fiscalYear, agency: reporterAgency, prefilled: !answers.isEmpty).map {
                [OutputWorkbook.Cell($0.text(language), $0.style)]
            })
        instructions.columnWidths = [70]
        for (r, row) in instructions.rows.enumerated() where row[0].style == .wrapped {
            let lines = (displayWidth(row[0].value) + 63) / 64
            instructions.rowHeights[r] = 18 * Double(max(1, lines))
        }
        var roster = OutputWorkbook.Sheet(
            name: Text.answersSheet(language),
            rows: rows.enumerated().map { r, row in
                row.enumerated().map { c, value in
                    OutputWorkbook.Cell(value, r == 0 ? .header : Self.answerColumns.contains(c + 1) ? .input : .plain)
                }
            })
        roster.columnWidths = [8, 8, 40, 18, 24, 14, 10, 10, 8, 30]
        roster.rowHeights[0] = 36
        (roster.frozenRows, roster.frozenColumns) = (1, 4)
        roster.protected = true
        roster.landscape = true
        let lists = Text.listsSheet(language), last = max(2, rows.count)
        let kinds = TieKind.allCases.map { $0.label(language) },
            frequencies = Frequency.allCases.map { $0.label(language) }
        func range(_ column: String, _ count: Int) -> String {
            OutputWorkbook.quotedSheet(lists) + "!$\(column)$2:$\(column)$\(count + 1)"
        }
        func validation(
            _ column: Int, _ list: String, strict: Bool, _ wording: (Text, Text)
        ) -> OutputWorkbook.Validation {
            OutputWorkbook.Validation(
                columns: column...column, rows: 2...last, list: list, strict: strict,
                prompt: (rows[0][column - 1], wording.0(language)), error: (rows[0][column - 1], wording.1(language)))
        }
        let yes = Text.yesNo(true)(language), no = Text.yesNo(false)(language)
        roster.validations = [
            validation(5, range("A", kinds.count), strict: false, Text.kindsPrompt),
            validation(6, range("B", frequencies.count), strict: true, Text.listPrompt),
            validation(7, "\"0,1,2,3\"", strict: true, Text.familiarityPrompt),
            validation(8, "\"\(yes),\(no)\"", strict: true, Text.personPrompt),
            validation(9, "\"1,2,3,4\"", strict: true, Text.trustPrompt),
        ]
        var listSheet = OutputWorkbook.Sheet(
            name: lists,
            table: [[Schema.Survey.kinds.header(language), Schema.Survey.frequency.header(language)]]
                + (0..<max(kinds.count, frequencies.count)).map { i in
                    [i < kinds.count ? kinds[i] : "", i < frequencies.count ? frequencies[i] : ""]
                })
        listSheet.hidden = true
        return OutputWorkbook(sheets: [instructions, roster, profileSheet, listSheet])
    }

    /// The agency's profile to confirm or fill in (the questionnaire's profile page): a row per
    /// service with ○ and, where they differ from the agency's, its ages; last year's
    /// consultations; strengths; needs. It holds the profile agencies.csv gives now.
    var profileSheet: OutputWorkbook.Sheet {
        let agency = agencies[reporter]
        let yes = Text.yesNo(true)(language)
        var rows: [[OutputWorkbook.Cell]] = [
            Text.profileColumns.map { OutputWorkbook.Cell($0(language), .header) }
        ]
        for service in Service.allCases {
            let offer = agency.services.first { $0.service == service }
            rows.append([
                OutputWorkbook.Cell(service.label(language)), OutputWorkbook.Cell(offer == nil ? "" : yes, .input),
                OutputWorkbook.Cell(offer?.ages.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "", .input),
            ])
        }
        func words(_ list: [Need]) -> String { list.map { $0.label(language) }.joined(separator: ";") }
        rows += [
            [OutputWorkbook.Cell(Text.profileConsultations(language)), OutputWorkbook.Cell("", .input)],
            [
                OutputWorkbook.Cell(Text.profileStrengths(language)),
                OutputWorkbook.Cell(words(agency.strengths), .input),
            ],
            [OutputWorkbook.Cell(Text.profileNeeds(language)), OutputWorkbook.Cell(words(agency.needs), .input)],
        ]
        var sheet = OutputWorkbook.Sheet(name: Text.profileSheet(language), rows: rows)
        sheet.columnWidths = [46, 40, 24]
        sheet.frozenRows = 1
        sheet.rowHeights[0] = 36
        sheet.protected = true
        let services = 2...(1 + Service.allCases.count)
        sheet.validations = [
            OutputWorkbook.Validation(
                columns: 2...2, rows: services, list: "\"\(yes)\"", strict: true,
                prompt: (Text.profileColumns[1](language), Text.profileServicePrompt(language)),
                error: (Text.profileColumns[1](language), Text.profileServicePrompt(language)))
        ]
        return sheet
    }
}

/// The forms' file names, `A01_みどり市ひきこもり相談窓口.csv`: readable, safe on every file system
/// (no folder separators, reserved, control or invisible characters, no leading dot), at most 200
/// bytes of UTF-8, and unique across the forms even where case is ignored (Windows, macOS): a
/// name taken already gets `-2`, `-3`, … before the extension.
func formFileNames(_ agencies: [Agency], extension ext: String) -> [String] {
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
        var name = stem + "." + ext, k = 1
        while taken.contains(name.lowercased()) {
            k += 1
            name = stem + "-\(k)." + ext
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
    /// Profiles answered on workbook forms that differ from agencies.csv, by agency ID
    /// (`agenciesWithProfiles` writes them into agencies.csv).
    public var profiles: [String: AgencyProfile] = [:]
}

/// An agency's profile as a form answers it (the profile sheet).
public struct AgencyProfile: Sendable, Equatable {
    public var services: [ServiceOffer]
    public var consultations: Int?
    public var strengths: [Need]
    public var needs: [Need]

    /// The profile agencies.csv gives `agency` now (its consultations are of the year before).
    init(_ agency: Agency) {
        (services, consultations, strengths, needs) = (agency.services, nil, agency.strengths, agency.needs)
    }

    init(services: [ServiceOffer], consultations: Int?, strengths: [Need], needs: [Need]) {
        (self.services, self.consultations, self.strengths, self.needs) = (services, consultations, strengths, needs)
    }
}

/// The profile sheet of the workbook form at `path`: nil when it has none (a CSV form, a form of
/// before). `ok` is false after a problem was reported (with the cell) into `diagnostics`.
func readProfile(_ path: String, diagnostics: inout Diagnostics) -> (profile: AgencyProfile?, ok: Bool) {
    guard path.lowercased().hasSuffix(".xlsx"), let book = try? Workbook.read(contentsOf: path),
        let sheet = book.sheets.first(where: { sheet in
            Language.allCases.contains { Text.profileSheet($0) == sheet.name }
        })
    else { return (nil, true) }
    func labelled(_ text: Text, _ label: String) -> Bool { Language.allCases.contains { text($0) == label } }
    var profile = AgencyProfile(services: [], consultations: nil, strengths: [], needs: [])
    var ok = true
    for row in sheet.rows.dropFirst() {
        func value(_ i: Int) -> String { i < row.fields.count ? trimmed(row.fields[i].value) : "" }
        let at = SourceLocation(file: path, line: row.line, column: 2)
        let (label, answer) = (value(0), value(1))
        if let service = Service(cell: label) {
            if answer.isEmpty || yesNo(answer) == false { continue }
            guard yesNo(answer) == true else {
                diagnostics.error(at, .profileAnswer(label, answer))
                ok = false
                continue
            }
            let ages = value(2)
            guard ages.isEmpty || ageRange(nfkc(ages)) != nil else {
                diagnostics.error(
                    SourceLocation(file: path, line: row.line, column: 3), .serviceAges("\(label)(\(ages))"))
                ok = false
                continue
            }
            profile.services.append(ServiceOffer(service, ages: ages.isEmpty ? nil : ageRange(nfkc(ages))))
        } else if labelled(.profileConsultations, label), !answer.isEmpty {
            guard let n = Int(nfkc(answer)), (0...1_000_000).contains(n) else {
                diagnostics.error(at, .profileAnswer(label, answer))
                ok = false
                continue
            }
            profile.consultations = n
        } else if labelled(.profileStrengths, label) {
            profile.strengths = splitList(answer).map(Need.init(cell:))
        } else if labelled(.profileNeeds, label) {
            profile.needs = splitList(answer).map(Need.init(cell:))
        }
    }
    return (profile, ok)
}

/// agencies.csv of `yearFolder` with the profile columns of the agencies in `profiles` replaced
/// (added where the file lacks them, headed in the file's language; a consultation count the form
/// leaves blank is kept), every other cell as it was; written as CSV for Excel. Nil when the agencies are not in agencies.csv (a workbook or
/// Unicode text is not rewritten) or cannot be read.
public func agenciesWithProfiles(_ yearFolder: String, _ profiles: [String: AgencyProfile]) -> Data? {
    let path = (yearFolder as NSString).appendingPathComponent(Schema.agencies.fileName)
    var ignored = Diagnostics()
    guard FileManager.default.fileExists(atPath: path),
        let table = CSVTable.read(path, schema: Schema.agencies, diagnostics: &ignored)
    else { return nil }
    var header = table.header.fields.map(\.value)
    let language: Language =
        header.contains(where: { normalizedKey($0) == normalizedKey(Schema.Agencies.id.ja) }) ? .ja : .en
    typealias C = Schema.Agencies
    let columns = [C.services, C.consultations, C.strengths, C.needs].map { column -> Int in
        if let i = table.positions[column.index] { return i }
        header.append(column.header(language))
        return header.count - 1
    }
    var rows = [header]
    for record in table.records {
        var row = table.fields(record).map(\.value)
        if let id = table.value(record, C.id), let p = profiles[id] {
            while row.count < header.count { row.append("") }
            row[columns[0]] = p.services.map { offer in
                offer.service.label(language) + (offer.ages.map { "(\($0.lowerBound)-\($0.upperBound))" } ?? "")
            }.joined(separator: ";")
            // A count left blank on the form keeps the one agencies.csv has (a planner may have typed it).
            if let n = p.consultations { row[columns[1]] = String(n) }
            row[columns[2]] = p.strengths.map { $0.label(language) }.joined(separator: ";")
            row[columns[3]] = p.needs.map { $0.label(language) }.joined(separator: ";")
        }
        rows.append(row)
    }
    return excelCSV(rows)
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
    _ formPaths: [String], yearFolder: String, fiscalYear: FiscalYear, previous: YearData?,
    language: Language
) -> CollectedForms {
    var loader = YearLoader(folder: yearFolder, fiscalYear: fiscalYear)
    guard loader.loadAgencies() else { return CollectedForms(survey: nil, year: nil, diagnostics: loader.diagnostics) }
    var reports: [SurveyReport] = []
    var diagnostics = Diagnostics()
    var rejected: [String] = []
    var profiles: [String: AgencyProfile] = [:]
    var owners: [String: String] = [:]  // the owner's folded name → its first form
    var blank: [String] = []  // owners of clean forms that name no partner
    var formOwner: [(path: String, owner: String)] = []
    // A form still as `template` wrote it was not sent back (it may sit in the folder the forms
    // were written to): it is not an answer, not even "no partners". Its cells are compared, so a
    // form opened and saved again unchanged, in any format, is recognised too.
    let unfilled = loader.yearData(reports: [], referrals: [])
    var unreturned: [String] = []
    enum Sameness { case blank, prefilled, changed }
    func sameness(_ table: CSVTable, owner: String) -> Sameness {
        guard let a = unfilled.agency(named: owner) else { return .changed }
        let cells = table.records.map { record in
            var values = table.fields(record).map { unneutralised(trimmed($0.value)) }
            while values.last?.isEmpty == true { values.removeLast() }
            return values
        }
        func written(_ answers: [String: SurveyReport], _ language: Language) -> Bool {
            let form = Form(
                reporter: a, agencies: unfilled.agencies, fiscalYear: fiscalYear, answers: answers, language: language)
            let rows = form.rows.dropFirst().map { row in
                var row = row
                while row.last?.isEmpty == true { row.removeLast() }
                return row
            }
            return rows.elementsEqual(cells)
        }
        if Language.allCases.contains(where: { written([:], $0) }) { return .blank }
        let answers = SurveyTemplate.answers(of: unfilled.agencies[a].id, in: previous)
        if !answers.isEmpty && Language.allCases.contains(where: { written(answers, $0) }) { return .prefilled }
        return .changed
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
        // The profile sheet: kept where it says something agencies.csv does not yet.
        let profile = readProfile(path, diagnostics: &formDiagnostics)
        func keepProfile(_ owner: String) {
            guard let p = profile.profile, let a = unfilled.agency(named: owner),
                p != AgencyProfile(unfilled.agencies[a])
            else { return }
            profiles[unfilled.agencies[a].id] = p
        }
        if let owner = table.owner(Schema.Survey.reporter) {
            switch sameness(table, owner: owner) {
            case .blank:
                guard profile.ok else {  // the roster untouched, the profile answered with a problem
                    diagnostics.append(contentsOf: formDiagnostics)
                    rejected.append(path)
                    formOwner.append((path, owner))
                    continue
                }
                unreturned.append(path)
                keepProfile(owner)
                continue
            case .prefilled:
                let agency = unfilled.agencies[unfilled.agency(named: owner)!]
                diagnostics.warning(SourceLocation(file: path, line: 0, column: 0), .prefilledUnchanged(agency))
            case .changed: break
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
            if let owner = table.owner(Schema.Survey.reporter) { keepProfile(owner) }
        }
    }
    diagnostics.append(contentsOf: loader.diagnostics)
    var year = loader.yearData(reports: reports, referrals: [])
    plausibilityWarnings(
        year, previous: previous, yearFile: (yearFolder as NSString).appendingPathComponent("survey.csv"),
        into: &diagnostics)
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
        untouched: unreturned, profiles: profiles)
}

/// The roster form's two columns for the reader's eyes (the reader ignores them), and the
/// workbook's sheets, instructions and cell prompts.
extension Text {
    static let partnerNameColumn = Text(ja: "連携先の機関名", en: "partner_name")
    static let partnerFieldColumn = Text(ja: "連携先の分野", en: "partner_field")
    static let instructionsSheet = Text(ja: "記入方法", en: "How to fill in")
    static let answersSheet = Text(ja: "回答", en: "Answers")
    static let listsSheet = Text(ja: "選択肢", en: "Lists")

    static func yesNo(_ yes: Bool) -> Text { yes ? Text(ja: "○", en: "yes") : Text(ja: "×", en: "no") }
    static let profileSheet = Text(ja: "プロフィール", en: "Profile")
    static let profileColumns = [
        Text(ja: "項目", en: "item"), Text(ja: "回答", en: "answer"),
        Text(ja: "対象年齢 (機関と違うときだけ。例: 15-39、40-)", en: "ages (only where they differ, e.g. 15-39, 40-)"),
    ]
    static let profileConsultations = Text(
        ja: "前年度のひきこもりの相談件数", en: "hikikomori consultations last fiscal year")
    static let profileStrengths = Text(
        ja: "ほかの機関に提供できること (強み。; で区切る)", en: "what you can offer others (strengths; separate with ;)")
    static let profileNeeds = Text(
        ja: "ほかの機関に求める連携 (; で区切る)", en: "what you look for from others (separate with ;)")
    static let profileServicePrompt = Text(
        ja: "行っている支援に ○ を付けてください", en: "mark the services you offer with yes")

    /// The instruction sheet, one paragraph per row.
    static func formInstructions(
        year: FiscalYear, agency: Agency, prefilled: Bool
    ) -> [(text: Text, style: OutputWorkbook.Style)] {
        let sheet = answersSheet
        let kinds = Text(ja: TieKind.list(.ja), en: TieKind.list(.en))
        let frequencies = Text(ja: Frequency.list(.ja), en: Frequency.list(.en))
        var out: [(Text, OutputWorkbook.Style)] = [
            (
                Text(
                    ja: "\(year.label(.ja)) ひきこもり支援の機関連携についての調査 回答様式",
                    en: "Survey of working ties in hikikomori support, \(year.label(.en)): answer form"), .title
            ),
            (
                Text(ja: "回答機関: \(agency.name) (\(agency.id))", en: "Answering agency: \(agency.name) (\(agency.id))"),
                .plain
            ),
            (Text(ja: "", en: ""), .plain),
            (Text(ja: "記入のしかた", en: "How to fill in the form"), .header),
            (
                Text(
                    ja: "1. 「\(sheet(.ja))」シートには、ほかの機関が1行に1機関ずつ並んでいます。一緒に仕事をしている機関の行だけ、"
                        + "黄色の欄に記入してください。",
                    en:
                        "1. The '\(sheet(.en))' sheet lists every other agency, one per row. Fill in the yellow cells only "
                        + "in the rows of the agencies you work with."), .wrapped
            ),
            (
                Text(
                    ja: "2. 連携していない機関の行は、空欄のままにしてください。空欄は「この機関とは連携していない」という意味です。",
                    en: "2. Leave the rows of agencies you do not work with blank: a blank row means "
                        + "\"we do not work with this agency\"."), .wrapped
            ),
            (
                Text(
                    ja: "3. どの機関とも連携していない場合は、どれか1行の「備考」に「連携なし」と書いて返送してください。"
                        + "何も書かずに返送された様式は、未提出と区別できません。",
                    en:
                        "3. If you work with none of them, write \"none\" in the note of any one row and send the form back: "
                        + "a form sent back untouched cannot be told from one not sent back."), .wrapped
            ),
            (
                Text(
                    ja: "4. 機関ID・機関名・分野の列は変えられません。行を足したり消したりしないでください。"
                        + "名簿にない機関と連携しているときは、事務局に知らせてください。",
                    en:
                        "4. The ID, name and field columns cannot be changed; do not add or delete rows. If you work with "
                        + "an agency that is not listed, tell the survey office."), .wrapped
            ),
            (
                Text(
                    ja: "5. 「\(profileSheet(.ja))」シートで、行っている支援 (対象年齢が違えばそれも)、前年度の相談件数、"
                        + "ほかの機関に提供できること、求める連携を確かめ、直してください。",
                    en:
                        "5. On the '\(profileSheet(.en))' sheet, check and correct the services you offer (with their ages "
                        + "where they differ), last year's consultations, what you can offer others and what you look for."
                ),
                .wrapped
            ),
            (
                Text(
                    ja: "6. 個人の名前や相談者のことは書かないでください。保存はこの形式 (.xlsx) のままで結構です。",
                    en:
                        "5. Do not write the names of staff or anything about the people you support. Save the file as it "
                        + "is (.xlsx)."), .wrapped
            ),
        ]
        if prefilled {
            out.append(
                (
                    Text(
                        ja: "7. 前年度の回答が入っています。変わったところを直し、連携がなくなった機関の行は空欄にしてください。"
                            + "変更がなければ、そのまま返送してください。",
                        en:
                            "6. Last year's answers are filled in. Correct what has changed and clear the rows of agencies "
                            + "you no longer work with; if nothing changed, send the form back as it is."), .wrapped
                ))
        }
        out += [
            (Text(ja: "", en: ""), .plain),
            (Text(ja: "各欄の意味", en: "What each column means"), .header),
            (
                Text(
                    ja: "連携内容: どんな連携か。一覧から選びます。複数あるときは「;」で区切って書きます (例: 紹介;同行)。"
                        + "選べる語: \(kinds(.ja))",
                    en: "kinds: what you do together, chosen from the list; for several, separate them with \";\" "
                        + "(e.g. referral;accompanying). Words: \(kinds(.en))"), .wrapped
            ),
            (
                Text(
                    ja: "頻度: どのくらいの頻度でやりとりがあるか。選べる語: \(frequencies(.ja))",
                    en: "frequency: how often you are in touch. Words: \(frequencies(.en))"), .wrapped
            ),
            (
                Text(
                    ja: "顔の見える関係: 0＝知らない、1＝名前と顔を知っている、2＝考え方がわかる、3＝信頼して一緒に仕事ができる",
                    en: "familiarity: 0 not known, 1 know name and face, 2 know how they think, "
                        + "3 work together with trust"), .wrapped
            ),
            (
                Text(
                    ja: "担当者依存: この連携が1人の担当者に頼っていて、その人が異動すると途切れるなら ○、組織として続くなら ×",
                    en: "person_dependent: yes if the tie rests on one staff member and would end if they moved on, "
                        + "no if it would continue"), .wrapped
            ),
            (
                Text(
                    ja: "信頼: 相手の機関をどのくらい信頼しているか。1 (低い) 〜 4 (高い)",
                    en: "trust: how much you trust the agency, 1 (little) to 4 (fully)"), .wrapped
            ),
            (
                Text(
                    ja: "備考: 補足があれば自由に。連携がないことを書くなら「連携なし」",
                    en: "note: anything to add; \"none\" says there is no tie"), .wrapped
            ),
        ]
        return out
    }

    /// Prompts (when the cell is selected) and error texts (when the input is not in the list).
    static let kindsPrompt = (
        Text(
            ja: "一覧から選ぶか、複数なら「;」で区切って入力 (例: 紹介;同行)",
            en: "Choose, or type several separated by ; (referral;accompanying)"),
        Text(ja: "一覧にない語です。複数なら「;」で区切ってください", en: "Not a word of the list; separate several with ;")
    )
    static let listPrompt = (
        Text(ja: "一覧から選んでください", en: "Choose from the list"),
        Text(ja: "一覧の語から選んでください", en: "Please choose one of the words of the list")
    )
    static let familiarityPrompt = (
        Text(
            ja: "0 知らない / 1 名前と顔を知っている / 2 考え方がわかる / 3 信頼して一緒に仕事ができる",
            en: "0 not known / 1 name and face / 2 how they think / 3 work together with trust"),
        Text(ja: "0〜3 の数字を選んでください", en: "Please choose a number from 0 to 3")
    )
    static let personPrompt = (
        Text(ja: "○ 1人の担当者に頼っている / × 組織として続く", en: "yes: rests on one staff member / no: would continue"),
        Text(ja: "○ か × を選んでください", en: "Please choose yes or no")
    )
    static let trustPrompt = (
        Text(ja: "1 (低い) 〜 4 (高い)", en: "1 (little) to 4 (fully)"),
        Text(ja: "1〜4 の数字を選んでください", en: "Please choose a number from 1 to 4")
    )
}

extension Wording {
    static func prefilledUnchanged(_ agency: Agency) -> Wording {
        Wording(
            Text(
                ja: "「\(agency.displayName)」(\(agency.id)) の様式は送ったときのまま (前年度の回答のまま) です。"
                    + "変更なしの回答として読みました",
                en: "the form of \(agency.displayName) (\(agency.id)) is as it was sent (last year's answers "
                    + "unchanged); read as \"no change\""),
            hint: Text(
                ja: "返送されていない様式なら、このフォルダから外してください",
                en: "if the agency did not send it back, move it out of this folder"))
    }

    static func profileAnswer(_ item: String, _ written: String) -> Wording {
        Wording(
            Text(ja: "プロフィールの「\(item)」の「\(written)」は読めません", en: "the profile's '\(item)': '\(written)' cannot be read"),
            hint: Text(
                ja: "支援には ○ を、相談件数には0以上の整数を入れてください",
                en: "mark services with yes (○), and give consultations as a whole number"))
    }

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
