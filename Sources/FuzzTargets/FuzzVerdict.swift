/// What a fuzz target made of one input.
///
/// A refusal is the expected answer to most mutated input; a trap or a hang is the failure the fuzzer
/// looks for, and a violation is a broken promise that did not trap (a plan written that cannot be read
/// back, a count of working days that does not add up).
public enum FuzzVerdict: Sendable, Hashable, CustomStringConvertible {
    /// The reader accepted the input, and what the command line does next ran.
    case accepted
    /// The reader refused the input with its module's error.
    case refused
    /// The input broke a promise without trapping; the text says which.
    case violated(String)

    /// `accepted`, `refused` or `violated: …`.
    public var description: String {
        switch self {
        case .accepted: "accepted"
        case .refused: "refused"
        case .violated(let promise): "violated: \(promise)"
        }
    }
}
