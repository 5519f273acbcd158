import Testing
import TapLintRules

/// A directory walk looks at a YAML file's bytes before parsing it: only a
/// file that names `Resources` or `AWSTemplateFormatVersion` anywhere is
/// read as a template.
@Suite struct MayBeTemplateTests {
    @Test(arguments: [10, 5000, 100_000])
    func theWordIsFoundWhereverItStands(_ padding: Int) {
        let filler = Array(repeating: UInt8(ascii: "#"), count: padding)
        #expect(Linter.mayBeTemplate(Array("Resources:\n".utf8) + filler))
        #expect(Linter.mayBeTemplate(filler + Array("\nResources:\n  Q: {Type: AWS::SQS::Queue}\n".utf8)))
        #expect(Linter.mayBeTemplate(filler + Array("AWSTemplateFormatVersion: '2010-09-09'".utf8)))
        #expect(!Linter.mayBeTemplate(filler + Array("Resource: x\nAWSTemplate: y\n".utf8)))
    }

    @Test func otherYAMLIsNot() {
        #expect(!Linter.mayBeTemplate(Array("name: build\non: [push]\n".utf8)))
        #expect(!Linter.mayBeTemplate([]))
    }
}
