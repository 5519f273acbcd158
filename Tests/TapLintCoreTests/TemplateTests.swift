import Testing
@testable import TapLintCore

@Suite struct TemplateTests {
    func template(_ text: String) throws -> Template {
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        return try #require(Template(root: root))
    }

    @Test func decodesSectionsAndResourceAttributes() throws {
        let t = try template("""
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: [AWS::Serverless-2016-10-31]
        Parameters: {P: {Type: String, Default: x}}
        Mappings: {M: {k: {v: 1}}}
        Conditions: {C: !Equals [a, a]}
        Resources:
          R:
            Type: AWS::SQS::Queue
            Condition: C
            DependsOn: [S]
            DeletionPolicy: Retain
            Properties: {DelaySeconds: 1}
          S: {Type: AWS::SNS::Topic, DependsOn: R}
        Outputs: {O: {Value: 1}}
        """)
        #expect(t.parameters.map(\.name) == ["P"])
        #expect(t.mappings.map(\.name) == ["M"])
        #expect(t.conditions.map(\.name) == ["C"])
        #expect(t.outputs.map(\.name) == ["O"])
        #expect(t.transforms == ["AWS::Serverless-2016-10-31"])
        let r = try #require(t.resource(named: "R"))
        #expect(r.type == "AWS::SQS::Queue")
        #expect(r.condition?.string == "C")
        #expect(r.dependsOn.compactMap(\.string) == ["S"])
        #expect(r.body["DeletionPolicy"]?.string == "Retain")
        #expect(r.properties?["DelaySeconds"]?.string == "1")
        #expect(t.resource(named: "S")?.dependsOn.compactMap(\.string) == ["R"])
        #expect(t.looksLikeTemplate)
    }

    @Test func rootThatIsNotAMappingIsNoTemplate() throws {
        let root = try #require(YAMLParser.parse(Array("- a\n".utf8)).root)
        #expect(Template(root: root) == nil)
    }

    @Test(arguments: [
        ("!Ref X", IntrinsicName.ref), ("{Ref: X}", .ref),
        ("!GetAtt X.Arn", .getAtt), ("{'Fn::GetAtt': [X, Arn]}", .getAtt),
        ("!Sub x", .sub), ("{'Fn::Sub': x}", .sub),
        ("!If [C, a, b]", .if), ("{'Fn::If': [C, a, b]}", .if),
        ("!ToJsonString {a: 1}", .toJsonString), ("{'Fn::Length': [1]}", .length),
    ])
    func decodesBothForms(_ text: String, _ name: IntrinsicName) throws {
        let node = try #require(YAMLParser.parse(Array("v: \(text)\n".utf8)).root?["v"])
        #expect(node.intrinsic?.name == name)
        #expect(node.intrinsic?.argument.tag == nil)
    }

    @Test func longConditionIsOnlyAFunctionWhereAsked() throws {
        let node = try #require(YAMLParser.parse(Array("v: {Condition: C}\n".utf8)).root?["v"])
        #expect(node.intrinsic == nil)
        #expect(node.conditionCall?.name == .condition)
    }

    @Test func getAttFormsMeanTheSame() throws {
        let root = try #require(YAMLParser.parse(Array("a: !GetAtt Db.Endpoint.Address\nb: !GetAtt [Db, Endpoint.Address]\n".utf8)).root)
        for key in ["a", "b"] {
            let argument = try #require(root[key]?.intrinsic?.argument)
            let target = try #require(GetAttTarget(argument))
            #expect(target.resource == "Db")
            #expect(target.attribute == "Endpoint.Address")
        }
    }

    @Test func subSplitsVariablesAndHonoursLiterals() {
        let sub = SubTemplate("arn:${AWS::Partition}:s3:::${Bucket}/${!Literal}-${Res.Attr}${unclosed")
        #expect(sub.variables.map(\.name) == ["AWS::Partition", "Bucket", "Res.Attr"])
        #expect(sub.parts.first == .literal("arn:"))
        #expect(sub.literalText == "arn:${AWS::Partition}:s3:::${Bucket}/${Literal}-${Res.Attr}${unclosed")
    }

