import Foundation
import RouterConfigs
import Testing

/// The rendered configurations of issue 9's cases, checked in under `Golden/`.
///
/// Independent readers parse them (`check-with-hier-config.py`);
/// `LINEPLAN_UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites them.
@Suite struct GoldenTests {
    static let folder = Plans.packageRoot.appendingPathComponent("Tests/RouterConfigsTests/Golden")

    @Test func renderedConfigurationsMatchTheirGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["LINEPLAN_UPDATE_GOLDEN"] == "1"
        let renderer = try Plans.renderer()
        for (name, intent) in try Plans.linkLayerCases() {
            let text = try renderer.render(intent).text
            let url = Self.folder.appendingPathComponent(name)
            if update {
                try text.write(to: url, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text == golden, "\(name) differs from its golden file; rerun with LINEPLAN_UPDATE_GOLDEN=1")
        }
    }
}
