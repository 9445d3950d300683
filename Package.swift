// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .swiftLanguageMode(.v6),
]

/// The C maths library: rounding and square roots in modules that do without Foundation.
let libm: [LinkerSetting] = [.linkedLibrary("m", .when(platforms: [.linux]))]

let package = Package(
    name: "LinePlan",
    products: [
        .executable(name: "lineplan", targets: ["LinePlanCLI"]),
        .executable(name: "lineplan-bench", targets: ["LinePlanBench"]),
        .executable(name: "lineplan-fuzz", targets: ["LinePlanFuzz"]),
        .library(name: "NetGraph", targets: ["NetGraph"]),
        .library(name: "NetPaths", targets: ["NetPaths"]),
    ],
    targets: [
        .target(name: "LocatedJSON", swiftSettings: strict, linkerSettings: libm),
        .target(name: "NetAddress", swiftSettings: strict),
        .target(name: "WorkCalendar", dependencies: ["LocatedJSON"], swiftSettings: strict),
        .target(name: "ConfigTemplate", swiftSettings: strict),
        .target(name: "Devices", dependencies: ["LocatedJSON"], swiftSettings: strict),
        .target(
            name: "RouterConfigs", dependencies: ["ConfigTemplate", "Devices", "NetAddress"], swiftSettings: strict),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLiteStore", dependencies: ["CSQLite"], swiftSettings: strict),
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresStore", dependencies: ["CLibPQ"], swiftSettings: strict),
        .target(
            name: "Ledger", dependencies: ["NetAddress", "NetGraph", "PostgresStore", "SQLiteStore"],
            swiftSettings: strict),
        .target(
            name: "Orders", dependencies: ["LocatedJSON", "NetAddress", "NetGraph", "WorkCalendar"],
            swiftSettings: strict, linkerSettings: libm),
        .target(
            name: "Planning",
            dependencies: [
                "Devices", "Ledger", "LocatedJSON", "NetAddress", "NetGraph", "NetPaths", "Orders", "RouterConfigs",
                "WorkCalendar",
            ],
            swiftSettings: strict),
        .target(
            name: "NetGraph", dependencies: ["LocatedJSON", "NetAddress"], swiftSettings: strict, linkerSettings: libm),
        .target(name: "NetPaths", dependencies: ["LocatedJSON", "NetGraph"], swiftSettings: strict),
        .target(name: "NetImport", dependencies: ["LocatedJSON", "NetAddress", "NetGraph"], swiftSettings: strict),
        .target(
            name: "PlanReports",
            dependencies: [
                "Devices", "LocatedJSON", "NetAddress", "NetGraph", "Orders", "Planning", "RouterConfigs",
                "WorkCalendar",
            ],
            swiftSettings: strict, linkerSettings: libm),
        .executableTarget(
            name: "LinePlanCLI",
            dependencies: [
                "Devices", "LocatedJSON", "Ledger", "NetAddress", "NetGraph", "NetImport", "NetPaths", "Orders",
                "PlanReports", "Planning", "RouterConfigs", "WorkCalendar",
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "LinePlanBench",
            dependencies: [
                "Devices", "FuzzTargets", "LocatedJSON", "Ledger", "NetAddress", "NetGraph", "NetImport", "NetPaths",
                "Orders", "PlanReports", "Planning", "PostgresStore", "RouterConfigs", "WorkCalendar",
            ],
            swiftSettings: strict
        ),
        // Issue 13: the fuzz targets (one per reader), the libFuzzer entry point and its C declaration.
        .target(
            name: "FuzzTargets",
            dependencies: [
                "ConfigTemplate", "Devices", "LocatedJSON", "NetAddress", "NetGraph", "NetPaths", "Orders", "Planning",
                "RouterConfigs", "WorkCalendar",
            ],
            swiftSettings: strict),
        .systemLibrary(name: "CFuzzerDriver", path: "Sources/CFuzzerDriver"),
        .executableTarget(
            name: "LinePlanFuzz", dependencies: ["CFuzzerDriver", "FuzzTargets"], swiftSettings: strict),
        .target(
            name: "TestSupport", dependencies: ["NetAddress", "NetGraph", "Orders", "WorkCalendar"],
            path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "LocatedJSONTests", dependencies: ["LocatedJSON"], swiftSettings: strict),
        .testTarget(name: "NetAddressTests", dependencies: ["NetAddress"], swiftSettings: strict),
        .testTarget(name: "WorkCalendarTests", dependencies: ["WorkCalendar"], swiftSettings: strict),
        .testTarget(name: "ConfigTemplateTests", dependencies: ["ConfigTemplate"], swiftSettings: strict),
        .testTarget(
            name: "DevicesTests", dependencies: ["Devices", "LocatedJSON"], exclude: ["Fixtures"], swiftSettings: strict
        ),
        .testTarget(
            name: "RouterConfigsTests", dependencies: ["ConfigTemplate", "Devices", "NetAddress", "RouterConfigs"],
            exclude: ["Golden", "check-with-hier-config.py"], swiftSettings: strict),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore"], swiftSettings: strict),
        .testTarget(
            name: "PlanReportsTests",
            dependencies: [
                "Devices", "LocatedJSON", "NetAddress", "NetGraph", "Orders", "Planning", "PlanReports", "TestSupport",
                "WorkCalendar",
            ],
            exclude: ["render-report.sh"], swiftSettings: strict),
        .testTarget(
            name: "OrdersTests", dependencies: ["LocatedJSON", "NetAddress", "NetGraph", "Orders", "WorkCalendar"],
            swiftSettings: strict),
        .testTarget(
            name: "PlanningTests",
            dependencies: [
                "Devices", "Ledger", "LocatedJSON", "NetAddress", "NetGraph", "NetPaths", "Orders", "Planning",
                "TestSupport", "WorkCalendar",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "LedgerTests", dependencies: ["Ledger", "NetAddress", "NetGraph", "SQLiteStore", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "NetGraphTests", dependencies: ["LocatedJSON", "NetAddress", "NetGraph", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "NetImportTests",
            dependencies: ["LocatedJSON", "NetAddress", "NetGraph", "NetImport", "TestSupport"],
            exclude: ["make-netbox-export.py"], swiftSettings: strict),
        .testTarget(
            name: "NetPathsTests", dependencies: ["LocatedJSON", "NetGraph", "NetPaths", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "FuzzTargetsTests", dependencies: ["FuzzTargets", "LocatedJSON", "TestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "LinePlanCLITests",
            dependencies: ["LinePlanCLI", "TestSupport"],
            exclude: ["Golden", "check-plan-schema.py"],
            swiftSettings: strict
        ),
    ]
)
