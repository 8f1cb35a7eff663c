// swift-tools-version: 6.0
// libFuzzer targets for SafetyGraph. A separate package, because a fuzz target has no `main` (libFuzzer
// supplies it) and would break the normal `swift build` of the root package. Build and run through
// `make fuzz` / `scripts/fuzz.sh`, which pass `-Xswiftc -sanitize=fuzzer,address` (see there).
import PackageDescription

let package = Package(
    name: "SafetyGraphFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SafetyGraph", path: "..")
    ],
    targets: [
        // Small fixed inputs shared by the targets (a tiny valid ontology).
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "SafetyGraphCore", package: "SafetyGraph")]
        ),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: [
                "FuzzSupport",
                .product(name: "SafetyGraphCore", package: "SafetyGraph"),
                .product(name: "SafetyGraphMarkdown", package: "SafetyGraph"),
                .product(name: "SafetyGraphExport", package: "SafetyGraph"),
            ]
        ),
        .executableTarget(
            name: "FuzzDOT",
            dependencies: [
                "FuzzSupport",
                .product(name: "SafetyGraphCore", package: "SafetyGraph"),
                .product(name: "SafetyGraphMarkdown", package: "SafetyGraph"),
                .product(name: "SafetyGraphExport", package: "SafetyGraph"),
                .product(name: "SafetyGraphGraphviz", package: "SafetyGraph"),
            ]
        ),
        .executableTarget(
            name: "FuzzOntology",
            dependencies: [
                "FuzzSupport",
                .product(name: "SafetyGraphCore", package: "SafetyGraph"),
            ]
        ),
    ]
)
