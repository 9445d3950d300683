/// The readers the fuzz targets drive: every input LinePlan reads from a user's file.
///
/// Each reader has a seed corpus folder, `Tests/FuzzCorpus/<rawValue>/`, and a file name its diagnostics
/// carry. ``FuzzHarness/run(_:_:)`` runs one input through a reader the way the command line does.
///
///     for reader in FuzzReader.allCases {
///         print(reader, reader.corpusFolder)  // network Tests/FuzzCorpus/network …
///     }
public enum FuzzReader: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A network file (`--topology`): load, validate, statistics, a routing graph and two path searches.
    case network
    /// An order as JSON (`--order x.json`): read, checked, planned on the demo network, its plan read back.
    case orderJSON = "order-json"
    /// An order as CSV (`--order x.csv`): as ``orderJSON``.
    case orderCSV = "order-csv"
    /// Pasted `show version` / `display version` text (`routerVersionFile`): read, and the router judged.
    case version
    /// A saved `plan.json` (`render --plan`): read back, and its configurations and office data rendered.
    case savedPlan = "saved-plan"
    /// A holiday-cn year file (`--holidays DIR`): read, then working days counted through it.
    case holidays
    /// A configuration template (`--templates DIR`): parsed, linked with the shipped partials, and
    /// rendered for an APN, an internet and an interconnect line on each platform.
    case template

    /// The reader's name on the command line.
    public var description: String { rawValue }

    /// The seed corpus folder, relative to the package folder.
    public var corpusFolder: String { "Tests/FuzzCorpus/\(rawValue)" }

    /// The file name the reader's diagnostics name.
    public var inputName: String {
        switch self {
        case .network: "fuzz-network.json"
        case .orderJSON: "fuzz-order.json"
        case .orderCSV: "fuzz-order.csv"
        case .version: "fuzz-version.txt"
        case .savedPlan: "fuzz-plan.json"
        case .holidays: "2026.json"
        case .template: "fuzz.tmpl"
        }
    }

    /// Opening and closing tokens the mutator nests around a part of an input, many levels deep.
    public var nestingPairs: [(open: String, close: String)] {
        switch self {
        case .network, .orderJSON, .savedPlan, .holidays:
            [("[", "]"), (#"{"a": "#, "}"), (#"{"nodes": ["#, "]}")]
        case .orderCSV: [("\"", "\""), ("\"\"", "\"\"")]
        case .version: [("(", ")"), ("[SLOT ", "]")]
        case .template:
            [("{{#each tunnels}}", "{{/each}}"), ("{{#if hostname}}", "{{/if}}"), ("{{#unless x}}", "{{/unless}}")]
        }
    }

    /// The deepest the mutator nests: 2,000 levels, past every reader's limit; 64 for templates, twice
    /// their limit of 32 (deeper only costs time: the parser stops at the 33rd section either way).
    public var deepestNesting: Int {
        self == .template ? 64 : 2_000
    }

    /// Tokens the mutator inserts besides the common ones: the syntax and keywords of the reader's format.
    public var dictionary: [String] {
        switch self {
        case .network:
            [
                #""id": "#, #""a": "#, #""b": "#, #""ring": "#, #""srlg": ["#, #""kind": "ptn""#,
                #""kind": "building""#,
                #""rate": "10G""#, #""km": "#, #""segment": "core""#, #""technology": "otn""#, #""ports": {"GE": "#,
                #""prefix": "10.0.0.0/8""#, #""purpose": "public""#, #""policy": {"#, #""splitter": {"ratio": "#,
                #""sdh": {"vc4": "#, #""otn": {"slots": "#, #""location": ["#, "STM-16", "E1", "V.35",
            ]
        case .orderJSON:
            [
                #""sites": ["#, #""building": "#, #""location": ["#, #""bandwidth": "#, #""interface": "#,
                #""protection": "diverse""#, #""router": "#, #""lan": "#, #""publicLAN": "#, #""terminals": "#,
                #""product": "apn""#, #""request": "modify""#, #""received": "2026-12-31""#, #""mature": false"#,
                "BLD-OFFICE-PARK", "10G", "E1", "/29",
            ]
        case .orderCSV:
            [
                ",", "\"", "\"\"", "\r\n", "\n", ";", "\t", "building", "bandwidth", "protection", "diverse", "BLD-",
                "interconnect", "internet", "apn", "2026-02-29", "1G", "GE", "/24",
            ]
        case .version:
            [
                "Cisco IOS Software, ", "IOS (tm) ", "Version ", "Software (", ")", "VRP (R) software, Version 5.",
                "VRP (tm) Software, Version 3.", "Comware Software, Version 5.20, Release ", " uptime is ",
                "[SLOT  0]", "ETH0/", "FastEthernet interfaces", "Serial network interface(s)",
                "LPU Slot Quantity : ", "cisco ", "Quidway ", "Huawei ", "H3C ", " (revision ", "\r\n",
            ]
        case .savedPlan:
            [
                #""sites": ["#, #""role": "hub""#, #""role": "terminals""#, #""addresses": {"#, #""tunnels": ["#,
                #""router": {"#, #""verdict": "replace""#, #""configuredModel": "#, #""product": "interconnect""#,
                #""outcome": "core-build""#, "/30", "255.255.255.252", "0.0.0.0", "Cisco 1841", "AR28-11",
            ]
        case .holidays:
            [
                #""days": ["#, #"{"name": "春节", "date": "#, #""isOffDay": true"#, #""isOffDay": false"#,
                #""year": "#, "2026-12-31", "2025-12-31", "2026-02-29", "2199-12-31", "1900-01-01",
            ]
        case .template:
            [
                "{{", "}}", "{{#each ", "{{/each}}", "{{#if ", "{{/if}}", "{{else}}", "{{> ", "{{ @index }}",
                "{{ hostname }}", "{{#each tunnels}}", "{{> header}}", "{{> footer}}", "{{!", "{{{", "}}}",
            ]
        }
    }
}
