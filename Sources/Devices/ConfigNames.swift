/// The ASCII names a site's router configuration goes by: its hostname (`hostname` / `sysname`) and
/// the slug of its file name (`configs/<slug>.<platform>.cfg`).
///
/// Orders name sites, customers and orders in Chinese (`武汉-2026-工行`, `总部`, `汉口分理处`), but a
/// configuration is pasted into a console that takes ASCII only, and a file name must be safe on every
/// file system. LinePlan derives both names deterministically, and the plan records which name stands
/// for which site:
///
/// - **Slug**: the site's name folded to ASCII letters, digits and `-` (`Branch 7` → `Branch-7`) when
///   the name is printable ASCII, else `S` and the site's 1-based position (`汉口分理处`, the second
///   site → `S2`); at most 20 characters.
/// - **Hostname**: the order id folded the same way (its ASCII part: `武汉-2026-工行` → `2026`), or `LP`
///   when it has none, with `LP-` in front when it starts with a digit; then `-` and the slug. The
///   order part is cut so the whole fits the platform's limit (30 on VRP 3, 63 on IOS and VRP 5).
///   `WH-2026-0930-ABC` + `HQ` → `WH-2026-0930-ABC-HQ`; `武汉-2026-工行` + `总部` → `LP-2026-S1`.
/// - **Distinct**: slugs and hostnames are distinct across the order, ignoring case (file systems
///   that fold case would otherwise merge two files); a later site whose name is taken gets `-2`,
///   `-3` … (the first free number).
///
///     let names = ConfigNames.assign(
///         orderID: "武汉-2026-工行", sites: [("总部", .vrp3), ("汉口分理处", .ios)])
///     // [LP-2026-S1 / S1, LP-2026-S2 / S2]
public struct ConfigNames: Sendable, Hashable {
    /// The router's hostname: ASCII letters, digits and `-`, a letter first, within the platform's limit.
    public var hostname: String
    /// The file name slug: ASCII letters, digits and `-`.
    public var slug: String

    /// Creates a pair of names.
    public init(hostname: String, slug: String) {
        self.hostname = hostname
        self.slug = slug
    }

    /// The longest slug.
    public static let slugLimit = 20

    /// The hostname limit when the platform is not known: the shortest of all (VRP 3's 30).
    public static var defaultLimit: Int { ConfigDialect.allCases.map(\.hostnameLimit).min() ?? 30 }

    /// Names every site of an order.
    ///
    /// - Parameters:
    ///   - orderID: The order id, any text.
    ///   - sites: Each site's name and the platform its configuration is written in (`nil` when none).
    /// - Returns: One pair of names per site, in order, distinct across the order.
    /// - Complexity: O(*n*) in the total length of the names, with O(*k*) retries for *k* collisions.
    public static func assign(orderID: String, sites: [(name: String, platform: ConfigDialect?)]) -> [ConfigNames] {
        var prefix = fold(orderID)
        if prefix.isEmpty {
            prefix = "LP"
        } else if let first = prefix.unicodeScalars.first, !isLetter(first) {
            prefix = "LP-" + prefix
        }
        var usedSlugs: Set<String> = []
        var usedHostnames: Set<String> = []
        var names: [ConfigNames] = []
        names.reserveCapacity(sites.count)
        for (position, site) in sites.enumerated() {
            let base = slug(site.name, position: position)
            let slug = unique(base, limit: slugLimit, in: &usedSlugs)
            let limit = site.platform?.hostnameLimit ?? defaultLimit
            let host = unique(hostname(prefix: prefix, slug: slug, limit: limit), limit: limit, in: &usedHostnames)
            names.append(ConfigNames(hostname: host, slug: slug))
        }
        return names
    }

    /// A site's slug before collisions are resolved: its ASCII name folded, or `S<position + 1>`.
    ///
    /// - Parameters:
    ///   - name: The site's name.
    ///   - position: The site's 0-based position in the order.
    /// - Returns: ASCII letters, digits and `-`, at most ``slugLimit`` characters.
    public static func slug(_ name: String, position: Int) -> String {
        let printable = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        let folded = printable ? cut(fold(name), to: slugLimit) : ""
        return folded.isEmpty ? "S\(position + 1)" : folded
    }

    /// The slug of a file name for free text on its own (one configuration rendered outside a plan):
    /// the text folded to ASCII when it is printable ASCII, else the fallback folded, else `site`.
    ///
    /// - Parameters:
    ///   - text: The site's name.
    ///   - fallback: An ASCII name to use instead, such as the router's hostname.
    /// - Returns: ASCII letters, digits and `-`; never empty, never `.` or `..`.
    public static func fileSlug(_ text: String, fallback: String) -> String {
        let printable = text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        let folded = printable ? fold(text) : ""
        if !folded.isEmpty { return folded }
        let other = fold(fallback)
        return other.isEmpty ? "site" : other
    }

    /// The line's name in interface descriptions: the line id when the platform takes it in a
    /// description (printable ASCII, no `?`) after the longest text the templates write before it, else
    /// the hostname.
    ///
    /// A description such as `802.1Q trunk to carrier, line <text>` must fit the platform's limit (80
    /// characters on VRP 3): a line id longer than the limit less ``descriptionRoom`` (an order id of 64
    /// characters and a site name) gives way to the hostname, which always fits.
    ///
    /// - Parameters:
    ///   - lineID: The line id (`order id/site name`), any text.
    ///   - hostname: The router's hostname.
    ///   - platform: The configuration dialect.
    /// - Returns: ASCII text for `WAN to CMNET, line <text>`.
    public static func descriptionText(lineID: String, hostname: String, platform: ConfigDialect) -> String {
        guard lineID.utf8.count + descriptionRoom <= platform.descriptionLimit,
            (try? ConfigText.description(lineID, platform: platform, field: "lineID")) != nil
        else { return hostname }
        return lineID
    }

    /// The characters a description keeps for the text before the line's name: the longest a
    /// configuration intent writes is `802.1Q trunk to carrier, line ` (30).
    public static let descriptionRoom = 30

    // MARK: - Helpers

    /// ASCII letters and digits kept; every run of anything else becomes one `-`, none at either end.
    static func fold(_ text: String) -> String {
        var name = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if isLetter(scalar) || (scalar >= "0" && scalar <= "9") {
                if pendingDash, !name.isEmpty {
                    name.append("-")
                }
                pendingDash = false
                name.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return name
    }

    /// The order prefix cut to leave room for `-` and the slug; the slug alone when nothing is left.
    private static func hostname(prefix: String, slug: String, limit: Int) -> String {
        let room = limit - slug.utf8.count - 1
        let head = room > 0 ? cut(prefix, to: room) : ""
        if head.isEmpty || head.unicodeScalars.first.map(isLetter) != true {
            let alone = cut(slug, to: limit)
            return alone.unicodeScalars.first.map(isLetter) == true ? alone : cut("LP-" + alone, to: limit)
        }
        return head + "-" + slug
    }

    /// The name, or the name with the first free `-2`, `-3` … (cut to fit the limit), recorded as used.
    private static func unique(_ name: String, limit: Int, in used: inout Set<String>) -> String {
        var candidate = name
        var number = 2
        while used.contains(candidate.lowercased()) {
            let suffix = "-\(number)"
            candidate = cut(name, to: max(1, limit - suffix.utf8.count)) + suffix
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// The first `limit` characters of an ASCII name, without a trailing `-`.
    private static func cut(_ name: String, to limit: Int) -> String {
        var cut = String(name.prefix(limit))
        while cut.last == "-" {
            cut.removeLast()
        }
        return cut
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
    }
}
