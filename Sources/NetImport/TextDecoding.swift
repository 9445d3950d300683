import Foundation
import LocatedJSON

/// Turns the bytes of a spreadsheet export into UTF-8 text: UTF-8 with or without a byte-order mark,
/// or GB18030 (which includes GBK and GB2312), the encoding Chinese Excel and WPS save CSV in by default.
enum TextDecoding {
    /// Foundation's encoding value for GB18030-2000.
    ///
    /// It is `CFStringConvertEncodingToNSStringEncoding(kCFStringEncodingGB_18030_2000)`, 0x8000_0632. The CF
    /// function is not exported on Linux, but the value decodes there (checked with swift-corelibs-foundation
    /// of Swift 6.3.1); bytes that are not GB18030 give `nil`.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// How to re-save a file as UTF-8, for messages.
    static let resaveHint =
        "save it again as UTF-8: in Excel 'Save As' → 'CSV UTF-8 (Comma delimited)', in WPS 'CSV' with "
        + "encoding UTF-8, or run 'iconv -f GB18030 -t UTF-8'"

    /// The text's encoding, for messages.
    enum Encoding: String, Sendable {
        /// UTF-8, with or without a byte-order mark.
        case utf8 = "UTF-8"
        /// GB18030 (GBK, GB2312).
        case gb18030 = "GB18030"
    }

    /// Decodes a file to UTF-8 bytes without a byte-order mark.
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The file's name, for the diagnostic.
    /// - Returns: The UTF-8 text and the encoding it was found in.
    /// - Throws: A diagnostic for UTF-16, NUL bytes, or bytes that are neither UTF-8 nor GB18030.
    /// - Complexity: O(*n*) in the size of the file.
    static func decode(_ bytes: [UInt8], file: String) throws(ImportError) -> (text: [UInt8], encoding: Encoding) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw ImportError(file: file, "the file is UTF-16 (Excel's 'Unicode text'); \(resaveHint)")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw located(
                bytes, nul, file: file,
                "NUL byte (U+0000): this is not CSV text (a spreadsheet file, or UTF-16?); \(resaveHint)")
        }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = Array(bytes[start...])
        guard let invalid = UTF8Validation.firstInvalidByte(in: body) else { return (body, .utf8) }
        if start == 0, let decoded = String(data: Data(bytes), encoding: gb18030) {
            return (Array(decoded.utf8), .gb18030)
        }
        throw located(
            body, invalid, file: file,
            "byte 0x\(String(body[invalid], radix: 16, uppercase: true)) is neither UTF-8 nor GB18030 text; "
                + resaveHint)
    }

    /// A diagnostic at a byte offset of text that is valid up to it.
    private static func located(_ bytes: [UInt8], _ offset: Int, file: String, _ message: String) -> ImportError {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return ImportError(diagnostics: [
            SourceDiagnostic(severity: .error, file: file, line: line, column: column, message: message, path: "")
        ])
    }
}
