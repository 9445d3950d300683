import Foundation

/// Where lineplan finds its shipped data (templates, router catalog, checklists) and its own files.
enum Locations {
    /// The environment variable that names a templates folder.
    static let templatesVariable = "LINEPLAN_TEMPLATES"

    /// The folder the running executable is in, symbolic links resolved.
    static var executableFolder: URL {
        let executable = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath()
        return executable.deletingLastPathComponent()
    }

    /// The package checkout an executable was built in: the nearest folder above it with
    /// `Package.swift` (for `.build/debug/lineplan`, the package root), if any within eight levels.
    static func packageRoot(above folder: URL) -> URL? {
        var current = folder
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent("Package.swift").path) {
                return current
            }
            let parent = current.deletingLastPathComponent()
            guard parent.path != current.path else { return nil }
            current = parent
        }
        return nil
    }

    /// A templates folder and how it was found, for `--verbose`.
    struct Found {
        /// The folder.
        var path: String
        /// How it was chosen, such as "--templates" or "beside the executable".
        var how: String
    }

    /// The templates folder, the first that holds `routers.json` of: `--templates DIR` (which must
    /// exist), the folder `$LINEPLAN_TEMPLATES` names, beside the executable (`<bindir>/Templates`,
    /// then `<bindir>/../share/lineplan/Templates`, then the `Templates` of the checkout it was
    /// built in), and last `./Templates`.
    ///
    /// - Throws: Exit 69 when none is found, or when `--templates` or the variable names a folder
    ///   that does not exist.
    static func templates(explicit: String?, verbose: Bool = false) throws(CommandFailure) -> String {
        let found = try findTemplates(
            explicit: explicit, environment: ProcessInfo.processInfo.environment[templatesVariable])
        if verbose { FileAccess.printError(["lineplan: templates from \(found.path) (\(found.how))"]) }
        return found.path
    }

    /// The search behind ``templates(explicit:verbose:)``.
    static func findTemplates(explicit: String?, environment: String?) throws(CommandFailure) -> Found {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if let explicit {
            guard files.fileExists(atPath: explicit, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(.unavailable, ["lineplan: the templates folder '\(explicit)' does not exist"])
            }
            return Found(path: explicit, how: "--templates")
        }
        if let environment, !environment.isEmpty {
            guard files.fileExists(atPath: environment, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(
                    .unavailable,
                    ["lineplan: the templates folder '\(environment)' that \(templatesVariable) names does not exist"])
            }
            return Found(path: environment, how: "$\(templatesVariable)")
        }
        let bin = executableFolder
        var candidates = [
            (bin.appendingPathComponent("Templates"), "beside the executable"),
            (
                bin.deletingLastPathComponent().appendingPathComponent("share/lineplan/Templates"),
                "installed beside the executable"
            ),
        ]
        if let root = packageRoot(above: bin) {
            candidates.append((root.appendingPathComponent("Templates"), "the checkout the executable was built in"))
        }
        for (folder, how) in candidates
        where files.fileExists(atPath: folder.appendingPathComponent("routers.json").path) {
            return Found(path: folder.path, how: how)
        }
        if files.fileExists(atPath: "Templates/routers.json") {
            return Found(path: "Templates", how: "the current folder")
        }
        throw CommandFailure(
            .unavailable,
            [
                "lineplan: no Templates folder with routers.json beside the lineplan executable"
                    + " (\(bin.path)/Templates or \(bin.deletingLastPathComponent().path)/share/lineplan/Templates),"
                    + " in $\(templatesVariable) or here; give --templates DIR"
            ])
    }
}
