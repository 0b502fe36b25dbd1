import Foundation

/// Reads one fiscal-year folder: `agencies.csv`, `survey.csv` and, when present, `referrals.csv`.
/// Every problem goes into `diagnostics`; reading goes on after an error so that one run shows them all.
struct YearLoader {
    let folder: String
    let fiscalYear: FiscalYear
    var diagnostics = Diagnostics()
    private var index = NameIndex()
    private var agencies: [Agency] = []
    /// Where each reporter → partner pair was first reported, the file numbered by its place in
    /// `surveyFiles`.
    private var reported = PairPlaces()
    private var surveyFiles: [String] = []
    /// Reporters that answered with no partner (a row with the reporter alone).
    private var withoutPartners = Set<Int>()
    /// Unknown agency names met in each file so far.
    private var unknownNames: [String: Int] = [:]
    /// Kinds cells read before, by their bytes: a large survey repeats a few combinations.
    private var knownKinds = ByteTable<TieKinds>()

    init(folder: String, fiscalYear: FiscalYear) {
        self.folder = folder
        self.fiscalYear = fiscalYear
    }

    /// Loads the year. The result is nil when `agencies.csv` cannot be read at all, and for a
    /// year whose survey is still being collected (no survey file yet: a warning, not an error,
    /// so that the other years can be analysed meanwhile).
    mutating func load() -> YearData? {
        guard folderIsReadable() else { return nil }
        // The survey, the largest file, is decoded and parsed on another core while the agencies are
        // read (it does not depend on them); its diagnostics join in the order they always had.
        let survey = found(Schema.survey).first.map { path in
            let group = DispatchGroup()
            let result = Locked<(table: CSVTable?, diagnostics: Diagnostics)>((nil, Diagnostics()))
            DispatchQueue.global().async(group: group) {
                var diagnostics = Diagnostics()
                let table = CSVTable.read(path, schema: Schema.survey, diagnostics: &diagnostics)
                result.withLock { $0 = (table, diagnostics) }
            }
            return (group: group, result: result)
        }
        let agenciesRead = loadAgencies()
        survey?.group.wait()
        guard agenciesRead else { return nil }
        var reports: [SurveyReport] = []
        guard existing(Schema.survey) != nil, let read = survey?.result.withLock({ $0 }) else {
            diagnostics.warning(
                SourceLocation(file: path(Schema.survey.fileName), line: 0, column: 0),
                .collectionInProgress(fiscalYear))
            return nil
        }
        diagnostics.append(contentsOf: read.diagnostics)
        if let table = read.table {
            reports = readSurvey(table, answeredOnly: false)
        }

        var referrals: [Referral] = []
        if let referralPath = existing(Schema.referrals),
            let table = CSVTable.read(referralPath, schema: Schema.referrals, diagnostics: &diagnostics)
        {
            referrals = readReferrals(table)
        }
        var data = yearData(reports: reports, referrals: referrals)
        if let reviewPath = existing(Schema.reviews),
            let table = CSVTable.read(reviewPath, schema: Schema.reviews, diagnostics: &diagnostics)
        {
            data.reviews = readReviews(table)
        }
        return data
    }

    /// The file of `schema` in the folder: `name.csv`, else the workbook `name.xlsx`, else Excel's
    /// 「Unicode テキスト」 `name.txt`; nil when there is none. When there are several, the first
    /// is read and the others are named in a warning.
    private mutating func existing(_ schema: FileSchema) -> String? {
        let found = found(schema)
        if found.count > 1 {
            diagnostics.warning(
                SourceLocation(file: found[1], line: 0, column: 0),
                .otherFileIgnored(read: (found[0] as NSString).lastPathComponent))
        }
        return found.first
    }

    /// The files of `schema` in the folder, in the order `existing` prefers them.
    private func found(_ schema: FileSchema) -> [String] {
        let base = (schema.fileName as NSString).deletingPathExtension
        return ["csv", "xlsx", "txt"].map { path(base + "." + $0) }.filter {
            FileManager.default.fileExists(atPath: $0)
        }
    }

    /// Reads `agencies.csv` (or its workbook); false when it is missing or unreadable.
    mutating func loadAgencies() -> Bool {
        guard let agencyPath = existing(Schema.agencies) else {
            missingFile(Schema.agencies.fileName)
            return false
        }
        guard let table = CSVTable.read(agencyPath, schema: Schema.agencies, diagnostics: &diagnostics) else {
            return false
        }
        readAgencies(table)
        return true
    }

    func yearData(reports: [SurveyReport], referrals: [Referral]) -> YearData {
        var data = YearData(
            fiscalYear: fiscalYear, folder: (folder as NSString).lastPathComponent,
            agencies: agencies, reports: reports, referrals: referrals)
        var reporter = [Bool](repeating: false, count: agencies.count)
        for r in reports { reporter[r.reporter] = true }
        data.answeredWithoutPartners = withoutPartners.filter { !reporter[$0] }.sorted()
        return data
    }

    private func path(_ file: String) -> String { (folder as NSString).appendingPathComponent(file) }

    /// Whether the year's folder can be opened; an error names it when it cannot (rather than
    /// saying that its files are missing).
    private mutating func folderIsReadable() -> Bool {
        guard access(folder, R_OK | X_OK) != 0 else { return true }
        let reason = systemReason(errno)
        diagnostics.error(SourceLocation(file: folder, line: 0, column: 0), .folderUnreadable(fiscalYear, reason))
        return false
    }

    private mutating func missingFile(_ name: String) {
        diagnostics.error(SourceLocation(file: path(name), line: 0, column: 0), .missingFile(name, fiscalYear))
    }

    // MARK: agencies.csv

    /// A row of agencies.csv read on its own (`agencyRow`): its ID (nil when blank), whether it
    /// gave an agency (false when the row has an error, and then the names that point to it), the
    /// cell of its area, and the place of its diagnostics among those of its part of the file.
    private struct AgencyRow: Sendable {
        var id: String?, accepted = false, names: [String] = [], area: SourceLocation?
        var diagnostics = 0..<0
    }

    /// What the agencies' rows give, gathered in file order: the agencies, the rows rejected (each
    /// with the names that point to it), the line of each ID's first row, the cell of each area.
    private struct AgenciesRead: Sendable {
        var parsed: [Agency] = [], rejected: [NameIndex.Entry] = []
        var firstLine: [String: Int] = [:], areaCells: [String: SourceLocation] = [:]
        var diagnostics = Diagnostics()
    }

