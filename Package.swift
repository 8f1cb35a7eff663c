// swift-tools-version: 6.0
import PackageDescription

/// Release builds of the executables allocate with jemalloc (Debian's libjemalloc-dev, installed by
/// scripts/setup.sh) instead of glibc's malloc. A large build allocates and frees millions of small strings and
/// arrays from several threads at once; glibc's malloc spent about a tenth of its CPU time there, and jemalloc cut
/// the build's CPU time by 10–14 % in interleaved runs (README, "Performance"). Debug builds (the tests, and the
/// sanitizer builds, whose runtimes replace malloc themselves) keep glibc's.
let releaseAllocator: [LinkerSetting] = [.linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release))]

let package = Package(
    name: "SafetyGraph",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "safetygraph", targets: ["safetygraph"]),
        .library(name: "SafetyGraphCore", targets: ["SafetyGraphCore"]),
        .library(name: "SafetyGraphMarkdown", targets: ["SafetyGraphMarkdown"]),
        .library(name: "SafetyGraphExport", targets: ["SafetyGraphExport"]),
        .library(name: "SafetyGraphGraphviz", targets: ["SafetyGraphGraphviz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // MARK: - System libraries (module map + shim only)
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // zlib: SafetyGraphGraphviz deflates the topic map's PNG itself (see PNGEncoder).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // fallocate(2), which Swift's Glibc module does not declare: ByteSink reserves a large file's space ahead.
        .systemLibrary(name: "CFileSpace"),

        // MARK: - Libraries
        .target(
            name: "SafetyGraphCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "SafetyGraphMarkdown",
            dependencies: ["SafetyGraphCore", "CCmarkGFM"]
        ),
        .target(
            name: "SafetyGraphExport",
            dependencies: ["SafetyGraphCore", "CFileSpace", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "SafetyGraphGraphviz",
            dependencies: ["SafetyGraphCore", "CGraphviz", "CZlib"]
        ),

        // MARK: - Command-line tool
        .executableTarget(
            name: "safetygraph",
            dependencies: [
                "SafetyGraphCore",
                "SafetyGraphMarkdown",
                "SafetyGraphExport",
                "SafetyGraphGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: releaseAllocator
        ),

        // MARK: - Benchmarks and probes
        // The in-process driver of `make bench` (stage times, peak memory, query latency).
        .executableTarget(
            name: "safetygraph-bench",
            dependencies: ["SafetyGraphCore", "SafetyGraphMarkdown", "SafetyGraphExport"],
            path: "Benchmarks/SafetyGraphBench",
            linkerSettings: releaseAllocator
        ),
        // Renders in a loop: `make bench` (in-process vs the `dot` command), the memory and stderr checks of the
        // Graphviz tests, and `make valgrind-graphviz`.
        .executableTarget(
            name: "graphviz-probe",
            dependencies: ["SafetyGraphGraphviz"],
            path: "Benchmarks/GraphvizProbe"
        ),

        // MARK: - Tests
        .testTarget(
            name: "SafetyGraphCoreTests",
            dependencies: ["SafetyGraphCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SafetyGraphMarkdownTests",
            dependencies: ["SafetyGraphMarkdown", "SafetyGraphCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SafetyGraphExportTests",
            dependencies: ["SafetyGraphExport", "SafetyGraphCore", "SafetyGraphMarkdown"]
        ),
        .testTarget(
            name: "SafetyGraphGraphvizTests",
            dependencies: ["SafetyGraphGraphviz", "SafetyGraphCore", "SafetyGraphMarkdown", "CZlib"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "SafetyGraphCLITests",
            dependencies: ["SafetyGraphCore"]
        ),
    ]
)
