import Orders
import Testing

/// CSV that is not well-formed text gets one clear, located error.
@Suite struct CSVSyntaxTests {
    static func errors(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        orderErrors(bytes: bytes, name: "order.csv", sourceLocation: sourceLocation)
    }

    static func errors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        errors(Array(text.utf8), sourceLocation: sourceLocation)
    }

    @Test func refusesAnUnterminatedQuote() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: "\"BLD-A"), OrderText.row("BR1"))) == [
                "order.csv:2:38: error: unterminated quoted field: the closing quote is missing"
            ])
    }

    @Test func refusesAQuoteInsideAnUnquotedField() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: "BL\"D-A"))) == [
                "order.csv:2:40: error: a quote inside an unquoted field; put the whole field in quotes and double the "
                    + "quote"
            ])
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: " \"BLD-A\""))) == [
                "order.csv:2:38: error: a space before an opening quote; start the quoted field right after the comma"
            ])
    }

    @Test func refusesTextAfterAClosingQuote() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: "\"BLD-A\"x"))) == [
                "order.csv:2:45: error: character 'x' after a closing quote; expected a comma or the end of the line"
            ])
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: "\"BLD-A\"\r"))) == [
                "order.csv:2:45: error: a carriage return (CR) without a line feed after a closing quote; expected a "
                    + "comma or the end of the line"
            ])
    }

    @Test func refusesABareCarriageReturn() {
        #expect(
            Self.errors(OrderText.csvHeader + "\r" + OrderText.row("HQ")) == [
                "order.csv:1:63: error: a carriage return (CR) without a line feed; save the file with LF or CRLF line "
                    + "endings"
            ])
    }

    @Test func refusesANULByte() {
        #expect(
            Self.errors(OrderText.csv(OrderText.row("HQ", building: "BLD\u{0}A"))) == [
                "order.csv:2:41: error: NUL byte (U+0000) in the file: it is not CSV text (a spreadsheet file, or "
                    + "UTF-16?); save it as CSV UTF-8"
            ])
    }

    @Test func refusesTextThatIsNotUTF8() {
        // 武汉 in GBK, as a spreadsheet on a Chinese Windows saves "CSV".
        let gbk: [UInt8] = [0xCE, 0xE4, 0xBA, 0xBA]
        let bytes =
            Array((OrderText.csvHeader + "\nORD-1,").utf8) + gbk
            + Array(",internet,2026-11-25,HQ,BLD-A,10M,FE\n".utf8)
        #expect(
            Self.errors(bytes) == [
                "order.csv:2:7: error: invalid UTF-8 byte 0xCE: the file is not UTF-8 (a spreadsheet may have saved it "
                    + "as GBK); save it as CSV UTF-8"
            ])
        #expect(
            Self.errors([0xFF, 0xFE, 0x69, 0x00]) == ["order.csv:1:1: error: the file is UTF-16; save it as UTF-8"])
    }

    @Test func escapesControlCharactersInMessages() {
        let text = OrderText.csv(header: OrderText.csvHeader + ",lan", OrderText.row("H\u{7}Q") + ",\"10.0.0.1\n\"")
        let errors = Self.errors(text)
        #expect(
            errors == [
                #"order.csv:2:35: error: invalid site name 'H\u{7}Q': must not contain control character U+0007 (sites[0].name)"#,
                #"order.csv:2:52: error: invalid prefix '10.0.0.1\n': expected 'address/length', the '/length' is missing (sites[0].lan)"#,
            ])
        #expect(errors.allSatisfy { !$0.contains("\n") })
    }
}
