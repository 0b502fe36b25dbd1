import Testing
@testable import tsunagari
import TsunagariKit

@Suite("Progress line text")
struct ProgressLineTests {
    @Test("nothing in the first second; then label, bar, percentage and time left")
    func known() {
        #expect(ProgressLine.line(.paths, done: 10, total: 100, elapsed: 0.9, .en) == nil)
        // A quarter done after 30 s: 90 s left; 6 of 24 marks.
        #expect(
            ProgressLine.line(.paths, done: 25, total: 100, elapsed: 30, .en)
                == "shortest paths (betweenness, closeness) [######..................]  25% about 1:30 left")
        #expect(
            ProgressLine.line(.directedPaths, done: 50, total: 100, elapsed: 3_600, .ja)
                == "最短経路 (回答の向き) [############............]  50% 残り約1:00:00")
        #expect(
            ProgressLine.line(.paths, done: 0, total: 100, elapsed: 2, .en)
                == "shortest paths (betweenness, closeness) [........................]   0%")
    }

    @Test("a step of unknown length shows the time so far")
    func unknown() {
        #expect(ProgressLine.line(.reading, done: 0, total: 0, elapsed: 7.4, .ja) == "読み込み … 0:07経過")
        #expect(ProgressLine.line(.otherMeasures, done: 0, total: 1, elapsed: 65, .en) == "other measures … 1:05")
    }
}