    /// Reads the agencies: the rows on every core (`agencyRow`, each part with its own
    /// diagnostics), each part then taken in file order, as soon as those before it are, while the
    /// other cores go on (the IDs met twice), then the agencies sorted by ID and their names.
    private mutating func readAgencies(_ table: CSVTable) {
        let base = self
        var read = AgenciesRead()
        read.parsed.reserveCapacity(table.records.count)
        read.firstLine.reserveCapacity(table.records.count)
        read = forEachChunk(table.records.count, into: read) { range in
            var loader = base
            loader.diagnostics = Diagnostics()
            var (rows, agencies, memory) = ([AgencyRow](), [Agency](), AgencyMemory())
            rows.reserveCapacity(range.count)
            agencies.reserveCapacity(range.count)
            table.cells.bytes.withUnsafeBufferPointer { text in
                for r in range {
                    let first = loader.diagnostics.all.count
                    var (row, agency) = loader.agencyRow(table, table.records[r], text, &memory)
                    row.diagnostics = first..<loader.diagnostics.all.count
                    if let agency { agencies.append(agency) }
                    rows.append(row)
                }
            }
            return (start: range.lowerBound, rows: rows, agencies: agencies, diagnostics: loader.diagnostics)
        } merge: { read, part in
            var (accepted, dropped) = (0, Set<Int>())  // the part's agencies so far, those of IDs met before
            for k in part.rows.indices {
                let record = table.records[part.start + k]
                let own = part.diagnostics.all[part.rows[k].diagnostics]
                guard let id = part.rows[k].id else {  // a blank ID: its error alone
                    own.forEach { read.diagnostics.append($0) }
                    continue
                }
                let agency = part.rows[k].accepted ? accepted : nil
                accepted += agency == nil ? 0 : 1
                if let first = read.firstLine[id] {
                    // Not read further (its own diagnostics are left out); its names still point
                    // somewhere known, so answers using them raise no second error.
                    read.diagnostics.error(
                        table.location(record, Schema.Agencies.id), .duplicateID(id, firstLine: first))
                    let names = agency.map { part.agencies[$0].names } ?? part.rows[k].names
                    read.rejected.append(NameIndex.Entry(id: id, names: names, target: .rejected(line: record.line)))
                    if let agency { dropped.insert(agency) }
                    continue
                }
                read.firstLine[id] = record.line
                own.forEach { read.diagnostics.append($0) }
                if agency == nil {
                    read.rejected.append(
                        NameIndex.Entry(id: id, names: part.rows[k].names, target: .rejected(line: record.line)))
                } else if let area = part.rows[k].area {
                    read.areaCells[id] = area
                }
            }
            if dropped.isEmpty {
                read.parsed += part.agencies
            } else {
                read.parsed += part.agencies.indices.filter { !dropped.contains($0) }.map { part.agencies[$0] }
            }
        }
        diagnostics.append(contentsOf: read.diagnostics)
        warnLoneAreas(read.parsed, read.areaCells)
        let rejected = read.rejected
        agencies = read.parsed
        read = AgenciesRead()
        // Sorted by ID: the order found on indices, the agencies moved only when not already in it
        // (a sort of the agencies themselves copies each, and a file is most often in that order).
        let order = agencies.indices.sorted { naturalOrder(agencies[$0].id, agencies[$1].id) }
        if !order.elementsEqual(agencies.indices) { agencies = order.map { agencies[$0] } }
        var entries: [NameIndex.Entry] = []
        entries.reserveCapacity(agencies.count + rejected.count)
        for i in agencies.indices {  // field by field: a copy of each agency would retain its strings
            entries.append(NameIndex.Entry(id: agencies[i].id, names: agencies[i].names, target: .agency(i)))
        }
        entries += rejected
        for clash in index.add(entries) {
            guard clash.entry < agencies.count, case .agency(let other) = clash.other else { continue }
            diagnostics.warning(agencies[clash.entry].location, .sharedName(clash.name, with: agencies[other]))
        }
    }

    /// The words of a part of agencies.csv read before, by their cells' bytes (`text` is the
    /// table's): a large file repeats a few spellings of its fields, sectors and types.
    private struct AgencyMemory {
        var fields = CellValues<Field>(), sectors = CellValues<PublicPrivate>(), types = CellValues<AgencyType>()
    }

    /// `vocabulary`, with the words met before found by their bytes in `memory`.
    private mutating func vocabulary<V: Vocabulary>(
        _ table: CSVTable, _ record: CSVRow, _ column: Column, required isRequired: Bool,
        _ text: UnsafeBufferPointer<UInt8>, _ memory: inout CellValues<V>
    ) -> V? {
        let bytes = table.bytes(text, record, column)
        if !bytes.isEmpty, let known = memory.value(bytes) { return known }
        let word: V? = vocabulary(table, record, column, required: isRequired)
        if let word, !bytes.isEmpty { memory.set(bytes, word) }
        return word
    }

    /// Reads one row of agencies.csv, with a diagnostic for each problem.
    private mutating func agencyRow(
        _ table: CSVTable, _ record: CSVRow, _ text: UnsafeBufferPointer<UInt8>, _ memory: inout AgencyMemory
    ) -> (AgencyRow, Agency?) {
        typealias C = Schema.Agencies
        var row = AgencyRow(id: required(table, record, C.id))
        guard row.id != nil else { return (row, nil) }
        var ok = true
        let name = required(table, record, C.name)
        if name == nil { ok = false }
        let field = vocabulary(table, record, C.field, required: true, text, &memory.fields)
        if field == nil { ok = false }
        let pp = vocabulary(table, record, C.publicPrivate, required: false, text, &memory.sectors)
        let type = vocabulary(table, record, C.type, required: false, text, &memory.types)
        if table.value(record, C.type) != nil && type == nil { ok = false }
        if let type, let field, type.field != field {
            diagnostics.warning(table.location(record, C.type), .typeOfOtherField(type, field))
        }
        let ageMin = integer(table, record, C.ageMin, range: 0...120)
        let ageMax = integer(table, record, C.ageMax, range: 0...120)
        if let lo = ageMin.value, let hi = ageMax.value, lo > hi {
            diagnostics.error(table.location(record, C.ageMax), .ageRangeReversed(min: lo, max: hi))
            ok = false
        }
        if table.value(record, C.publicPrivate) != nil && pp == nil || !ageMin.ok || !ageMax.ok { ok = false }
        let short = table.value(record, C.shortName)
        let aliases = table.value(record, C.aliases).map(splitList) ?? []
        let services = serviceList(table, record, C.services)
        let consultations = integer(table, record, C.consultations, range: 0...1_000_000)
        let role = table.value(record, C.contactRole)
        if let role, looksPersonal(role, fiscalYear: fiscalYear) {
            diagnostics.error(table.location(record, C.contactRole), .contactIsPerson(role))
            ok = false
        }
        guard ok, let services, consultations.ok, let name, let field, let id = row.id else {
            row.names = [name, short].compactMap { $0 } + aliases
            return (row, nil)
        }
        var agency = Agency(
            id: id, name: name, shortName: short, field: field, publicPrivate: pp,
            ageMin: ageMin.value, ageMax: ageMax.value, aliases: aliases, type: type,
            location: SourceLocation(file: table.path, line: record.line, column: 1))
        agency.services = services
        agency.consultations = consultations.value
        agency.strengths = (table.value(record, C.strengths).map(splitList) ?? []).map(Need.init(cell:))
        agency.needs = (table.value(record, C.needs).map(splitList) ?? []).map(Need.init(cell:))
        agency.contactRole = role
        agency.area = table.value(record, C.area)
        if agency.area != nil { row.area = table.location(record, C.area) }
        row.accepted = true
        return (row, agency)
    }

