import TapLintCore

/// Shared knowledge of the IAM rules.
enum PolicyChecks {
    /// Condition keys that narrow who can use a grant to a principal `*`.
    static let narrowingKeys: Set<String> = [
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:principalorgid", "aws:principalorgpaths",
        "aws:principalaccount", "aws:principalarn", "aws:sourcevpce", "aws:sourcevpc", "aws:sourceorgid",
        "aws:sourceorgpaths", "aws:sourceip", "aws:userid", "kms:calleraccount", "s3:dataaccesspointaccount",
        "sts:externalid",
    ]

    /// Every allowing statement of `policies`, with its document: found
    /// once per template for the dozen rules that read them.
    static func allowing(in policies: [PolicyDocument]) -> [(document: PolicyDocument, statement: PolicyStatement)] {
        policies.flatMap { document in
            document.statements.filter(\.allows).map { (document, $0) }
        }
    }

    /// The actions an action value can mean: itself, or what its wildcard expands to.
    static func expand(_ value: PolicyValue) -> [IAMAction] {
        guard let text = value.text, !text.containsBytes("${") else { return [] }
        return ActionCatalog.matching(text) ?? []
    }

    /// True for the AWS default key policy's grant: the account root, in a KMS key policy.
    static func isAccountRootGrant(_ document: PolicyDocument, _ statement: PolicyStatement) -> Bool {
        guard document.resourceType == "AWS::KMS::Key", !statement.principals.isEmpty else { return false }
        return statement.principals.allSatisfy { principal in
            guard principal.type == "AWS", let text = principal.value.text else { return false }
            return text.hasSuffix(":root") || text == "${AWS::AccountId}" || ARN.isAccountID(text)
        }
    }

    /// `Resource.Policies[0]…` as messages name it.
    static func place(_ document: PolicyDocument, _ path: [PathElement]) -> String {
        path.place(under: document.resource, from: 3)
    }
}
