import LocatedJSON
import Testing

/// Known answers for how diagnostics are printed, collected and ordered.
@Suite struct DiagnosticReportTests {
    @Test func printsADiagnosticAsFileLineColumnSeverityMessageAndPath() {
        let error = SourceDiagnostic(
            severity: .error, file: "net.json", line: 12, column: 7, message: "unknown node 'X'", path: "links[3].b")
        #expect(error.description == "net.json:12:7: error: unknown node 'X' (links[3].b)")
        let warning = SourceDiagnostic(
            severity: .warning, file: "net.json", line: 1, column: 1, message: "the file is old", path: "")
        #expect(warning.description == "net.json:1:1: warning: the file is old")
    }

    @Test func printsAllDiagnosticsOfAnErrorOnePerLine() {
        let failure = DiagnosticsError(diagnostics: [
            SourceDiagnostic(severity: .error, file: "a.json", line: 1, column: 2, message: "first", path: "x"),
            SourceDiagnostic(severity: .warning, file: "a.json", line: 3, column: 4, message: "second", path: ""),
        ])
        #expect(failure.description == "a.json:1:2: error: first (x)\na.json:3:4: warning: second")
    }

    @Test func sortsByLineThenColumnKeepingTheOrderOfTies() throws {
        let parsed = try document("{\n  \"a\": 1,\n  \"b\": 2\n}")
        var report = DiagnosticReport(document: parsed)
        report.error("late", at: 19, path: "b")
        report.warning("early", at: 4, path: "a")
        report.error("tie one", at: 9, path: "a")
        report.error("tie two", at: 9, path: "a")
        report.error("start", at: 0, path: "")
        #expect(
            report.sortedDiagnostics.map(\.description) == [
                "t.json:1:1: error: start",
                "t.json:2:3: warning: early (a)",
                "t.json:2:8: error: tie one (a)",
                "t.json:2:8: error: tie two (a)",
                "t.json:3:8: error: late (b)",
            ])
        #expect(report.diagnostics.map(\.message) == ["late", "early", "tie one", "tie two", "start"])
    }

    @Test func countsOnlyErrorsAsErrors() throws {
        var report = DiagnosticReport(document: try document("[]"))
        #expect(!report.hasErrors)
        report.warning("just so you know", at: 0, path: "")
        #expect(!report.hasErrors)
        report.error("now it is wrong", at: 1, path: "")
        #expect(report.hasErrors)
    }
}