    /// A municipality only one agency names is most often another's misspelling (「東山巿」 for
    /// 「東山市」): a warning with the closest of the others.
    private mutating func warnLoneAreas(_ agencies: [Agency], _ cells: [String: SourceLocation]) {
        var count: [String: Int] = [:]
        for a in agencies { if let area = a.area { count[area, default: 0] += 1 } }
        guard count.count > 1 else { return }
        for a in agencies {
            guard let area = a.area, count[area] == 1 else { continue }
            let written = Array(area)
            let closest = count.keys.filter { $0 != area && count[$0]! > 1 }.map { other in
                (other, editDistance(written, Array(other)))
            }.min { ($0.1, $0.0) < ($1.1, $1.0) }
            guard let (other, distance) = closest, distance <= max(1, written.count / 3) else { continue }
            diagnostics.warning(cells[a.id] ?? a.location, .loneArea(area, other))
        }
    }

    // MARK: survey.csv

    /// Reads survey rows. With `answeredOnly` (filled-in roster forms), rows left blank are skipped,
    /// and so are rows whose only answer is familiarity 0 ("we do not know them") or a note such
    /// as 「連携なし」.
    /// Duplicates are found across every table read by this loader.
    mutating func readSurvey(_ table: CSVTable, answeredOnly: Bool) -> [SurveyReport] {
        // Rows whose cells need no word are read from their bytes on every core (`QuickRow`), in
        // parts; each part is then read in file order as soon as those before it are, while the
        // other cores go on with theirs, on a copy of the loader that then replaces it.
        let index = self.index
        let reading = forEachChunk(
            table.records.count, into: (loader: self, reports: [SurveyReport](), notTies: [Int](), next: 0)
        ) { range in
            guard !answeredOnly else { return [QuickRow?](repeating: nil, count: range.count) }
            var memory = QuickMemory()
            return table.cells.bytes.withUnsafeBufferPointer { text in
                range.map { Self.quickRow(table, text, table.records[$0], index, &memory) }
            }
        } merge: { reading, part in
            if reading.next == 0 {  // on the copy: reserved here, the tables are not copied again
                reading.loader.reported.reserve(table.records.count)
                reading.reports.reserveCapacity(table.records.count)
            }
            for (i, q) in part.enumerated() {
                reading.loader.readSurveyRow(
                    table, table.records[reading.next + i], quick: q, answeredOnly: answeredOnly,
                    into: &reading.reports,
                    notTies: &reading.notTies)
            }
            reading.next += part.count
        }
        self = reading.loader
        if let first = reading.notTies.first {
            diagnostics.warning(SourceLocation(file: table.path, line: first, column: 1), .notTies(reading.notTies))
        }
        return reading.reports
    }

    /// One survey row: as `quick` read it from its bytes, else read through its values.
    private mutating func readSurveyRow(
        _ table: CSVTable, _ record: CSVRow, quick: QuickRow?, answeredOnly: Bool,
        into reports: inout [SurveyReport], notTies: inout [Int]
    ) {
        guard let q = quick else {
            readSurveyRow(table, record, answeredOnly: answeredOnly, into: &reports, notTies: &notTies)
            return
        }
        let (reporter, partner) = (Int(q.reporter), Int(q.partner))
        guard firstReport(reporter, partner, table, record) else { return }
        if !Self.isTie(
            kinds: q.kinds, frequency: q.frequency, familiarity: q.familiarity.map(Int.init), personDependent: q.person,
            trust: q.trust.map(Int.init), note: q.note)
        {
            notTies.append(record.line)
            return
        }
        reports.append(
            SurveyReport(
                reporter: reporter, partner: partner, kinds: q.kinds, frequency: q.frequency,
                familiarity: q.familiarity.map(Int.init), personDependent: q.person, trust: q.trust.map(Int.init),
                note: q.note,
                location: SourceLocation(file: table.path, line: record.line, column: 1)))
    }

    /// One survey row read through its values, with a diagnostic for each problem.
    private mutating func readSurveyRow(
        _ table: CSVTable, _ record: CSVRow, answeredOnly: Bool, into reports: inout [SurveyReport],
        notTies: inout [Int]
    ) {
        typealias C = Schema.Survey
        let (
            reporterColumn, partnerColumn, kindsColumn, frequencyColumn, familiarityColumn, personColumn, trustColumn,
            noteColumn
        ) =
            (C.reporter, C.partner, C.kinds, C.frequency, C.familiarity, C.personDependent, C.trust, C.note)
        // The reporter alone: "we answered, and work with no one" (a form returned blank).
        if table.value(record, partnerColumn) == nil,
            [kindsColumn, frequencyColumn, familiarityColumn, personColumn, trustColumn, noteColumn]
                .allSatisfy({ table.value(record, $0) == nil })
        {
            if let reporter = agency(table, record, reporterColumn) { withoutPartners.insert(reporter) }
            return
        }
        if answeredOnly {
            let answers = [kindsColumn, frequencyColumn, familiarityColumn, personColumn, trustColumn, noteColumn]
                .compactMap { table.value(record, $0) }
            // Familiarity 0 in any writing (「０」, "00") is "we do not know them", not a tie.
            let unknown = table.value(record, familiarityColumn).map { Int(cleanCell($0)) == 0 } == true
            // A note such as 「連携なし」 alone: the form's way to say "no partners at all".
            let noTie = table.value(record, noteColumn).map { Self.noTieNotes.contains(normalizedKey($0)) } == true
            if answers.isEmpty || answers.count == 1 && (unknown || noTie) { return }
        }
        let reporter = agency(table, record, reporterColumn)
        let partner = agency(table, record, partnerColumn)
        let kinds = kindList(table, record, kindsColumn)
        let frequency: Frequency? = vocabulary(table, record, frequencyColumn, required: false)
        let familiarity = integer(table, record, familiarityColumn, range: 0...3)
        let person = boolean(table, record, personColumn)
        let trust = integer(table, record, trustColumn, range: 1...4)
        guard let reporter, let partner else { return }
        if reporter == partner {
            diagnostics.error(table.location(record, partnerColumn), .selfTie(agencies[reporter]))
            return
        }
        guard firstReport(reporter, partner, table, record) else { return }
        guard let kinds, familiarity.ok, trust.ok, person.ok,
            table.value(record, frequencyColumn) == nil || frequency != nil
        else { return }
        let note = table.value(record, noteColumn) ?? ""
        if !Self.isTie(
            kinds: kinds, frequency: frequency, familiarity: familiarity.value, personDependent: person.value,
            trust: trust.value, note: note)
        {
            notTies.append(record.line)
            return
        }
        reports.append(
            SurveyReport(
                reporter: reporter, partner: partner, kinds: kinds, frequency: frequency,
                familiarity: familiarity.value, personDependent: person.value, trust: trust.value,
                note: note, location: SourceLocation(file: table.path, line: record.line, column: 1)))
    }

