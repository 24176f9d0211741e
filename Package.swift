// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Dialer",
    products: [
        .executable(name: "dialerd", targets: ["dialerd"]),
        .executable(name: "dialer-bench", targets: ["dialer-bench"]),
        .library(name: "Dialer", targets: ["Dialer"]),
        .library(name: "CampaignDSL", targets: ["CampaignDSL"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // Excel lists: the zip container and the sheets' XML, both read as streams.
        .systemLibrary(
            name: "CZip",
            pkgConfig: "libzip",
            providers: [.apt(["libzip-dev"])]
        ),
        .systemLibrary(
            name: "CExpat",
            pkgConfig: "expat",
            providers: [.apt(["libexpat1-dev"])]
        ),
        .systemLibrary(
            name: "CMicroHTTPD",
            pkgConfig: "libmicrohttpd",
            providers: [.apt(["libmicrohttpd-dev"])]
        ),
        .systemLibrary(
            name: "CXLSXWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // libphonenumber (C++) behind a C header: its parser for what the fast path hands over, and its
        // metadata, which the fast path compiles into automata (Sources/Dialer/Contacts/Phone).
        .target(
            name: "CPhoneNumber",
            linkerSettings: [.linkedLibrary("phonenumber"), .linkedLibrary("protobuf")]
        ),
        .target(name: "CampaignDSL"),
        .target(name: "Dialer", dependencies: ["CampaignDSL", "CSQLite", "CCurl", "COpenSSL", "CZip", "CExpat", "CMicroHTTPD",
                                               "CXLSXWriter", "CPhoneNumber"]),
        .executableTarget(name: "dialerd", dependencies: ["Dialer", "CampaignDSL"]),
        .executableTarget(name: "dialer-bench", dependencies: ["Dialer", "CampaignDSL"]),
        .testTarget(name: "CampaignDSLTests", dependencies: ["CampaignDSL"]),
        .testTarget(name: "DialerTests", dependencies: ["Dialer", "CampaignDSL", "CSQLite"], exclude: ["Fixtures"]),
        .testTarget(name: "dialerdTests"),
        // dialerd against a real Asterisk (Tests/AsteriskLab); skipped, saying why, without one.
        .testTarget(name: "AsteriskLabTests", dependencies: ["Dialer"]),
    ],
    cxxLanguageStandard: .cxx17
)

// The same settings on every target: Swift 6 mode (strict concurrency) and
// internal imports by default, so no C type leaks into public API.
for target in package.targets where target.type != .system && target.name != "CPhoneNumber" {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
