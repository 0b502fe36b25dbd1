import Foundation

/// The language of messages, reports and forms.
///
/// Japanese first: a Japanese locale selects Japanese, anything else English, and the `--lang`
/// option overrides both.
public enum Language: String, Sendable, CaseIterable {
    case ja, en

    /// The language chosen by the locale variables, in POSIX priority order
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`).
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty {
                return value.lowercased().hasPrefix("ja") ? .ja : .en
            }
        }
        return .en
    }
}

/// A piece of text in both languages, chosen at the moment it is printed.
public struct Text: Sendable, Hashable, Encodable {
    public var ja: String
    public var en: String

    public init(ja: String, en: String) {
        self.ja = ja
        self.en = en
    }

    public func callAsFunction(_ language: Language) -> String {
        switch language {
        case .ja: ja
        case .en: en
        }
    }
}

/// An error of the library in both languages, with what to do about it. The command line prints
/// it in the language chosen (`--lang`); as a `LocalizedError` it reads in the locale's language.
public protocol BilingualError: LocalizedError, Sendable {
    var message: Text { get }
    var hint: Text? { get }
}

extension BilingualError {
    public var errorDescription: String? { message(.fromEnvironment(ProcessInfo.processInfo.environment)) }
    public var recoverySuggestion: String? { hint?(.fromEnvironment(ProcessInfo.processInfo.environment)) }
}

/// An English count with its noun: "1 agency", "5 agencies".
public func englishCount(_ n: Int, _ singular: String, _ plural: String) -> String {
    "\(n) \(n == 1 ? singular : plural)"
}
