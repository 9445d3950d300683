import NetAddress
import SQLiteStore

/// How the ledger reads reservation rows: the columns it selects, in order, and what each position holds.
///
/// Rows are read by position, not by column name: planning reads every live reservation, and finding a
/// dozen columns of each row by comparing names cost more than reading the rows.
///
///     for row in try store.query("SELECT \(ReservationColumns.list) FROM reservations WHERE live = 1") {
///         let reservation = ReservationColumns.reservation(row)
///     }
enum ReservationColumns {
    /// The columns, in the order of the positions below.
    static let list =
        "id, line_id, kind, purpose, resource, detail, unit, block_start, block_end, amount, capacity, baseline"
    /// The same columns of the table aliased `r`, for a join (more columns may follow them).
    static let qualified = list.split(separator: ", ").map { "r.\($0)" }.joined(separator: ", ")

    /// The reservation's row id.
    static let id = 0
    /// The line holding it.
    static let line = 1
    /// Its ``Reservation/Kind``.
    static let kind = 2
    /// What it is for.
    static let purpose = 3
    /// The pool, node or link id.
    static let resource = 4
    /// The port type of a port.
    static let detail = 5
    /// The port, timeslot or branch number.
    static let unit = 6
    /// The first address of a block.
    static let blockStart = 7
    /// The last address of a block.
    static let blockEnd = 8
    /// kbit/s, units or addresses.
    static let amount = 9
    /// What the resource can give.
    static let capacity = 10
    /// What the network file already counts as used.
    static let baseline = 11

    /// The reservation in a row read with ``list``, or `nil` when its kind is unknown.
    ///
    /// - Parameter row: A row whose first columns are ``list``.
    /// - Returns: The reservation; a block that is not a whole aligned prefix reads as none.
    static func reservation(_ row: SQLiteRow) -> Reservation? {
        guard let kind = row.text(at: kind).flatMap(Reservation.Kind.init(rawValue:)) else { return nil }
        var prefix: IPv4Prefix?
        if let start = row.integer(at: blockStart), let end = row.integer(at: blockEnd), start >= 0, end >= start,
            end <= Int(UInt32.max)
        {
            let size = end - start + 1
            let length = 32 - (Int.bitWidth - 1 - size.leadingZeroBitCount)
            prefix = try? IPv4Prefix(network: IPv4Address(UInt32(start)), length: length)
        }
        return Reservation(
            kind: kind, purpose: row.text(at: purpose) ?? "", resource: row.text(at: resource) ?? "",
            detail: row.text(at: detail) ?? "", unit: row.integer(at: unit) ?? 0, prefix: prefix,
            amount: row.integer(at: amount) ?? 0, capacity: row.integer(at: capacity) ?? 0,
            baseline: row.integer(at: baseline) ?? 0)
    }
}
