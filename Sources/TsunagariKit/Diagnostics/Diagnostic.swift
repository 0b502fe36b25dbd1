/// A place in an input file: 1-based line and column (the column counts Unicode scalars
/// from the start of the line, as editors do).
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// What a diagnostic says: the problem and, when there is one, what to do about it. Each file that
/// reports problems keeps the wordings of its diagnostics together at its foot, in an
/// `extension Wording` of typed factories, so that all the wording of a feature reads in one place
/// and logic never builds sentences.
public struct Wording: Sendable, Hashable {
    public var message: Text
    public var hint: Text?

    public init(_ message: Text, hint: Text? = nil) {
        (self.message, self.hint) = (message, hint)
    }
}

/// One problem found in the input, with what to do about it.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable {
        case error, warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: Text
    /// What the user can do about it; printed on the line below the message.
    public var hint: Text?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: Text, hint: Text? = nil) {
        self.location = location
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message`, the form compilers use and editors understand (in a
    /// workbook, the message starts with the cell's reference, `C14: `); what
    /// came from the input is shown `visible` (control characters as `\u{1B}`, at most 1,000
    /// characters).
    public func line(_ language: Language) -> String {
        let loc =
            location.line > 0
            ? "\(location.file):\(location.line):\(location.column)"
            : location.file
        // In a workbook the cell is also named as Excel names it: 「C14: …」.
        let cell =
            location.line > 0 && location.column > 0 && location.file.lowercased().hasSuffix(".xlsx")
            ? cellReference(column: location.column, row: location.line) + ": " : ""
        return "\(visible(loc)): \(severity.rawValue): \(cell)\(visible(message(language)))"
    }

    /// The message line followed, when there is one, by the hint indented on the next line.
    public func formatted(_ language: Language) -> String {
        guard let hint else { return line(language) }
        return line(language) + "\n    " + visible(hint(language))
    }
}

/// The diagnostics of one run, kept in the order of the files read and sorted within a file.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func error(_ location: SourceLocation, _ wording: Wording) {
        all.append(Diagnostic(.error, location, wording.message, hint: wording.hint))
    }

    public mutating func warning(_ location: SourceLocation, _ wording: Wording) {
        all.append(Diagnostic(.warning, location, wording.message, hint: wording.hint))
    }

    public mutating func append(contentsOf other: Diagnostics) {
        all.append(contentsOf: other.all)
    }

    public var errorCount: Int { all.count { $0.severity == .error } }
    public var warningCount: Int { all.count { $0.severity == .warning } }
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Diagnostics grouped by file in the order files were first mentioned, then by line and column.
    public var sorted: [Diagnostic] {
        var fileOrder: [String: Int] = [:]
        for d in all where fileOrder[d.location.file] == nil {
            fileOrder[d.location.file] = fileOrder.count
        }
        return all.enumerated().sorted { a, b in
            let (fa, fb) = (fileOrder[a.element.location.file]!, fileOrder[b.element.location.file]!)
            if fa != fb { return fa < fb }
            if a.element.location.line != b.element.location.line {
                return a.element.location.line < b.element.location.line
            }
            if a.element.location.column != b.element.location.column {
                return a.element.location.column < b.element.location.column
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
