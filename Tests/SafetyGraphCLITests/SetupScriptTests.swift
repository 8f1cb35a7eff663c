import Foundation
import Testing

/// `scripts/setup.sh` takes the name of an optional tool from the Makefile (`scripts/setup.sh bench`, …). A name it
/// did not know stopped `make bench` on a fresh machine, where nothing had installed the peers yet; these tests run
/// it in its dry-run mode (SETUP_DRY_RUN=1: it prints what it would install and installs nothing) with every name
/// the Makefile passes it.
@Suite struct SetupScriptTests {
    static let script = CLIRunner.packageRoot.appendingPathComponent("scripts/setup.sh")

    /// The words after `scripts/setup.sh` in the Makefile's recipes.
    static func namesInMakefile() throws -> [String] {
        let makefile = try String(
            contentsOf: CLIRunner.packageRoot.appendingPathComponent("Makefile"), encoding: .utf8)
        var names: Set<String> = []
        for line in makefile.split(separator: "\n") where line.hasPrefix("\t") {
            guard let found = line.range(of: "scripts/setup.sh") else { continue }
            let rest = line[found.upperBound...].split(separator: " ", omittingEmptySubsequences: true)
            if let name = rest.first, name.allSatisfy({ $0.isLetter }) { names.insert(String(name)) }
        }
        return names.sorted()
    }

    static func dryRun(_ arguments: [String]) throws -> CLIRunner.Result {
        try CLIRunner.run(
            [script.path] + arguments, environment: ["SETUP_DRY_RUN": "1"],
            executable: URL(fileURLWithPath: "/bin/bash"))
    }

    @Test func takesEveryToolNameTheMakefilePasses() throws {
        let names = try Self.namesInMakefile()
        // The Makefile's own uses: the Python suites, the benchmark's peers, valgrind.
        #expect(Set(["python", "bench", "valgrind"]).isSubset(of: Set(names)), "\(names)")
        for name in names {
            let result = try Self.dryRun([name])
            #expect(result.status == 0, "setup.sh \(name): \(result.stderr)")
        }
    }

    @Test func refusesAnUnknownName() throws {
        let result = try Self.dryRun(["no-such-tool"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown optional tool 'no-such-tool'"), "\(result.stderr)")
    }
}
