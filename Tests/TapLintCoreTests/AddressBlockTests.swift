import TapLintCore
import Testing

/// Address blocks are read strictly: the address is the block's first one.
@Suite struct AddressBlockTests {
    @Test(arguments: ["0.0.0.0/0", "10.0.0.0/8", "192.168.1.0/24", "192.168.1.7/32", "172.16.0.0/12", "10.1.2.3"])
    func validIPv4Blocks(_ text: String) {
        #expect(AddressBlock.problem(text, version: 4) == nil)
    }

    @Test(arguments: ["::/0", "2001:db8::/32", "2001:db8:0:0:0:0:0:0/64", "fe80::1/128", "::ffff:10.0.0.0/104"])
    func validIPv6Blocks(_ text: String) {
        #expect(AddressBlock.problem(text, version: 6) == nil)
    }

    @Test(arguments: [
        ("192.168.1.0/0", "the block it means starts at 0.0.0.0/0"),
        ("10.0.0.1/16", "the block it means starts at 10.0.0.0/16"),
        ("10.0.0.300/8", "'10.0.0.300' is not an IPv4 address"),
        ("10.0.0.0/", "address/prefix length"),
        ("10.0.0.0/33", "prefix 0 to 32"),
        ("010.0.0.0/8", "is not an IPv4 address"),
        ("10.0.0/8", "is not an IPv4 address"),
    ])
    func invalidIPv4Blocks(_ text: String, _ reason: String) {
        let problem = AddressBlock.problem(text, version: 4)
        #expect(problem?.contains(reason) == true, "\(text): \(problem ?? "no problem")")
    }

    @Test(arguments: [
        ("2001:db8::1/32", "starts at 2001:db8:0:0:0:0:0:0/32"),
        ("2001:db8::/129", "prefix 0 to 128"),
        ("2001:db8:::/32", "is not an IPv6 address"),
        ("1:2:3:4:5:6:7:8:9/64", "is not an IPv6 address"),
        ("12345::/16", "is not an IPv6 address"),
        ("10.0.0.0/8", "is not an IPv6 address"),
    ])
    func invalidIPv6Blocks(_ text: String, _ reason: String) {
        let problem = AddressBlock.problem(text, version: 6)
        #expect(problem?.contains(reason) == true, "\(text): \(problem ?? "no problem")")
    }
}
