import Testing
@testable import TapLintCore

@Suite struct GraphTests {
    func graph(_ text: String) throws -> DependencyGraph {
        let root = try #require(YAMLParser.parse(Array(text.utf8)).root)
        let template = try #require(Template(root: root))
        return DependencyGraph(template: template, references: ReferenceIndex(template))
    }

    @Test func edgesComeFromEveryKindOfReference() throws {
        let g = try graph("""
        Parameters: {P: {Type: String}}
        Resources:
          A:
            Type: X::Y::Z
            DependsOn: B
            Metadata: {m: !Ref C}
            Properties:
              One: !GetAtt D.Arn
              Two: !Sub "${E}-${F.Name}-${P}-${AWS::Region}"
          B: {Type: X::Y::Z}
          C: {Type: X::Y::Z}
          D: {Type: X::Y::Z}
          E: {Type: X::Y::Z}
          F: {Type: X::Y::Z}
        """)
        #expect(g.edges.map { g.names[$0.to] } == ["B", "C", "D", "E", "F"])
        #expect(g.edges.map(\.reference.kind) == [.dependsOn, .ref, .getAtt, .sub, .sub])
        #expect(g.cycles.isEmpty)
    }

    @Test func selfReferenceIsACycle() throws {
        let g = try graph("Resources:\n  A:\n    Type: X::Y::Z\n    Properties: {Name: !Ref A}\n")
        #expect(g.cycles.map(\.resources) == [[0]])
    }

    /// SAM copies only an API's endpoint type, VPC endpoints and address
    /// type onto the RestApi: a reference in any other key never reaches
    /// CloudFormation, so it is no edge.
    @Test func whatSAMDropsFromAnEndpointConfigurationIsNoEdge() throws {
        let api = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Api:\n    Type: AWS::Serverless::Api\n"
        let dropped = try graph(api + "    Properties: {StageName: v1, EndpointConfiguration: {Type: REGIONAL, Name: !Ref Api}}\n")
        #expect(dropped.edges.isEmpty && dropped.cycles.isEmpty)
        let kept = try graph(api + "    Properties: {StageName: v1, EndpointConfiguration: {Type: PRIVATE, VPCEndpointIds: [!Ref Api]}}\n")
        #expect(kept.cycles.map(\.resources) == [[0]])
    }

    /// SAM writes a function's Api event into its API's OpenAPI document,
    /// so the API depends on the function; a function that names its API
    /// closes a loop, unless the document is the author's file, which SAM
    /// leaves alone.
    @Test func anApiEventMakesTheApiDependOnTheFunction() throws {
        func template(_ api: String) -> String {
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties: {StageName: v1\(api)}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Environment: {Variables: {URL: !Sub "https://${Api}.execute-api.${AWS::Region}.amazonaws.com"}}
                  Events:
                    Get: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /, Method: get}}
            """
        }
        let written = try graph(template(""))
        #expect(written.cycles.map(\.resources) == [[0, 1]])
        #expect(written.edges.contains { $0.reversed && written.names[$0.from] == "Api" && written.names[$0.to] == "Fn" })
        #expect(try graph(template(", DefinitionUri: s3://bucket/api.yaml")).cycles.isEmpty)
    }

    @Test func cycleThroughIfBranchIsFound() throws {
        let g = try graph("""
        Conditions: {C: !Equals [a, b]}
        Resources:
          A: {Type: X::Y::Z, Properties: {N: !If [C, !Ref B, x]}}
          B: {Type: X::Y::Z, Properties: {N: !If [C, y, !GetAtt A.Arn]}}
        """)
        #expect(g.cycles.map(\.resources) == [[0, 1]])
        #expect(g.cycles[0].edges.map(\.reference.range.start.line) == [3, 4])
    }

    @Test func eachElementaryCycleOnceStartingAtItsFirstResource() throws {
        let g = try graph("""
        Resources:
          A: {Type: X::Y::Z, DependsOn: [B, C]}
          B: {Type: X::Y::Z, DependsOn: A}
          C: {Type: X::Y::Z, DependsOn: A}
          D: {Type: X::Y::Z, DependsOn: A}
        """)
        #expect(g.cycles.map(\.resources) == [[0, 1], [0, 2]])
        #expect(!g.hasMoreCycles)
    }

    @Test func escapedSubAndPseudoParametersAreNoEdges() throws {
        let g = try graph("""
        Resources:
          A: {Type: X::Y::Z, Properties: {N: !Sub "${!A}-${AWS::StackName}"}}
        """)
        #expect(g.edges.isEmpty)
    }

    @Test func denseTangleIsCappedNotExponential() throws {
        let names = (0..<30).map { "R\($0)" }
        let text = "Resources:\n" + names.map { name in
            "  \(name): {Type: X::Y::Z, DependsOn: [\(names.filter { $0 != name }.joined(separator: ", "))]}"
        }.joined(separator: "\n")
        let g = try graph(text)
        #expect(g.cycles.count == Cycle.maxPerComponent)
        #expect(g.hasMoreCycles)
    }

    /// A tangle whose search is cut short leaves the next component's
    /// search as it would be alone: its cycles are all found, each once,
    /// and a repeated edge is one edge.
    @Test func aCappedTangleLeavesTheNextComponentWhole() throws {
        let names = (0..<6).map { "T\($0)" }
        var text = "Resources:\n" + names.map { name in
            "  \(name): {Type: X::Y::Z, DependsOn: [\(names.filter { $0 != name }.joined(separator: ", "))]}"
        }.joined(separator: "\n")
        text += "\n  A: {Type: X::Y::Z, DependsOn: [B, B], Properties: {N: !Ref B}}\n  B: {Type: X::Y::Z, DependsOn: [C, A]}\n"
        text += "  C: {Type: X::Y::Z, DependsOn: B}\n"
        let g = try graph(text)
        let loops = g.cycles.map { $0.resources.map { g.names[$0] } }
        #expect(g.hasMoreCycles)
        #expect(loops.filter { $0[0].hasPrefix("T") }.count == Cycle.maxPerComponent)
        #expect(loops.filter { !$0[0].hasPrefix("T") } == [["A", "B"], ["B", "C"]])
    }

    @Test func longChainDoesNotOverflowTheStack() throws {
        let count = 20_000
        var text = "Resources:\n"
        for i in 0..<count { text += "  R\(i): {Type: X::Y::Z, DependsOn: R\((i + 1) % count)}\n" }
        let g = try graph(text)
        #expect(g.cycles.count == 1)
        #expect(g.cycles[0].resources.count == count)
    }

    @Test func stronglyConnectedComponentsIterative() {
        let components = StronglyConnected.components([[1], [2], [0], [2, 4], []])
        #expect(Set(components.map { Set($0) }) == [[0, 1, 2], [3], [4]])
    }
}