    @Test func subVariableMapShadowsNames() throws {
        let t = try template("""
        Resources:
          Q:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub ['${Local}-${Other}', {Local: !Ref T}]
          T: {Type: AWS::SNS::Topic}
          Other: {Type: AWS::SNS::Topic}
        """)
        let refs = ReferenceIndex(t).references.map { "\($0.kind.rawValue):\($0.target)" }
        #expect(refs == ["Sub:Other", "Ref:T"])
    }

    @Test func referencesInsideIfBranchesAreConditional() throws {
        let t = try template("""
        Conditions: {C: !Equals [a, b]}
        Resources:
          Q:
            Type: AWS::SQS::Queue
            Properties:
              A: !If [C, !Ref T, !GetAtt U.Arn]
              B: !Ref T
          T: {Type: AWS::SNS::Topic}
          U: {Type: AWS::SNS::Topic}
        """)
        let index = ReferenceIndex(t)
        #expect(index.references.map(\.conditional) == [true, true, false])
        #expect(index.conditionUses.map(\.name) == ["C"])
        #expect(index.references[1].path == [.key("Resources"), .key("Q"), .key("Properties"), .key("A"),
                                             .key("Fn::If"), .index(2), .key("Fn::GetAtt")])
    }

    @Test func suggestionFindsTyposOnly() {
        #expect(Suggestion.closest(to: "Tabel", in: ["Table", "Queue"]) == "Table")
        #expect(Suggestion.closest(to: "ProcesingFunction", in: ["ProcessingFunction"]) == "ProcessingFunction")
        #expect(Suggestion.closest(to: "Zzz", in: ["Table"]) == nil)
    }

    /// ASCII names are compared as bytes and others as characters; the
    /// answers are the same as characters would give.
    @Test func suggestionIgnoresCaseAndCountsCharacters() {
        #expect(Suggestion.closest(to: "AWS::S3::bukcet", in: ["AWS::S3::Bucket", "AWS::SNS::Topic"], limit: 2) == "AWS::S3::Bucket")
        #expect(Suggestion.closest(to: "TABEL", in: ["table"]) == "table")
        #expect(Suggestion.closest(to: "Tables", in: ["Table", "Tabless"], limit: 1) == "Table", "a tie goes to the name that sorts first")
        #expect(Suggestion.closest(to: "Tab", in: ["Tablexyz"], limit: 2) == nil, "too long to be a typo")
        #expect(Suggestion.closest(to: "Größe", in: ["Grösse", "Größen"], limit: 1) == "Größen", "ß and ö are one character each")
        #expect(Suggestion.closest(to: "Grosse", in: ["Größe"], limit: 3) == "Größe" && Suggestion.closest(to: "Grosse", in: ["Größe"], limit: 2) == nil)
        #expect(Suggestion.closest(to: "ab\r\n", in: ["abx"], limit: 1) == "abx", "\\r\\n is one character")
        #expect(Suggestion.closest(to: "café", in: ["cafe", "CAFÉ"], limit: 0) == "CAFÉ")
    }
}

@Suite struct IntrinsicNameTests {
    @Test func everyShortTagNamesItsLongForm() {
        for name in IntrinsicName.allCases {
            let long = name.rawValue
            let short = "!" + (long.hasPrefix("Fn::") ? String(long.dropFirst(4)) : long)
            #expect(IntrinsicName(shortTag: short) == name)
        }
        #expect(IntrinsicName(shortTag: "!Reff") == nil)
        #expect(IntrinsicName(shortTag: "Ref") == nil)
        #expect(IntrinsicName(shortTag: "!Fn::Sub") == nil)
    }

    @Test func longFormKeysNameEveryFunctionButCondition() {
        for name in IntrinsicName.allCases {
            #expect(IntrinsicName(longFormKey: name.rawValue) == (name == .condition ? nil : name))
        }
        for key in ["", "R", "Re", "Reff", "ref", "Fn::", "Fn::Subs", "Fn::sub", "Fn::Su", "Fn::ToJsonStrings", "Fn:Sub", "Properties", "Fn::Ref"] {
            #expect(IntrinsicName(longFormKey: key) == nil, "\(key)")
        }
    }
}
