// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Guichet",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "guichet", targets: ["guichet"])
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
  ],
  targets: [
    .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
    // libxml2's parser and XML Schema validator, for the LHÉO training offers (guichet import lheo).
    .systemLibrary(
      name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]),
    .target(name: "GuichetCore"),
    // posix_spawn with a clean signal mask, for the benches and the tests that start processes.
    .target(name: "GuichetProcess"),
    .target(
      name: "GuichetResources",
      path: "Resources",
      exclude: ["README.md"],
      resources: [.copy("data")]
    ),
    .target(
      name: "GuichetStore",
      dependencies: [
        "GuichetCore", "GuichetResources", "CLibXML2",
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
      ]
    ),
    .target(name: "GuichetUI", dependencies: ["GuichetCore"]),
    .target(name: "GuichetTerminal", dependencies: ["GuichetCore", "GuichetUI", "CNCursesW"]),
    // The console's effects over the store: services, the effect interpreter, the read-only refusals.
    .target(name: "GuichetConsole", dependencies: ["GuichetCore", "GuichetStore", "GuichetUI"]),
    .executableTarget(
      name: "guichet",
      dependencies: [
        "GuichetCore", "GuichetStore", "GuichetUI", "GuichetConsole", "GuichetTerminal",
        "GuichetResources", "GuichetProcess",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Test-only: one desk process of the multi-process booking race (BookingRaceTests spawns it).
    .executableTarget(
      name: "guichet-race-helper",
      dependencies: [
        "GuichetStore", "GuichetCore", .product(name: "GRDB", package: "GRDB.swift"),
      ],
      path: "Sources/GuichetRaceHelper"
    ),
    // Where the published data files the tests read are (../shared/data or GUICHET_TEST_DATA), shared
    // fixtures, the calendar-file check (RFC 5545 lines, Python icalendar) of the slip and end-to-end tests,
    // and the small LHÉO offers files the tests write (Tests/GuichetTestData/LHEO), found from #filePath.
    .target(
      name: "GuichetTestData", dependencies: ["GuichetStore", "GuichetCore", "GuichetProcess"],
      path: "Tests/GuichetTestData", exclude: ["LHEO"]),
    .testTarget(name: "GuichetCoreTests", dependencies: ["GuichetCore"]),
    .testTarget(
      name: "GuichetStoreTests",
      dependencies: [
        "GuichetStore", "GuichetCore", "GuichetUI", "GuichetProcess", "GuichetTestData",
      ]),
    .testTarget(
      name: "GuichetUITests",
      dependencies: ["GuichetUI", "GuichetCore", "GuichetTestData"],
      // Each folder keeps its snapshots beside its tests (found from #filePath).
      exclude: [
        "Accounts/__Snapshots__",
        "Admin/__Snapshots__",
        "Agenda/__Snapshots__",
        "App/__Snapshots__",
        "Appointments/__Snapshots__",
        "Booking/__Snapshots__",
        "Dashboard/__Snapshots__",
        "Information/__Snapshots__",
        "Formations/__Snapshots__",
        "Session/__Snapshots__",
      ]
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "GuichetStore", "GuichetCore", "GuichetUI", "GuichetProcess", "GuichetTestData",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]
    ),
    .testTarget(name: "GuichetTerminalTests", dependencies: ["GuichetTerminal", "GuichetUI"]),
    .testTarget(
      name: "GuichetConsoleTests",
      dependencies: [
        "GuichetConsole", "GuichetStore", "GuichetUI", "GuichetCore",
        .product(name: "GRDB", package: "GRDB.swift"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)
