import Foundation
import Synchronization

/// Watches inputs run one at a time and calls a handler when one runs past a time limit: a hang
/// cannot be stopped in the process, so the handler reports the input and ends the process.
///
/// It owns a thread, which is why it is a class. ``arm(_:)`` before an input, ``disarm()`` after;
/// ``stop()`` ends the thread.
///
///     let watchdog = FuzzWatchdog(limit: .seconds(60)) { label in print("hang: \(label)"); exit(2) }
///     watchdog.arm("network mutation, seed 1, index 42")
///     defer { watchdog.disarm() }
public final class FuzzWatchdog: Sendable {
    private struct State {
        var label: String?
        var since = ContinuousClock.now
        var fired = false
        var stopped = false
    }

    private let state = Mutex(State())

    /// Starts watching.
    ///
    /// - Parameters:
    ///   - limit: How long one input may run.
    ///   - onHang: Called once, on the watchdog's thread, with the label of the input that ran past the limit.
    public init(limit: Duration, onHang: @escaping @Sendable (String) -> Void) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                let hung: String? = state.withLock { state in
                    guard !state.stopped else { return nil }
                    guard let label = state.label, !state.fired, ContinuousClock.now - state.since > limit else {
                        return ""
                    }
                    state.fired = true
                    return label
                }
                guard let hung else { return }
                if !hung.isEmpty { onHang(hung) }
            }
        }
        thread.start()
    }

    /// Starts timing an input.
    public func arm(_ label: String) {
        state.withLock { state in
            state.label = label
            state.since = .now
        }
    }

    /// Stops timing the input.
    public func disarm() {
        state.withLock { $0.label = nil }
    }

    /// Ends the watchdog's thread.
    public func stop() {
        state.withLock { $0.stopped = true }
    }
}