    /// Notes that `reporter` reported `partner` in the partner cell of `record`; false, after an
    /// error, when it did before.
    private mutating func firstReport(_ reporter: Int, _ partner: Int, _ table: CSVTable, _ record: CSVRow) -> Bool {
        let (line, column) = table.place(record, Schema.Survey.partner)
        if surveyFiles.last != table.path { surveyFiles.append(table.path) }
        let here = PairPlaces.Place(file: UInt32(surveyFiles.count - 1), line: UInt32(line), column: UInt32(column))
        if let first = reported.insert(reporter, partner, at: here) {
            let file = surveyFiles[Int(first.file)]
            diagnostics.error(
                SourceLocation(file: table.path, line: line, column: column),
                .reportedTwice(
                    agencies[reporter], agencies[partner],
                    first: SourceLocation(file: file, line: Int(first.line), column: Int(first.column)),
                    sameFile: file == table.path))
            return false
        }
        return true
    }

    /// A survey row read from its bytes alone, as `readSurveyRow` would read it without a word:
    /// both agencies named as `NameIndex.agency` finds them and different, every answer blank or
    /// a value read without a problem.
    private struct QuickRow: Sendable {
        var reporter: Int32, partner: Int32
        var kinds: TieKinds, frequency: Frequency?
        var familiarity: Int8?, person: Bool?, trust: Int8?
        var note: String
    }

    /// What a part of the survey's rows remembers while they are read from their bytes: the kinds
    /// and frequencies read before, and the last reporter (a survey lists each reporter's rows
    /// together).
    private struct QuickMemory {
        var kinds = CellValues<TieKinds>(), frequencies = CellValues<Frequency>()
        var reporterCell = UnsafeBufferPointer<UInt8>(start: nil, count: 0), reporter: Int?
    }

    private static func quickRow(
        _ table: CSVTable, _ text: UnsafeBufferPointer<UInt8>, _ record: CSVRow, _ index: NameIndex,
        _ memory: inout QuickMemory
    ) -> QuickRow? {
        typealias C = Schema.Survey
        func cell(_ column: Column) -> UnsafeBufferPointer<UInt8> { table.bytes(text, record, column) }
        let partnerCell = cell(C.partner), reporterCell = cell(C.reporter)
        guard !partnerCell.isEmpty else { return nil }
        if !reporterCell.elementsEqual(memory.reporterCell) {
            (memory.reporterCell, memory.reporter) = (reporterCell, index.agency(reporterCell))
        }
        guard let reporter = memory.reporter, let partner = index.agency(partnerCell), reporter != partner
        else { return nil }
        var row = QuickRow(
            reporter: Int32(reporter), partner: Int32(partner), kinds: [], frequency: nil, familiarity: nil,
            person: nil, trust: nil, note: String(decoding: cell(C.note), as: UTF8.self))
        let kinds = cell(C.kinds), frequency = cell(C.frequency)
        if kinds.isEmpty {
        } else if let known = memory.kinds.value(kinds) {
            row.kinds = known
        } else {
            let read = tieKinds(String(decoding: kinds, as: UTF8.self))
            guard read.unknown.isEmpty else { return nil }
            row.kinds = TieKinds(read.kinds)
            memory.kinds.set(kinds, row.kinds)
        }
        if frequency.isEmpty {
        } else if let known = memory.frequencies.value(frequency) {
            row.frequency = known
        } else {
            guard let word = Frequency(cell: String(decoding: frequency, as: UTF8.self)) else { return nil }
            row.frequency = word
            memory.frequencies.set(frequency, word)
        }
        /// A blank cell (nil) or one digit in `range`; false for anything else.
        func digit(_ column: Column, _ range: ClosedRange<Int8>, _ value: inout Int8?) -> Bool {
            let bytes = cell(column)
            if bytes.isEmpty { return true }
            guard bytes.count == 1, range.contains(Int8(truncatingIfNeeded: bytes[0] &- 0x30)) else { return false }
            value = Int8(bytes[0] - 0x30)
            return true
        }
        var person: Int8?
        guard digit(C.familiarity, 0...3, &row.familiarity), digit(C.personDependent, 0...1, &person),
            digit(C.trust, 1...4, &row.trust)
        else { return nil }
        row.person = person.map { $0 == 1 }
        return row
    }

    /// Whether a survey row says that the two agencies work together (docs/FORMATS.md §6): it
    /// names a kind of tie or a frequency, or has a note that is not "no tie", or nothing at all
    /// beyond the two agencies (a plain list of partners), or a familiarity of 2 or 3 (they meet,
    /// they work together). A row with familiarity 0 ("we do not know them") and no kind or
    /// frequency, or holding only a familiarity of 1 ("we know of them"), a person-dependence or
    /// trust, or a note such as 「連携なし」, describes how well one agency knows the other, not a tie.
    static func isTie(
        kinds: TieKinds, frequency: Frequency?, familiarity: Int?, personDependent: Bool?, trust: Int?, note: String
    ) -> Bool {
        if !kinds.isEmpty || frequency != nil { return true }
        if familiarity == 0 { return false }  // "we do not know them", whatever the note says
        let noTieNote = noTieNotes.contains(normalizedKey(note))
        if !note.isEmpty && !noTieNote { return true }
        if let familiarity, familiarity >= 2 { return true }
        return familiarity == nil && personDependent == nil && trust == nil && !noTieNote
    }

    /// Notes that say there is no tie (after `normalizedKey`).
    static let noTieNotes: Set<String> = Set(
        ["連携なし", "連携無し", "なし", "無し", "ない", "特になし", "特に無し", "該当なし", "知らない", "×", "-", "ー", "—", "none", "no"]
            .map(normalizedKey))

    // MARK: referrals.csv

    private mutating func readReferrals(_ table: CSVTable) -> [Referral] {
        typealias C = Schema.Referrals
        let (
            caseColumn, stepColumn, monthColumn, fromColumn, toColumn, actionColumn, outcomeColumn, bandColumn,
            gapColumn
        ) =
            (C.caseID, C.step, C.month, C.from, C.to, C.action, C.outcome, C.ageBand, C.gap)
        guard !holdsPersonalData(table) else { return [] }
        var referrals: [Referral] = []
        var firstLine: [String: Int] = [:]  // "case\tstep" → line

        for record in table.records {
            let caseID = required(table, record, caseColumn)
            let step = integer(table, record, stepColumn, range: 1...999)
            if step.ok && step.value == nil { _ = required(table, record, stepColumn) }
            let month = yearMonth(table, record, monthColumn)
            let from = agency(table, record, fromColumn)
            let to = agency(table, record, toColumn)
            let outcome: Outcome? = vocabulary(table, record, outcomeColumn, required: false)
            let band: AgeBand? = vocabulary(table, record, bandColumn, required: false)
            if let from, from == to {
                diagnostics.error(table.location(record, toColumn), .selfHandOff(agencies[from].id))
                continue
            }
            guard let caseID, let stepNumber = step.value, let from, let to, month.ok else { continue }
            let key = "\(caseID)\t\(stepNumber)"
            if let first = firstLine[key] {
                diagnostics.error(table.location(record, stepColumn), .stepTwice(stepNumber, firstLine: first))
                continue
            }
            firstLine[key] = record.line
            guard table.value(record, outcomeColumn) == nil || outcome != nil,
                table.value(record, bandColumn) == nil || band != nil
            else { continue }
            referrals.append(
                Referral(
                    caseID: caseID, step: stepNumber, month: month.value, from: from, to: to,
                    action: table.value(record, actionColumn) ?? "", outcome: outcome, ageBand: band,
                    gaps: table.value(record, gapColumn).map(splitList) ?? [],
                    location: SourceLocation(file: table.path, line: record.line, column: 1)))
        }
        return referrals.sorted { ($0.caseID, $0.step) < ($1.caseID, $1.step) }
    }

