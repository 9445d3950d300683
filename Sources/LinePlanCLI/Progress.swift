import Foundation

/// A progress bar on standard error for long work: count, rate and time left.
///
/// Drawn only when standard error is a terminal (so logs and pipes never see it), redrawn on the
/// same line, and cleared when the work ends or fails.
struct Progress: Sendable {
    /// What is counted, such as "sites".
    let unit: String
    /// When the work started.
    let start: Date

    /// Whether standard error is a terminal.
    static var isShown: Bool { isatty(STDERR_FILENO) != 0 }

    /// A reporter for `done` of `total` counts, or `nil` when standard error is not a terminal or
    /// the work is too small to need one.
    static func make(unit: String, total: Int, minimum: Int = 200) -> Progress? {
        guard isShown, total >= minimum else { return nil }
        return Progress(unit: unit, start: Date())
    }

    /// Draws the bar for `done` of `total`; at the end, clears it.
    func report(done: Int, total: Int) {
        guard total > 0 else { return }
        let step = max(1, total / 100)
        guard done % step == 0 || done == total else { return }
        if done >= total {
            Progress.clear()
            return
        }
        FileHandle.standardError.write(
            Data(Progress.line(done: done, total: total, unit: unit, elapsed: -start.timeIntervalSinceNow).utf8))
    }

    /// The bar's text: `\r[#####-----] 120/400 sites, 35/s, 8 s left`, then erase to the line's end.
    static func line(done: Int, total: Int, unit: String, elapsed: Double) -> String {
        let width = 24
        let filled = total > 0 ? min(width, done * width / total) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var text = "\r[\(bar)] \(done)/\(total) \(unit)"
        if elapsed > 0.2, done > 0 {
            let rate = Double(done) / elapsed
            let left = Int((Double(total - done) / rate).rounded(.up))
            text += ", \(Int(rate.rounded()))/s, \(left) s left"
        }
        return text + "\u{1B}[K"
    }

    /// Erases the bar's line when standard error is a terminal.
    static func clear() {
        guard isShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
