/// The boxes already placed on a map, indexed by a uniform grid so that placing a label looks only at
/// the boxes near it.
///
/// A map of a 10,000-site order places tens of thousands of labels; comparing each candidate with every
/// box placed before it grew with the square of the sites. The grid answers the same questions, in the
/// same order of boxes, so the map is byte for byte what the exhaustive comparison drew.
struct LabelGrid {
    /// A box: its top-left corner and its size, in the map's units.
    struct Box {
        var x: Double
        var y: Double
        var width: Double
        var height: Double
    }

    /// The side of a grid cell, in the map's units: about a label's height and a few markers wide.
    private let cellSize: Double
    private var boxes: [Box] = []
    /// The boxes whose extent touches a cell, by cell, in the order they were placed.
    private var cells: [Cell: [Int]] = [:]

    private struct Cell: Hashable {
        var column: Int
        var row: Int
    }

    /// Creates an empty grid.
    ///
    /// - Parameter cellSize: The side of a cell; positive.
    init(cellSize: Double = 48) {
        self.cellSize = cellSize
    }

    /// Places a box.
    ///
    /// - Complexity: O(*c*) for the *c* cells the box touches.
    mutating func insert(_ box: Box) {
        let index = boxes.count
        boxes.append(box)
        forEachCell(of: box) { cells[$0, default: []].append(index) }
    }

    /// Whether a box would overlap (with a positive area) any box placed.
    ///
    /// - Complexity: O(*c* + *k*) for the *c* cells it touches and the *k* boxes in them.
    func intersectsAny(_ box: Box) -> Bool {
        var found = false
        forEachCell(of: box) { cell in
            guard !found else { return }
            found = cells[cell]?.contains { Self.intersect(box, boxes[$0]) } ?? false
        }
        return found
    }

    /// The area a box would share with the boxes placed, summed over them in the order they were placed
    /// (the order an exhaustive sum takes, so the same floating-point result).
    ///
    /// - Complexity: O(*c* + *k* log *k*) for the *c* cells it touches and the *k* boxes in them.
    func overlap(_ box: Box) -> Double {
        var near: Set<Int> = []
        forEachCell(of: box) { cell in near.formUnion(cells[cell] ?? []) }
        return near.sorted().reduce(0) { total, index in
            let other = boxes[index]
            let across = min(box.x + box.width, other.x + other.width) - max(box.x, other.x)
            let down = min(box.y + box.height, other.y + other.height) - max(box.y, other.y)
            return total + max(0, across) * max(0, down)
        }
    }

    /// Whether two boxes overlap with a positive area.
    private static func intersect(_ a: Box, _ b: Box) -> Bool {
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    }

    /// Calls `body` with every cell a box's extent touches (its edges included, so a box that only
    /// touches another shares a cell with it).
    private func forEachCell(of box: Box, _ body: (Cell) -> Void) {
        let columns = cellIndex(box.x)...cellIndex(box.x + max(0, box.width))
        let rows = cellIndex(box.y)...cellIndex(box.y + max(0, box.height))
        for column in columns {
            for row in rows { body(Cell(column: column, row: row)) }
        }
    }

    /// The cell a coordinate falls in, clamped so that a coordinate far off the map cannot overflow.
    private func cellIndex(_ value: Double) -> Int {
        let cell = (value / cellSize).rounded(.down)
        guard cell.isFinite else { return 0 }
        return Int(max(-1_000_000, min(1_000_000, cell)))
    }
}
