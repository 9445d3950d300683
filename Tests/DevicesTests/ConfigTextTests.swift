import Devices
import Testing

@Suite struct ConfigTextTests {
    @Test func aNewlineIsRefusedNamingTheField() {
        #expect(
            throws: DeviceError(
                code: .controlCharacter, location: "hostname",
                message: "contains a line break (U+000A) at character 4; a value must stay on one line")
        ) {
            try ConfigText.hostname("ABC\nenable secret 0 x", platform: .ios)
        }
        #expect(
            throws: DeviceError(
                code: .controlCharacter, location: "site",
                message: "contains a line break (U+000D) at character 3; a value must stay on one line")
        ) {
            try ConfigText.plainText("总部\r", field: "site")
        }
    }

    @Test func aControlCharacterIsRefused() {
        #expect(
            throws: DeviceError(
                code: .controlCharacter, location: "wan.description",
                message: "contains a control character (U+0007) at character 5")
        ) {
            try ConfigText.description("WAN \u{07}bell", platform: .vrp3, field: "wan.description")
        }
        #expect(
            throws: DeviceError(
                code: .controlCharacter, location: "customer",
                message: "contains a control character (U+202E) at character 3")
        ) {
            try ConfigText.plainText("农行\u{202E}evil", field: "customer")
        }
    }

    @Test func anOverLongHostnameIsRefusedPerPlatform() throws {
        let name = "ABC-" + String(repeating: "X", count: 30)
        #expect(try ConfigText.hostname(name, platform: .ios) == name)
        #expect(
            throws: DeviceError(
                code: .tooLong, location: "hostname", message: "is 34 characters long; Huawei VRP 3 allows at most 30")
        ) {
            try ConfigText.hostname(name, platform: .vrp3)
        }
        #expect(
            throws: DeviceError(
                code: .tooLong, location: "hostname", message: "is 64 characters long; Cisco IOS 12.4 allows at most 63"
            )
        ) {
            try ConfigText.hostname("A" + String(repeating: "1", count: 63), platform: .ios)
        }
    }

    @Test func chineseTextIsNoHostname() {
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "hostname",
                message: "contains '农' (U+519C) at character 1; a hostname takes only ASCII letters, digits and '-'"
                    + " (derive it from the site or line id)")
        ) {
            try ConfigText.hostname("农行总部", platform: .vrp5)
        }
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "hostname",
                message: "contains ' ' at character 4; a hostname takes only ASCII letters, digits and '-'")
        ) {
            try ConfigText.hostname("ABC HQ", platform: .ios)
        }
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "hostname", message: "must start with a letter, found '2'")
        ) {
            try ConfigText.hostname("2026-HQ", platform: .ios)
        }
    }

    @Test func aSafeHostnameIsMadeFromALineOrSiteID() {
        #expect(ConfigText.makeHostname("ORD-2026-0042/总部", platform: .ios) == "ORD-2026-0042")
        #expect(ConfigText.makeHostname("中国农业银行 HQ-1", platform: .ios) == "HQ-1")
        #expect(ConfigText.makeHostname("2026/HQ", platform: .vrp3) == "CPE-2026-HQ")
        #expect(ConfigText.makeHostname("中国农业银行武汉分行", platform: .ios) == nil)
        #expect(
            ConfigText.makeHostname("WUHAN-BRANCH-OFFICE-OF-THE-AGRICULTURAL-BANK", platform: .vrp3)
                == "WUHAN-BRANCH-OFFICE-OF-THE-AGR")
        #expect(ConfigText.makeHostname("A-----------------------------B", platform: .vrp3) == "A-B")
    }

    @Test func descriptionsArePrintableASCIIWithoutAQuestionMark() throws {
        #expect(
            try ConfigText.description("  WAN to CMNET, line ORD-1/HQ ", platform: .ios, field: "d")
                == "WAN to CMNET, line ORD-1/HQ")
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "lan.description",
                message: "contains '总' (U+603B) at character 5; Cisco IOS 12.4 descriptions are printable ASCII only")
        ) {
            try ConfigText.description("LAN 总部", platform: .ios, field: "lan.description")
        }
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "d",
                message: "contains '?' at character 4; the CLI reads '?' as a request for help")
        ) {
            try ConfigText.description("why?", platform: .vrp5, field: "d")
        }
        #expect(
            throws: DeviceError(
                code: .tooLong, location: "d",
                message: "is 81 characters long; Huawei VRP 3 descriptions take at most 80")
        ) {
            try ConfigText.description(String(repeating: "x", count: 81), platform: .vrp3, field: "d")
        }
        #expect(throws: DeviceError(code: .empty, location: "d", message: "is empty")) {
            try ConfigText.description("   ", platform: .ios, field: "d")
        }
        #expect(
            throws: DeviceError(
                code: .forbiddenCharacter, location: "banner",
                message: "contains '#' at character 4; it delimits the banner")
        ) {
            try ConfigText.banner("No #1", platform: .ios)
        }
    }

    @Test func freeTextKeepsChinese() throws {
        #expect(try ConfigText.plainText(" 中国农业银行武汉分行 ", field: "customer") == "中国农业银行武汉分行")
        #expect(ConfigText.fileStem("ORD-7/总部") == "ORD-7-总部")
        #expect(ConfigText.fileStem("..") == "site")
        #expect(ConfigText.isInterfaceName("Serial0/0/0:0"))
        #expect(!ConfigText.isInterfaceName("Fa0/0; reload"))
    }

    /// A file name never holds what a file system, a shell or a spreadsheet reads specially (issue 13).
    @Test(arguments: [
        ("<script>alert(1)</script>", "script-alert(1)--script"), (#"=HYPERLINK("x")"#, "HYPERLINK(-x-)"),
        ("+cmd", "cmd"), ("-rf", "rf"), ("@SUM(1)", "SUM(1)"), (".hidden", "hidden"), ("a:b\\c", "a-b-c"),
        ("'q'|?*", "q"), ("ORD-1/HQ", "ORD-1-HQ"), ("===", "site"), ("a\u{202E}b", "a-b"), ("BR 1.", "BR-1"),
    ])
    func fileStemsAreSafe(text: String, stem: String) {
        let made = ConfigText.fileStem(text)
        #expect(made == stem)
        #expect(!made.unicodeScalars.contains { "/\\:<>\"'|?* ".unicodeScalars.contains($0) || $0.value < 0x20 })
        #expect(!["=", "+", "-", "@", "."].contains(made.first.map(String.init) ?? "="))
        #expect(ConfigText.fileStem(text) == made)
    }
}