    // MARK: reviews.csv

    /// Reads case reviews: the proposed tie needs both agencies or neither (a review may propose none).
    private mutating func readReviews(_ table: CSVTable) -> [CaseReview] {
        typealias C = Schema.Reviews
        guard !holdsPersonalData(table) else { return [] }
        var reviews: [CaseReview] = []
        for record in table.records {
            let caseID = required(table, record, C.caseID)
            let month = yearMonth(table, record, C.month)
            let from = table.value(record, C.proposedFrom) == nil ? nil : agency(table, record, C.proposedFrom)
            let to = table.value(record, C.proposedTo) == nil ? nil : agency(table, record, C.proposedTo)
            let fromWritten = table.value(record, C.proposedFrom) != nil,
                toWritten = table.value(record, C.proposedTo) != nil
            if fromWritten != toWritten {
                let missing = fromWritten ? C.proposedTo : C.proposedFrom
                diagnostics.error(table.location(record, missing), .proposalHalf(missing))
                continue
            }
            if let from, from == to {
                diagnostics.error(table.location(record, C.proposedTo), .selfHandOff(agencies[from].id))
                continue
            }
            guard let caseID, month.ok, fromWritten == (from != nil), toWritten == (to != nil) else { continue }
            reviews.append(
                CaseReview(
                    caseID: caseID, gaps: table.value(record, C.gap).map(splitList) ?? [], proposedFrom: from,
                    proposedTo: to, action: table.value(record, C.action) ?? "", month: month.value,
                    location: SourceLocation(file: table.path, line: record.line, column: 1)))
        }
        return reviews
    }

    /// Whether a column of the case file holds a cell that looks like personal data (a phone
    /// number, an e-mail address, a date of birth …), under any header; each such column is an
    /// error at its first such cell, and the file is not read. The cell's value is not repeated.
    private mutating func holdsPersonalData(_ table: CSVTable) -> Bool {
        var flagged = Set<Int>()
        for record in table.records {
            for (i, field) in table.fields(record).enumerated() where !flagged.contains(i) && !field.value.isEmpty {
                guard let kind = PersonalDataValue.of(field.value, fiscalYear: fiscalYear.year) else { continue }
                flagged.insert(i)
                let header = i < table.header.fields.count ? table.header.fields[i].value : ""
                diagnostics.error(
                    SourceLocation(file: table.path, line: field.line, column: field.column),
                    .personalValue(header, kind))
            }
        }
        return !flagged.isEmpty
    }

    // MARK: cells

    /// A required cell; reports an error when it is blank.
    private mutating func required(_ table: CSVTable, _ record: CSVRow, _ column: Column) -> String? {
        if let v = table.value(record, column) { return v }
        diagnostics.error(table.location(record, column), .emptyRequired(column))
        return nil
    }

    /// The agency a cell names, by ID or name; reports unknown and ambiguous names.
    private mutating func agency(_ table: CSVTable, _ record: CSVRow, _ column: Column) -> Int? {
        guard let written = required(table, record, column) else { return nil }
        // Suggestions for the unknown names of a file that will be printed (`Console.report`
        // shows the first 100 errors of each file); the rest are counted, not shown.
        let suggest = unknownNames[table.path, default: 0] < 100
        switch index.resolve(written, suggest: suggest) {
        case .found(let i):
            return i
        case .rejected:
            return nil
        case .ambiguous(let candidates):
            diagnostics.error(
                table.location(record, column),
                .ambiguousName(written, describe(candidates)))
        case .unknown(let suggestions):
            unknownNames[table.path, default: 0] += 1
            diagnostics.error(
                table.location(record, column),
                .unknownAgency(
                    column, written,
                    suggestions: suggestions.isEmpty ? nil : describe(suggestions)))
        }
        return nil
    }

    private func describe(_ candidates: [Int]) -> Text {
        .agencyList(candidates.map { (agencies[$0].name, agencies[$0].id) })
    }

    /// A word of a closed list; reports anything else with the accepted words.
    private mutating func vocabulary<V: Vocabulary>(
        _ table: CSVTable, _ record: CSVRow, _ column: Column, required isRequired: Bool
    ) -> V? {
        guard let written = isRequired ? required(table, record, column) : table.value(record, column) else {
            return nil
        }
        if let word = V(cell: written) { return word }
        let wording: Wording =
            V.self == Frequency.self && Self.asNeeded.contains(normalizedKey(written))
            ? .frequencyAsNeeded(column, written) : .notAccepted(column, written, ja: V.list(.ja), en: V.list(.en))
        diagnostics.error(table.location(record, column), wording)
        return nil
    }

    /// Frequencies that give no count (after `normalizedKey`).
    static let asNeeded: Set<String> = Set(["随時", "適宜", "必要時", "必要に応じて", "不定期", "as needed"].map(normalizedKey))

    /// The services of a `;`-separated cell, each with its own ages where written in brackets
    /// (`居場所(15-39)`, `相談（40〜）`); nil (after reporting) when one is not read.
    private mutating func serviceList(_ table: CSVTable, _ record: CSVRow, _ column: Column) -> [ServiceOffer]? {
        guard let cell = table.value(record, column) else { return [] }
        var offers: [ServiceOffer] = []
        var ok = true
        for part in splitList(cell) {
            let folded = nfkc(part)
            let open = folded.firstIndex(of: "(")
            let word = trimmed(String(folded[..<(open ?? folded.endIndex)]))
            guard let service = Service(cell: word) else {
                diagnostics.error(table.location(record, column), .unknownService(part))
                ok = false
                continue
            }
            var ages: ClosedRange<Int>?
            if let open {
                guard folded.hasSuffix(")"),
                    let range = ageRange(String(folded[folded.index(after: open)...].dropLast()))
                else {
                    diagnostics.error(table.location(record, column), .serviceAges(part))
                    ok = false
                    continue
                }
                ages = range
            }
            if !offers.contains(where: { $0.service == service }) { offers.append(ServiceOffer(service, ages: ages)) }
        }
        return ok ? offers.sorted { $0.service < $1.service } : nil
    }

    /// The tie kinds of a `;`-separated cell; nil (after reporting) when one is unknown.
    private mutating func kindList(_ table: CSVTable, _ record: CSVRow, _ column: Column) -> TieKinds? {
        let written = table.value(record, column) ?? ""
        if let known = knownKinds[written] { return known }
        let read = tieKinds(written)
        for part in read.unknown { diagnostics.error(table.location(record, column), .unknownKind(part)) }
        guard read.unknown.isEmpty else { return nil }  // not remembered: every row with the error is reported
        knownKinds.set(written, TieKinds(read.kinds))
        return TieKinds(read.kinds)
    }

