import Foundation

/// `lineplan --version`: the version, and the git commit of the build where it can be known.
///
/// SwiftPM cannot run `git` while building without a build plugin, so the commit is found at run
/// time: from a `commit` file the install step writes (`<bindir>/../share/lineplan/commit`, or
/// `lineplan.commit` beside the executable), else from the checkout the executable was built in
/// (`.build/…/lineplan` below a folder with `Package.swift` and `.git`: its `HEAD`), else unknown.
enum BuildInfo {
    /// The version and where the commit came from, one line.
    static var versionText: String {
        let version = "lineplan \(LinePlanCommand.version)"
        guard let found = commit() else {
            return "\(version), commit unknown (install with README's steps to record it)\n"
        }
        return "\(version), commit \(found.commit) (\(found.source))\n"
    }

    /// The commit and where it was read, if known.
    static func commit() -> (commit: String, source: String)? {
        let folder = Locations.executableFolder
        for candidate in [
            folder.appendingPathComponent("lineplan.commit"),
            folder.deletingLastPathComponent().appendingPathComponent("share/lineplan/commit"),
        ] {
            if let text = try? String(contentsOf: candidate, encoding: .utf8),
                let commit = hexCommit(text)
            {
                return (commit, "from \(candidate.path)")
            }
        }
        guard let root = Locations.packageRoot(above: folder), let commit = checkoutHead(root) else { return nil }
        return (commit, "HEAD of the checkout \(root.path) it was built in")
    }

    /// The first 40 hex digits of a text, when that is all its first line holds.
    private static func hexCommit(_ text: String) -> String? {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 7, trimmed.count <= 64, trimmed.allSatisfy(\.isHexDigit) else { return nil }
        return trimmed
    }

    /// The commit `HEAD` names in a checkout (a plain `.git` folder or a worktree's `.git` file).
    private static func checkoutHead(_ root: URL) -> String? {
        let dotGit = root.appendingPathComponent(".git")
        var gitFolder = dotGit
        if let text = try? String(contentsOf: dotGit, encoding: .utf8), text.hasPrefix("gitdir:") {
            let path = text.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespacesAndNewlines)
            gitFolder = URL(fileURLWithPath: path, relativeTo: root).standardizedFileURL
        }
        guard let head = try? String(contentsOf: gitFolder.appendingPathComponent("HEAD"), encoding: .utf8) else {
            return nil
        }
        let trimmed = head.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("ref:") else { return hexCommit(trimmed) }
        let ref = trimmed.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        var common = gitFolder
        if let text = try? String(contentsOf: gitFolder.appendingPathComponent("commondir"), encoding: .utf8) {
            common =
                URL(
                    fileURLWithPath: text.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: gitFolder
                ).standardizedFileURL
        }
        for folder in [gitFolder, common] {
            if let text = try? String(contentsOf: folder.appendingPathComponent(ref), encoding: .utf8),
                let commit = hexCommit(text)
            {
                return commit
            }
        }
        let packed = (try? String(contentsOf: common.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        for line in packed.split(whereSeparator: \.isNewline) where line.hasSuffix(" " + ref) {
            return hexCommit(String(line.prefix { $0 != " " }))
        }
        return nil
    }
}
