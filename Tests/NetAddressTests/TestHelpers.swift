import NetAddress

/// Parses a prefix in a test, such as `prefix("10.0.0.0/30")`.
///
/// - Parameter text: CIDR text.
/// - Returns: The prefix.
/// - Throws: ``NetAddressError`` when the text is not a prefix.
func prefix(_ text: String) throws -> IPv4Prefix {
    try IPv4Prefix(parsing: text)
}

/// Parses an address in a test, such as `address("10.0.0.1")`.
///
/// - Parameter text: Dotted-quad text.
/// - Returns: The address.
/// - Throws: ``NetAddressError`` when the text is not an address.
func address(_ text: String) throws -> IPv4Address {
    try IPv4Address(parsing: text)
}

/// Parses several prefixes in a test.
///
/// - Parameter texts: CIDR texts.
/// - Returns: The prefixes, in the same order.
/// - Throws: ``NetAddressError`` when a text is not a prefix.
func prefixes(_ texts: [String]) throws -> [IPv4Prefix] {
    try texts.map { try IPv4Prefix(parsing: $0) }
}