    /// An integer in `range` or a blank cell; `ok` is false after an error was reported.
    private mutating func integer(
        _ table: CSVTable, _ record: CSVRow, _ column: Column, range: ClosedRange<Int>
    ) -> (value: Int?, ok: Bool) {
        if let n = table.digits(record, column), range.contains(n) { return (n, true) }
        guard let written = table.value(record, column) else { return (nil, true) }
        if let n = Int(written) ?? Int(cleanCell(written)), range.contains(n) { return (n, true) }
        let isNumber = Int(cleanCell(written)) != nil
        diagnostics.error(
            table.location(record, column),
            isNumber ? .outOfRange(column, written, range) : .notWholeNumber(column, written, range))
        return (nil, false)
    }

    /// Yes/no: 1/0, はい/いいえ, yes/no, true/false, ○/×, or blank.
    private mutating func boolean(_ table: CSVTable, _ record: CSVRow, _ column: Column) -> (value: Bool?, ok: Bool) {
        guard let written = table.value(record, column) else { return (nil, true) }
        if let value = yesNo(written) { return (value, true) }
        // 「△」: neither yes nor no, which the column cannot say.
        let wording: Wording =
            ["△", "▲", "?", "？"].contains(written) ? .yesNoUnsure(column, written) : .notYesNo(column, written)
        diagnostics.error(table.location(record, column), wording)
        return (nil, false)
    }

    /// A month: `2025-04`, `2025/4`, `2025/4/1` (Excel's date form) or `2025年4月`. Warns when it
    /// lies outside the fiscal year.
    private mutating func yearMonth(
        _ table: CSVTable, _ record: CSVRow, _ column: Column
    ) -> (value: YearMonth?, ok: Bool) {
        guard let written = table.value(record, column) else { return (nil, true) }
        guard let (y, m) = parseMonth(cleanCell(written)) else {
            diagnostics.error(table.location(record, column), .notMonth(column, written))
            return (nil, false)
        }
        if !fiscalYear.contains(year: y, month: m) {
            // The month of one hand-off is a detail of a case: the message does not repeat it.
            diagnostics.warning(table.location(record, column), .monthOutsideYear(column, fiscalYear))
        }
        return (YearMonth(year: y, month: m), true)
    }
}

/// The tie kinds of a `;`-separated cell, and the parts that are not one (in the cell's order).
func tieKinds(_ written: String) -> (kinds: [TieKind], unknown: [String]) {
    var kinds: [TieKind] = [], unknown: [String] = []
    for part in splitList(written) {
        // 「紹介・同行」: two words of the list joined by a middle dot or a slash (「研修・交流」,
        // itself a word, is matched whole first).
        let joined = part.split(whereSeparator: { "・/／".contains($0) }).map { TieKind(cell: trimmed(String($0))) }
        if let kind = TieKind(cell: part) {
            kinds.append(kind)
        } else if joined.count > 1, joined.allSatisfy({ $0 != nil }) {
            kinds += joined.compactMap { $0 }
        } else {
            unknown.append(part)
        }
    }
    return (kinds, unknown)
}

/// `15-39`, `15〜39`, `40-` or `40~` (no upper limit), `-14` (no lower limit), `15-39歳`, after NFKC;
/// nil when it is not a range of ages from 0 to 120 in order.
func ageRange(_ text: String) -> ClosedRange<Int>? {
    var s = trimmed(text)
    if s.hasSuffix("歳") { s.removeLast() }
    let parts = s.split(omittingEmptySubsequences: false) { "-~〜－ー".contains($0) }
    guard parts.count == 2 else { return nil }
    let lo = parts[0].isEmpty ? 0 : Int(trimmed(String(parts[0])))
    let hi = parts[1].isEmpty ? 120 : Int(trimmed(String(parts[1])))
    guard let lo, let hi, 0 <= lo, lo <= hi, hi <= 120 else { return nil }
    return lo...hi
}

/// A yes or a no as forms write it (1/0, はい/いいえ, ○/×, あり/なし …); nil for anything else.
func yesNo(_ written: String) -> Bool? {
    if written.utf8.count == 1, let digit = written.utf8.first, digit == 0x30 || digit == 0x31 { return digit == 0x31 }
    switch normalizedKey(written) {
    case "1", "はい", "yes", "y", "true", "○", "◯", "〇", "有", "有り", "あり": return true
    case "0", "いいえ", "no", "n", "false", "×", "無", "無し", "なし": return false
    default: return nil
    }
}

/// Whether a contact written in agencies.csv of fiscal year `year` looks like a person rather
/// than a role: an honorific (様, さん, 氏, 先生), or personal data such as a phone number or an
/// e-mail address.
func looksPersonal(_ text: String, fiscalYear year: FiscalYear) -> Bool {
    let s = nfkc(text)
    return ["様", "さん", "氏", "先生", "殿"].contains { s.hasSuffix($0) || s.contains($0 + " ") }
        || PersonalDataValue.of(s, fiscalYear: year.year) != nil
}

/// A month as people write it: `2025-04`, `2025/4`, `2025年4月`, a full date (`2025/4/1`, what
/// Excel makes of `2025-04`), the Japanese era (`令和7年4月`, `R7.4`, `令和元年5月`, `H31/4`), or
/// an Excel date serial (days since 1899-12-30, what a workbook's date cell holds).
func parseMonth(_ text: String) -> (year: Int, month: Int)? {
    if let serial = Int(text), (20_000...80_000).contains(serial) {
        let date = Date(timeIntervalSince1970: Double(serial - 25_569) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month], from: date)
        return (parts.year!, parts.month!)
    }
    var text = Substring(text), base = 0
    for (prefix, offset) in [("令和", 2018), ("R", 2018), ("r", 2018), ("平成", 1988), ("H", 1988), ("h", 1988)]
    where text.hasPrefix(prefix) {
        text = text.dropFirst(prefix.count)
        if text.hasPrefix("元") { text = "1" + text.dropFirst() }
        base = offset
        break
    }
    let parts = text.split(whereSeparator: { "-/.年月日".contains($0) }).map { Int($0) }
    guard (2...3).contains(parts.count), let n = parts[0], let m = parts[1], (1...12).contains(m),
        parts.count == 2 || parts[2].map({ (1...31).contains($0) }) == true
    else { return nil }
    let y = base + n
    guard base > 0 ? (1...99).contains(n) : (1900...2200).contains(y) else { return nil }
    return (y, m)
}

// MARK: - Wording

extension Text {
    /// Agencies by name and ID: 「みどり市ひきこもり相談窓口」(A01)、… / 'Midori desk' (A01) or ….
    static func agencyList(_ agencies: [(name: String, id: String)]) -> Text {
        Text(
            ja: agencies.map { "「\($0.name)」(\($0.id))" }.joined(separator: "、"),
            en: agencies.map { "'\($0.name)' (\($0.id))" }.joined(separator: " or "))
    }
}

