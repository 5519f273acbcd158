import Testing
@testable import TapLintCore

/// How messages name a place: the path dotted, cut at the first intrinsic
/// function, after the resource that holds it.
struct PathPlaceTests {
    private let policy: [PathElement] = [
        .key("Resources"), .key("Role"), .key("Properties"), .key("Policies"), .index(0), .key("PolicyDocument"),
        .key("Statement"), .index(1), .key("Resource"), .key("Fn::Sub"),
    ]

    @Test func dottedWritesKeysAndIndexes() {
        #expect(policy.dotted == "Resources.Role.Properties.Policies[0].PolicyDocument.Statement[1].Resource.Fn::Sub")
        #expect([PathElement.index(2), .key("A")].dotted == "[2].A")
        #expect([PathElement]().dotted == "")
        #expect([PathElement.key("A"), .index(0), .index(12), .index(1_234_567), .key("é日"), .key(""), .key("B")].dotted
            == "A[0][12][1234567].é日..B")
    }

    @Test func placeStopsAtTheFirstFunction() {
        #expect(policy.place(from: 2) == "Properties.Policies[0].PolicyDocument.Statement[1].Resource")
        // `Condition` is a key, not a function, where a path meets it; `Resource` is no function.
        #expect([PathElement.key("Resources"), .key("R"), .key("Condition"), .key("Fn::If"), .index(0)].place(from: 2) == "Condition")
        #expect(policy.place(from: 20) == "")
    }

    @Test func placeUnderAnOwnerDropsProperties() {
        #expect(policy.place(under: "Role", from: 2, droppingProperties: true) == "Role.Policies[0].PolicyDocument.Statement[1].Resource")
        #expect(policy.place(under: "Role", from: 2) == "Role.Properties.Policies[0].PolicyDocument.Statement[1].Resource")
        #expect(policy.place(under: "Role", from: 3) == "Role.Policies[0].PolicyDocument.Statement[1].Resource")
        // Nothing below the owner: the owner alone; `Properties` alone stays.
        #expect(policy.place(under: "Role", from: 9) == "Role")
        #expect([PathElement.key("Resources"), .key("R"), .key("Properties")].place(under: "R", from: 2, droppingProperties: true) == "R.Properties")
        #expect([PathElement.key("Resources"), .key("R"), .key("Properties"), .index(0)].place(under: "R", from: 2, droppingProperties: true)
            == "R.Properties[0]")
    }
}
