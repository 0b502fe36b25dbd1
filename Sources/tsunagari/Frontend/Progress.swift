import ArgumentParser
import Dispatch
import Foundation
import TsunagariKit

/// `--quiet`, `--threads`: how a long run behaves (never what it computes).
struct RunOptions: ParsableArguments {
    @Flag(help: "No progress bar on standard error.")
    var quiet = false

    @Option(
        help:
            "Threads for the shortest-path measures (default: one per core). The results are the same with any number.")
    var threads: Int?

    /// Checks the options and returns the progress line for this run. `--threads` is applied by
    /// `Tsunagari.main` around the whole command (`Parallelism.$requested`).
    func start(_ language: Language) throws -> ProgressLine {
        if let threads, threads < 1 { throw usageError(.threadsAtLeastOne, language) }
        return ProgressLine(enabled: !quiet && isatty(STDERR_FILENO) == 1, language: language)
    }
}

/// A progress line on standard error for steps that run longer than about a second: what is being
/// done, a bar with the percentage and the time left, or the time so far when the amount of work
/// is not known. Redrawn five times a second; nothing at all when disabled (standard error is not
/// a terminal, or `--quiet`).
final class ProgressLine: Sendable {
    /// What is shown: the step, how far it is, when it started, whether a line is on screen.
    private struct State {
        var step: ProgressStep?
        var done = 0, total = 0
        var started = DispatchTime.now()
        var shown = false
    }
    private let state = Locked(State())
    private let language: Language
    private let enabled: Bool
    /// Redraws the line; a Dispatch source is not `Sendable`, so it too is kept under a lock.
    private let timer = Locked<DispatchSourceTimer?>(nil)

    init(enabled: Bool, language: Language) {
        (self.language, self.enabled) = (language, enabled)
        guard enabled else { return }
        let source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(deadline: .now() + 0.2, repeating: 0.2)
        source.setEventHandler { [weak self] in self?.draw() }
        source.resume()
        timer.withLock { $0 = source }
    }

    /// For the library's long computations; nil when disabled, so they do not count at all.
    var handler: ProgressHandler? {
        enabled ? { @Sendable [self] step, done, total in update(step, done, total) } : nil
    }

    /// Runs one step of unknown length under its label.
    func run<T>(_ step: ProgressStep, _ body: () throws -> T) rethrows -> T {
        update(step, 0, 0)
        defer { update(step, 1, 1) }
        return try body()
    }

    /// Removes the line; call before printing results.
    func finish() {
        timer.withLock { $0?.cancel() }
        state.withLock { Self.clear(&$0) }
    }

    private func update(_ step: ProgressStep, _ done: Int, _ total: Int) {
        guard enabled else { return }
        state.withLock { s in
            if step != s.step {
                Self.clear(&s)
                (s.step, s.started) = (step, .now())
            }
            (s.done, s.total) = (done, total)
            if total > 0 && done >= total {
                Self.clear(&s)
                s.step = nil
            }
        }
    }

    private func draw() {
        state.withLock { s in
            guard let step = s.step else { return }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - s.started.uptimeNanoseconds) / 1e9
            guard let line = Self.line(step, done: s.done, total: s.total, elapsed: elapsed, language) else { return }
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line).utf8))
            s.shown = true
        }
    }

    /// The text of the line, or nil while the step is younger than a second: the label, then a
    /// bar, the percentage and the time left when the amount of work is known (`total` > 1), else
    /// the time so far.
    static func line(_ step: ProgressStep, done: Int, total: Int, elapsed: Double, _ language: Language) -> String? {
        guard elapsed >= 1 else { return nil }
        var line = step.label(language)
        if total > 1 {
            let fraction = Double(done) / Double(total)
            let width = 24, filled = min(width, Int(fraction * Double(width)))
            line +=
                " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
                + String(format: "%3d%%", Int(fraction * 100))
            if done > 0 {
                let left = clock(elapsed * (1 - fraction) / fraction)
                line += Text.timeLeft(left)(language)
            }
        } else {
            line += Text.timeSoFar(clock(elapsed))(language)
        }
        return line
    }

    private static func clear(_ s: inout State) {
        guard s.shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        s.shown = false
    }

    /// 0:07, 12:34, 1:02:03.
    private static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600
            ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