extension Wording {
    static func loneArea(_ area: String, _ other: String) -> Wording {
        Wording(
            Text(
                ja: "「市区町村」(area) の「\(area)」はこの機関だけです",
                en: "no other agency is in the area '\(area)'"),
            hint: Text(
                ja: "もしかして「\(other)」ですか。ほかの機関と同じ書き方にしてください",
                en: "did you mean '\(other)'? write it as the other agencies do"))
    }
    /// A year's folder, or (`year` nil) the network folder, that cannot be opened.
    static func folderUnreadable(_ year: FiscalYear?, _ reason: Text) -> Wording {
        Wording(
            year.map {
                Text(
                    ja: "\($0.japanese)のフォルダを開けません (\(reason.ja))",
                    en: "cannot open the folder of \($0) (\(reason.en))")
            }
                ?? Text(ja: "フォルダを開けません (\(reason.ja))", en: "cannot open the folder (\(reason.en))"),
            hint: Text(ja: "フォルダの読み取り権限を確かめてください", en: "check the folder's read permission"))
    }

    /// `lines`: the rows not counted, the first shown in the location.
    static func notTies(_ lines: [Int]) -> Wording {
        let shown = lines.prefix(10).map(String.init)
        let more = lines.count > 10 ? "…" : ""
        return Wording(
            Text(
                ja: "\(lines.count)行は連携として数えませんでした。連携内容も頻度もなく、顔の見える関係が0か1、担当者依存・信頼、"
                    + "または「連携なし」だけが書かれた行です (\(shown.joined(separator: "、"))\(more)行目)",
                en:
                    "\(lines.count) row(s) were not counted as ties: they give no kind or frequency, only a familiarity of "
                    + "0 or 1, a person-dependence or trust, or a note like 'no tie' (lines \(shown.joined(separator: ", "))\(more))"
            ),
            hint: Text(
                ja: "一緒に仕事をしている相手なら、連携内容か頻度を書いてください",
                en: "for partners the agency works with, fill in the kind of tie or how often"))
    }

    static func collectionInProgress(_ year: FiscalYear) -> Wording {
        Wording(
            Text(
                ja: "\(year.japanese)は回答を集めている途中です (survey.csv がまだありません)。この年度は分析に入れず、ほかの年度を分析します",
                en:
                    "\(year) is still being collected (no survey.csv yet); it is left out and the other years are analysed"
            ),
            hint: Text(
                ja: "回答が集まったら tsunagari collect で survey.csv を作ってください",
                en: "when the forms are back, make survey.csv with tsunagari collect"))
    }

    static func otherFileIgnored(read: String) -> Wording {
        Wording(
            Text(
                ja: "同じ表のファイルが2つあります。\(read) を読み、このファイルは読みません",
                en: "two files for one table: \(read) is read, not this one"),
            hint: Text(ja: "使わないほうを別の場所に移してください", en: "move the one not in use elsewhere"))
    }

    static func missingFile(_ name: String, _ year: FiscalYear) -> Wording {
        Wording(
            Text(ja: "\(year.japanese)のフォルダに \(name) がありません", en: "\(year) has no \(name)"),
            hint: Text(
                ja: "ファイル名を \(name) にしてこのフォルダに置いてください",
                en: "put the file in this folder under the name \(name)"))
    }

    static func duplicateID(_ id: String, firstLine: Int) -> Wording {
        Wording(
            Text(
                ja: "機関ID「\(id)」が重複しています (最初は\(firstLine)行目)",
                en: "duplicate agency ID '\(id)' (first on line \(firstLine))"),
            hint: Text(
                ja: "機関ごとに別のIDを付けてください。IDは年度をまたいで同じ機関を指します",
                en: "give each agency its own ID; an ID names the same agency in every year"))
    }

    static func ageRangeReversed(min: Int, max: Int) -> Wording {
        Wording(
            Text(ja: "対象年齢の上限 \(max) が下限 \(min) より小さくなっています", en: "age_max \(max) is below age_min \(min)"),
            hint: Text(ja: "上限と下限を入れ替えてください", en: "swap the two values"))
    }

    static func sharedName(_ name: String, with other: Agency) -> Wording {
        Wording(
            Text(
                ja: "名前「\(name)」は \(other.id)「\(other.name)」と同じです。この名前で書かれた連携先は特定できません",
                en: "the name '\(name)' is also used by \(other.id) '\(other.name)'; partners written this way "
                    + "cannot be matched"),
            hint: Text(
                ja: "略称・別名を区別するか、回答では機関IDを使ってください",
                en: "make the short names or aliases distinct, or use the agency ID in answers"))
    }

    static func selfTie(_ agency: Agency) -> Wording {
        Wording(
            Text(
                ja: "回答機関と連携先が同じ機関 (\(agency.id) \(agency.displayName)) です",
                en: "the reporter and the partner are the same agency (\(agency.id) \(agency.displayName))"),
            hint: Text(
                ja: "機関内の連携は記入しないでください。連携先の名前かIDを確かめてください",
                en: "leave out work inside one agency; check the partner's name or ID"))
    }

    /// Agencies by ID and name: 「A31 サポステ」.
    static func reportedTwice(_ reporter: Agency, _ partner: Agency, first: SourceLocation, sameFile: Bool) -> Wording {
        let (r, p) = ("\(reporter.id) \(reporter.displayName)", "\(partner.id) \(partner.displayName)")
        return Wording(
            Text(
                ja: "\(r) から \(p) への回答が2回あります (最初は\(sameFile ? "" : " \(first.file) の")\(first.line)行目)",
                en: "\(r) reports \(p) twice (first on "
                    + "line \(first.line)\(sameFile ? "" : " of \(first.file)"))"),
            hint: Text(
                ja: "2つの行を1行にまとめてください (連携内容は ; で区切って並べられます)",
                en: "merge the two rows into one (list several kinds separated by ;)"))
    }

    static func selfHandOff(_ id: String) -> Wording {
        Wording(
            Text(ja: "紹介元と紹介先が同じ機関 (\(id)) です", en: "the hand-off goes from \(id) to itself"),
            hint: Text(ja: "紹介先の名前かIDを確かめてください", en: "check the name or ID in 'to'"))
    }

    /// The line finds the row; a message never names a case (README, privacy).
    static func stepTwice(_ step: Int, firstLine: Int) -> Wording {
        Wording(
            Text(
                ja: "同じ事例の順番 \(step) が2回あります (最初は\(firstLine)行目)",
                en: "the same case has step \(step) twice (first on line \(firstLine))"),
            hint: Text(ja: "順番を付け直してください", en: "renumber the steps of this case"))
    }

    static func personalValue(_ header: String, _ kind: PersonalDataValue) -> Wording {
        Wording(
            Text(
                ja: "列「\(header)」のセルが\(kind.text.ja)のようです。事例の記録に個人情報は入れられないため、このファイルは読み込みません",
                en: "a cell in the column '\(header)' looks like \(kind.text.en); case records must not hold "
                    + "personal data, so the file is not read"),
            hint: Text(
                ja: "この列の内容を削除するか、仮名の事例ID・年齢帯・タグだけにしてから読み込んでください",
                en: "delete what this column holds, or keep only pseudonymous case IDs, age bands and "
                    + "tags, and try again"))
    }

