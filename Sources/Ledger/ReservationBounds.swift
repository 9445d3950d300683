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
    ///
    /// - Parameter row: A row read with ``ReservationColumns/list``.
    /// - Returns: The problem, or `nil` when every number is within bounds.
    static func problem(_ row: SQLiteRow) -> String? {
        typealias Column = ReservationColumns
        for (name, column, range) in checks {
            guard let value = row.integer(at: column), !range.contains(value) else { continue }
            return "\(what(row)): \(name) \(value) is outside \(range.lowerBound)…\(range.upperBound)"
        }
        if let start = row.integer(at: Column.blockStart), let end = row.integer(at: Column.blockEnd), end < start {
            return "\(what(row)): block_end \(end) is below block_start \(start)"
        }
        return nil
    }

    /// The numeric columns, where they are in ``ReservationColumns/list``, and their bounds.
    private static let checks: [(name: String, column: Int, range: ClosedRange<Int>)] = [
        ("amount", ReservationColumns.amount, 1...quantity), ("capacity", ReservationColumns.capacity, 0...quantity),
        ("baseline", ReservationColumns.baseline, 0...quantity), ("unit", ReservationColumns.unit, 0...unit),
        ("block_start", ReservationColumns.blockStart, 0...address),
        ("block_end", ReservationColumns.blockEnd, 0...address),
    ]

    /// A reservation as messages name it: `reservation 7 (bandwidth on 'ACC-HK-02-L03', line 'WH-1/HQ')`.
    static func what(_ row: SQLiteRow) -> String {
        typealias Column = ReservationColumns
        return "reservation \(row.integer(at: Column.id) ?? 0) (\(row.text(at: Column.kind) ?? "?") on "
            + "'\(row.text(at: Column.resource) ?? "?")', line '\(row.text(at: Column.line) ?? "?")')"
    }

    /// An SQL condition that holds for rows within bounds, for queries that add numbers up.
    static let sqlCondition = """
        amount BETWEEN 1 AND \(quantity) AND capacity BETWEEN 0 AND \(quantity) AND baseline BETWEEN 0 AND \(quantity)
        AND unit BETWEEN 0 AND \(unit)
        AND (block_start IS NULL OR (block_start BETWEEN 0 AND \(address) AND block_end BETWEEN block_start AND \(address)))
        """
}
