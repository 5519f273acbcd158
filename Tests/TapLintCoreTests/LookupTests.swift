import TapLintCore
import Testing

/// The lookups rules make for every string and every action: the fast paths
/// must answer as the slow ones they replace, from any thread.
@Suite struct LookupTests {
    @Test func containsBytesFindsNeedlesAnywhere() {
        #expect("https://s3.amazonaws.com/x".containsBytes("://"))
        #expect("arn:${AWS::Partition}".containsBytes("${"))
        #expect("tail*".containsBytes("*"))
        #expect(!"s3:GetObject".containsBytes("*"))
        #expect(!"ab".containsBytes("abc"))
        #expect("é${x}".containsBytes("${"), "non-ASCII text before the needle")
    }

    /// Strings read in place give the bytes a copy gives: small ones (kept
    /// inside the value), large native ones, and ones made from a slice.
    @Test func bytesReadInPlaceAreTheString() {
        let long = String(repeating: "arn:aws:s3:::bucket/é/", count: 20)
        let texts = ["", "a", "fifteen bytes!!", "sixteen bytes!!!", "é${x}", long, String(long.dropFirst(3).prefix(40))]
        for text in texts {
            var copy = text
            #expect(text.withBytes(Array.init) == copy.withUTF8(Array.init), "\(text)")
            #expect(text.scalarCount == text.unicodeScalars.count, "\(text)")
        }
    }

    @Test func splitAtTheFirstByte() {
        #expect("Db.Endpoint.Address".split(atFirst: UInt8(ascii: ".")).map { [$0.before, $0.after] } == ["Db", "Endpoint.Address"])
        #expect("A.".split(atFirst: UInt8(ascii: ".")).map { [$0.before, $0.after] } == ["A", ""])
        #expect(".B".split(atFirst: UInt8(ascii: ".")).map { [$0.before, $0.after] } == ["", "B"])
        #expect("é.ü".split(atFirst: UInt8(ascii: ".")).map { [$0.before, $0.after] } == ["é", "ü"])
        #expect("AWS::Region".split(atFirst: UInt8(ascii: ".")) == nil)
        #expect("".split(atFirst: UInt8(ascii: ".")) == nil)
    }

    @Test func containsBytesOfAnyNeedle() {
        let needles: [StaticString] = ["arn:", "amazonaws.com"]
        #expect("arn:aws:s3:::b".containsBytes(anyOf: needles))
        #expect("https://sqs.us-east-1.amazonaws.com/1/q".containsBytes(anyOf: needles))
        #expect(!"a-r-n: amazonaws".containsBytes(anyOf: needles))
        #expect(!"".containsBytes(anyOf: needles))
        #expect(!"arn:x".containsBytes(anyOf: []))
    }

    @Test func actionLookupsAreCaseInsensitiveAndCached() {
        let first = ActionCatalog.matching("S3:getobject")?.map(\.name)
        #expect(first == ["GetObject"])
        #expect(ActionCatalog.matching("s3:GetObject")?.map(\.name) == first, "the second lookup comes from the cache")
        #expect(ActionCatalog.matching("nosuchservice:Get") == nil)
        let wildcard = ActionCatalog.matching("s3:Get*Tagging") ?? []
        #expect(wildcard.contains { $0.name == "GetObjectTagging" })
        #expect(wildcard.allSatisfy { $0.key.hasPrefix("get") && $0.key.hasSuffix("tagging") })
    }

    @Test func typesParsedOnceAnswerTheSameFromManyThreads() async {
        let names = ["AWS::S3::Bucket", "AWS::IAM::Role", "AWS::Lambda::Function", "AWS::No::Such"]
        let answers = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 { group.addTask { names.map { Catalog.type(named: $0)?.name } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers.count == 8)
        #expect(answers.allSatisfy { $0 == ["AWS::S3::Bucket", "AWS::IAM::Role", "AWS::Lambda::Function", nil] })
    }
}

@Suite struct ByteSearchTests {
    /// Short strings and whole files take different paths; both must agree.
    @Test(arguments: [10, 5000, 100_000])
    func findsANeedleAtEitherEndOrNowhere(_ size: Int) {
        let filler = Array(repeating: UInt8(ascii: "t"), count: size)
        let needle = Array("taplint:".utf8)
        func search(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { ByteSearch.contains(haystack, needle: $0) } }
        }
        #expect(search(needle + filler))
        #expect(search(filler + needle))
        #expect(search(filler + Array("taplin".utf8) + needle + filler))
        #expect(!search(filler + Array("taplint".utf8)))
    }
}
