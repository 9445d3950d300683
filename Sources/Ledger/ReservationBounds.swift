import SQLiteStore

/// The numbers a reservation may hold: what LinePlan writes, and what a damaged or hand-edited ledger is
/// checked against before any of them is added up (issue 13).
public enum ReservationBounds {
    /// The largest amount, capacity or baseline, in kbit/s or units: the fastest rate a network file takes is
    /// below 10^12 kbit/s, so no sum over the reservations of one resource can overflow.
    public static let quantity = 1_000_000_000_000
    /// The largest unit number (a port, a VC-12, a tributary slot, a splitter branch).
    public static let unit = Int(Int32.max)
    /// The largest address in a block: 255.255.255.255.
    public static let address = Int(UInt32.max)

    /// Why a reservation row holds a number out of bounds, or `nil`: `reservation 7 (bandwidth on
    /// 'ACC-HK-02-L03', line 'WH-1/HQ'): amount 9223372036854775807 is outside 1…1000000000000`.
    static func problem(_ row: SQLiteRow) -> String? {
        let checks: [(String, ClosedRange<Int>)] = [
            ("amount", 1...quantity), ("capacity", 0...quantity), ("baseline", 0...quantity), ("unit", 0...unit),
            ("block_start", 0...address), ("block_end", 0...address),
        ]
        for (column, range) in checks {
            guard let value = row.integer(column), !range.contains(value) else { continue }
            return "\(what(row)): \(column) \(value) is outside \(range.lowerBound)…\(range.upperBound)"
        }
        if let start = row.integer("block_start"), let end = row.integer("block_end"), end < start {
            return "\(what(row)): block_end \(end) is below block_start \(start)"
        }
        return nil
    }

    /// A reservation as messages name it: `reservation 7 (bandwidth on 'ACC-HK-02-L03', line 'WH-1/HQ')`.
    static func what(_ row: SQLiteRow) -> String {
        "reservation \(row.integer("id") ?? 0) (\(row.text("kind") ?? "?") on '\(row.text("resource") ?? "?")', line "
            + "'\(row.text("line_id") ?? "?")')"
    }

    /// An SQL condition that holds for rows within bounds, for queries that add numbers up.
    static let sqlCondition = """
        amount BETWEEN 1 AND \(quantity) AND capacity BETWEEN 0 AND \(quantity) AND baseline BETWEEN 0 AND \(quantity)
        AND unit BETWEEN 0 AND \(unit)
        AND (block_start IS NULL OR (block_start BETWEEN 0 AND \(address) AND block_end BETWEEN block_start AND \(address)))
        """
}