    static func emptyRequired(_ column: Column) -> Wording {
        Wording(
            Text(ja: "\(column.quoted.ja) が空です", en: "\(column.quoted.en) is empty"),
            hint: Text(ja: "この列は必ず記入してください", en: "this column must be filled in"))
    }

    static func typeOfOtherField(_ type: AgencyType, _ field: Field) -> Wording {
        Wording(
            Text(
                ja: "種別「\(type.ja)」は分野「\(type.field.ja)」の種別ですが、この機関の分野は「\(field.ja)」です",
                en:
                    "the type '\(type.en)' belongs to the field \(type.field.en), but this agency's field is \(field.en)"
            ),
            hint: Text(
                ja: "分野か種別のどちらかを直してください (このままでも読み込みます)",
                en: "correct the field or the type (the row is read as it is)"))
    }

    static func ambiguousName(_ written: String, _ candidates: Text) -> Wording {
        Wording(
            Text(
                ja: "「\(written)」に当てはまる機関が複数あります: \(candidates.ja)",
                en: "'\(written)' matches several agencies: \(candidates.en)"),
            hint: Text(ja: "機関IDで書いてください", en: "write the agency ID instead"))
    }

    /// `suggestions`: the closest agencies, described in each language, if any.
    static func unknownAgency(_ column: Column, _ written: String, suggestions: Text?) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は agencies.csv にありません",
                en: "\(column.quoted.en) '\(written)' is not in agencies.csv"),
            hint: suggestions.map { Text(ja: "もしかして: \($0.ja)", en: "did you mean \($0.en)?") }
                ?? Text(
                    ja: "機関IDか agencies.csv の機関名・略称・別名で書いてください。新しい機関なら agencies.csv に加えてください",
                    en: "use an ID, name, short name or alias from agencies.csv, or add the agency there"))
    }

    static func notAccepted(_ column: Column, _ written: String, ja: String, en: String) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は使えません",
                en: "\(column.quoted.en) '\(written)' is not one of the accepted values"),
            hint: Text(ja: "次のどれかにしてください: \(ja)", en: "use one of: \(en)"))
    }

    static func unknownKind(_ part: String) -> Wording {
        Wording(
            Text(ja: "連携内容の「\(part)」は使えません", en: "unknown kind of tie '\(part)'"),
            hint: Text(
                ja: "次から選び ; で区切ってください: \(TieKind.list(.ja))",
                en: "choose from the following, separated by ;: \(TieKind.list(.en))"))
    }

    static func outOfRange(_ column: Column, _ written: String, _ range: ClosedRange<Int>) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の \(written) は範囲外です (\(range.lowerBound)〜\(range.upperBound))",
                en: "\(column.quoted.en) \(written) is out of range (\(range.lowerBound)–\(range.upperBound))"),
            hint: wholeNumberHint(range))
    }

    static func notWholeNumber(_ column: Column, _ written: String, _ range: ClosedRange<Int>) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は整数ではありません",
                en: "\(column.quoted.en) '\(written)' is not a whole number"),
            hint: wholeNumberHint(range))
    }

    private static func wholeNumberHint(_ range: ClosedRange<Int>) -> Text {
        Text(
            ja: "\(range.lowerBound)から\(range.upperBound)までの整数を入れるか、空欄にしてください",
            en: "enter a whole number from \(range.lowerBound) to \(range.upperBound), or leave it blank")
    }

    static func yesNoUnsure(_ column: Column, _ written: String) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は はい/いいえ として読めません",
                en: "\(column.quoted.en) '\(written)' is not a yes/no value"),
            hint: Text(
                ja: "どちらとも言えないときは空欄にしてください (○ か × のどちらかなら、それを)",
                en: "leave it blank when it is neither; otherwise enter yes or no"))
    }

    static func frequencyAsNeeded(_ column: Column, _ written: String) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は回数の目安になりません",
                en: "\(column.quoted.en) '\(written)' gives no count"),
            hint: Text(
                ja: "この1年のおおよその回数で選んでください: \(Frequency.list(.ja))",
                en: "choose the rough count over the last year: \(Frequency.list(.en))"))
    }

    static func proposalHalf(_ missing: Column) -> Wording {
        Wording(
            Text(
                ja: "提案されたつながりの片方しかありません。\(missing.quoted.ja) が空欄です",
                en: "the proposed tie names one agency only: \(missing.quoted.en) is empty"),
            hint: Text(
                ja: "つながるとよい機関とつなぎ先の両方を書くか、両方とも空欄にしてください",
                en: "name both agencies of the proposed tie, or neither"))
    }

    static func unknownService(_ part: String) -> Wording {
        Wording(
            Text(ja: "支援内容の「\(part)」は使えません", en: "unknown service '\(part)'"),
            hint: Text(
                ja: "次から選び ; で区切ってください (対象年齢が違うときは 居場所(15-39) のように): \(Service.list(.ja))",
                en: "choose from the following, separated by ; (with their own ages as 居場所(15-39)): "
                    + Service.list(.en)))
    }

    static func serviceAges(_ part: String) -> Wording {
        Wording(
            Text(ja: "支援内容「\(part)」の対象年齢が読めません", en: "the ages of the service '\(part)' cannot be read"),
            hint: Text(
                ja: "括弧の中は 15-39 や 40- のように書いてください", en: "write the ages in brackets as 15-39 or 40-"))
    }

    static func contactIsPerson(_ written: String) -> Wording {
        Wording(
            Text(
                ja: "窓口の「\(written)」は個人のようです。個人の名前や連絡先は書けません",
                en: "the contact '\(written)' looks like a person; names and contact details of people are not allowed"),
            hint: Text(
                ja: "「ひきこもり支援担当」「相談係」のように役割を書いてください",
                en: "write a role, such as 「ひきこもり支援担当」 or 「相談係」"))
    }

    static func notYesNo(_ column: Column, _ written: String) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は はい/いいえ として読めません",
                en: "\(column.quoted.en) '\(written)' is not a yes/no value"),
            hint: Text(ja: "1 (はい) か 0 (いいえ) を入れるか、空欄にしてください", en: "enter 1 (yes) or 0 (no), or leave it blank"))
    }

    static func notMonth(_ column: Column, _ written: String) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) の「\(written)」は年月として読めません",
                en: "\(column.quoted.en) '\(written)' is not a month"),
            hint: Text(
                ja: "2025-04、2025年4月、令和7年4月、R7.4 のように書いてください",
                en: "write year and month, e.g. 2025-04, 2025年4月, 令和7年4月 or R7.4"))
    }

    static func monthOutsideYear(_ column: Column, _ year: FiscalYear) -> Wording {
        Wording(
            Text(
                ja: "\(column.quoted.ja) が\(year.japanese) (\(year.year)年4月〜\(year.year + 1)年3月) の外です",
                en: "\(column.quoted.en) lies outside \(year) (April \(year.year) – March \(year.year + 1))"),
            hint: Text(
                ja: "年月か、ファイルを置いた年度のフォルダを確かめてください",
                en: "check the month, or the fiscal-year folder the file is in"))
    }
}
