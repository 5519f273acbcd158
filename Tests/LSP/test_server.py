"""`taplint lsp` driven by a real LSP client (pytest-lsp), as an editor drives it.

    TAPLINT=.build/debug/taplint python3 -m pytest Tests/LSP

Each test opens documents and checks what the server publishes or answers:
diagnostics on open and after incremental changes (at the newest version),
quick fixes and fix-all as workspace edits, suppression, hover, definition,
document symbols, files that are no template, and the protocol's exit codes.
"""
import os
import shutil
import pathlib
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
TAPLINT = os.environ.get("TAPLINT", str(ROOT / ".build" / "debug" / "taplint"))
SEED = (ROOT / "samples" / "TapStack.yml").read_text()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[TAPLINT, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=types.ClientCapabilities(),
                                                               root_uri=ROOT.as_uri()))
    yield
    await lsp_client.shutdown_session()


async def open_document(client, name, text, version=1):
    uri = (ROOT / "samples" / name).as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    return uri


async def test_diagnostics_on_open_name_rule_severity_and_version(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    diagnostics = client.diagnostics[uri]
    codes = {d.code for d in diagnostics}
    assert {"DEP001", "DEP004", "SEC001", "TAG001", "ARN001", "BP001"} <= codes
    dep001 = next(d for d in diagnostics if d.code == "DEP001")
    assert dep001.severity == types.DiagnosticSeverity.Error and dep001.source == "taplint"
    assert dep001.code_description.href.endswith("/rules/DEP001.md")
    assert dep001.range.start.line == 142  # samples/TapStack.yml:143:9
    assert dep001.range.start.character == 8
    redundant = next(d for d in diagnostics if d.code == "BP001")
    assert types.DiagnosticTag.Unnecessary in redundant.tags


async def test_an_incremental_change_is_linted_at_its_version(client: LanguageClient):
    text = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    uri = await open_document(client, "queue.yaml", text)
    assert not client.diagnostics[uri]
    # Type a DependsOn on a resource that does not exist, in two keystrokes.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=3, character=0)),
            text="    DependsOn: Nowher")]))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=3, character=21), end=types.Position(line=3, character=21)),
            text="e\n")]))
    # The first keystroke may be linted on its own (Nowher); the last one's result comes last.
    for _ in range(10):
        if any("'Nowhere'" in d.message for d in client.diagnostics.get(uri, ())):
            break
        await client.wait_for_notification("textDocument/publishDiagnostics")
    ref = next(d for d in client.diagnostics[uri] if d.code == "REF001")
    assert "'Nowhere'" in ref.message
    assert ref.range.start == types.Position(line=3, character=15)


async def test_quick_fix_and_fix_all_are_workspace_edits(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    arn = next(d for d in client.diagnostics[uri] if d.code == "ARN001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=arn.range,
        context=types.CodeActionContext(diagnostics=[arn])))
    quick = next(a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.is_preferred)
    edits = quick.edit.changes[uri]
    assert edits and all("AWS::Partition" in e.new_text or e.new_text for e in edits)
    everything = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=arn.range,
        context=types.CodeActionContext(diagnostics=[], only=["source.fixAll.taplint"])))
    assert [a.kind for a in everything] == ["source.fixAll.taplint"]
    assert len(everything[0].edit.changes[uri]) >= 10  # the sample's ten certain fixes


async def test_suppression_is_a_comment_with_a_reason(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    tag = next(d for d in client.diagnostics[uri] if d.code == "TAG001")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=tag.range,
        context=types.CodeActionContext(diagnostics=[tag])))
    suppress = next(a for a in actions if a.title.startswith("Suppress TAG001"))
    (edit,) = suppress.edit.changes[uri]
    assert edit.new_text == "  # taplint: ignore TAG001 -- reason"
    assert edit.range.start.line == tag.range.start.line


async def test_hover_and_definition_follow_a_ref(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    lines = SEED.split("\n")
    line = next(i for i, l in enumerate(lines) if "Role: !GetAtt LambdaExecutionRole.Arn" in l)
    character = lines[line].index("LambdaExecutionRole") + 3
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
    assert "AWS::IAM::Role" in hover.contents.value
    target = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
    declared = next(i for i, l in enumerate(lines) if l.startswith("  LambdaExecutionRole:"))
    assert target.range.start.line == declared


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    dep = next(d for d in client.diagnostics[uri] if d.code == "DEP001")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=dep.range.start))
    assert "DEP001 code-in-same-stack-bucket" in hover.contents.value


async def test_document_symbols_list_the_sections(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    by_name = {s.name: s for s in symbols}
    assert by_name["ProcessingFunction"].detail == "AWS::Lambda::Function"
    assert by_name["Environment"].kind == types.SymbolKind.Variable


async def test_a_file_that_is_no_template_gets_no_diagnostics(client: LanguageClient):
    uri = await open_document(client, "values.yaml", "replicas: 3\nimage: app:1\n")
    assert not client.diagnostics[uri]


def test_exit_without_shutdown_is_1_and_after_it_0():
    def frame(message):
        return f"Content-Length: {len(message)}\r\n\r\n{message}".encode()
    init = frame('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}')
    exit_ = frame('{"jsonrpc":"2.0","method":"exit"}')
    shutdown = frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}')
    assert subprocess.run([TAPLINT, "lsp"], input=init + exit_, capture_output=True).returncode == 1
    done = subprocess.run([TAPLINT, "lsp"], input=init + shutdown + exit_, capture_output=True)
    assert done.returncode == 0
    assert done.stdout.count(b"Content-Length:") == 2  # nothing on stdout but the two answers


def test_a_bad_message_is_answered_and_the_server_goes_on():
    def frame(message):
        return f"Content-Length: {len(message)}\r\n\r\n{message}".encode()
    messages = frame("{not json") + frame('{"jsonrpc":"2.0","id":1,"method":"no/such"}') \
        + frame('{"jsonrpc":"2.0","id":2,"method":"shutdown"}') + frame('{"jsonrpc":"2.0","method":"exit"}')
    run = subprocess.run([TAPLINT, "lsp"], input=messages, capture_output=True)
    assert run.returncode == 0
    assert b'"code":-32700' in run.stdout and b'"code":-32601' in run.stdout and b'"id":2,"result":null' in run.stdout


async def completion_labels(client, uri, line, character):
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=character)))
    return [item.label for item in result.items]


async def test_completion_offers_what_fits_the_place(client: LanguageClient):
    text = ("Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
            "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      Fifo\n"
            "  Topic:\n    Type: AWS::SNS::Top\n    Condition: \n    DependsOn: \n    Properties:\n"
            "      DisplayName: !Ref \n      KmsMasterKeyId: !GetAtt Queue.\n")
    uri = await open_document(client, "completion.yaml", text)
    lines = text.split("\n")
    assert "AWS::SNS::Topic" in await completion_labels(client, uri, 11, len(lines[11]))
    assert await completion_labels(client, uri, 12, len(lines[12])) == ["IsProd"]
    assert {"Queue", "Topic"} <= set(await completion_labels(client, uri, 13, len(lines[13])))
    ref = await completion_labels(client, uri, 15, len(lines[15]))
    assert {"Queue", "Env", "AWS::Region"} <= set(ref)
    assert {"Arn", "QueueName", "QueueUrl"} <= set(await completion_labels(client, uri, 16, len(lines[16])))
    properties = await completion_labels(client, uri, 9, len(lines[9]))
    assert "FifoQueue" in properties and "VisibilityTimeout" in properties


async def test_references_of_a_resource_and_a_condition(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    lines = SEED.split("\n")
    declared = next(i for i, l in enumerate(lines) if l.startswith("  ProcessingTable:"))
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=declared, character=4),
        context=types.ReferenceContext(include_declaration=True)))
    assert found[0].range.start.line == declared
    # Every Ref and GetAtt of it (a parameter's default that spells the name is text, not a reference).
    referring = [i for i, l in enumerate(lines) if "!Ref ProcessingTable" in l or "!GetAtt ProcessingTable" in l]
    assert sorted(r.range.start.line for r in found[1:]) == referring


@pytest.mark.skipif(not shutil.which("nvim"), reason="needs Neovim (apt-get install neovim)")
def test_neovim_receives_diagnostics_and_applies_a_quick_fix(tmp_path):
    template = tmp_path / "TapStack.yml"
    template.write_text(SEED)
    run = subprocess.run(["nvim", "--headless", "--clean", "-c", f"luafile {ROOT / 'Tests' / 'LSP' / 'neovim.lua'}"],
                         env=dict(os.environ, TAPLINT=str(pathlib.Path(TAPLINT).resolve()), TEMPLATE=str(template)),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr + run.stdout
    written = template.read_text().split("\n")
    changed = [(a, b) for a, b in zip(SEED.split("\n"), written) if a != b]
    # One line changed: the first hard-coded partition, now ${AWS::Partition}.
    assert len(changed) == 1 and "arn:aws:" in changed[0][0] and "${AWS::Partition}" in changed[0][1], changed


async def test_a_broken_configuration_is_a_diagnostic_on_its_file(client: LanguageClient, tmp_path):
    config = tmp_path / ".taplint.yml"
    config.write_text("fail-on: warning\nrulez:\n  ignore: [BP002]\n")
    template = tmp_path / "t.yaml"
    text = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
    template.write_text(text)
    uri = template.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    for _ in range(5):
        if client.diagnostics.get(config.as_uri()):
            break
        await client.wait_for_notification("textDocument/publishDiagnostics")
    (problem,) = client.diagnostics[config.as_uri()]
    assert problem.range.start.line == 1 and "rulez" in problem.message
    # Fixed on disk: the next lint clears it.
    config.write_text("fail-on: warning\n")
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text + "# edited\n")]))
    for _ in range(5):
        await client.wait_for_notification("textDocument/publishDiagnostics")
        if not client.diagnostics.get(config.as_uri()):
            break
    assert not client.diagnostics[config.as_uri()]


async def test_definition_of_a_condition_use(client: LanguageClient):
    text = ("Parameters:\n  Env:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
            "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Condition: IsProd\n")
    uri = await open_document(client, "conditions.yaml", text)
    target = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=8, character=15)))
    assert target.range.start == types.Position(line=4, character=2)


async def test_hover_on_a_type_says_what_its_schema_requires(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    lines = SEED.split("\n")
    line = next(i for i, l in enumerate(lines) if "Type: AWS::DynamoDB::Table" in l)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=lines[line].index("AWS::") + 6)))
    assert "required: `KeySchema`" in hover.contents.value and "`TableName`" in hover.contents.value
    assert "holds data" in hover.contents.value


async def test_hover_on_a_property_gives_its_shape_and_constraints(client: LanguageClient):
    uri = await open_document(client, "TapStack.yml", SEED)
    lines = SEED.split("\n")
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("MemorySize:"))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=lines[line].index("MemorySize") + 2)))
    assert "ProcessingFunction.MemorySize`: an integer" in hover.contents.value
    # Nested: the Types of a REST API's EndpointConfiguration.
    line = next(i for i, l in enumerate(lines) if l.strip().startswith("Types:"))
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        position=types.Position(line=line, character=lines[line].index("Types") + 2)))
    assert "ProcessingApi.EndpointConfiguration.Types`: a list of" in hover.contents.value


async def test_completion_offers_a_propertys_allowed_values(client: LanguageClient):
    text = ("Resources:\n  Function:\n    Type: AWS::Lambda::Function\n    Properties:\n      PackageType: \n"
            "      Architectures:\n        - \n")
    uri = await open_document(client, "enum.yaml", text)
    assert set(await completion_labels(client, uri, 4, len("      PackageType: "))) == {"Zip", "Image"}


async def test_a_cycle_names_each_edge_as_related_information(client: LanguageClient):
    text = (ROOT / "samples" / "bad" / "cycle.yaml").read_text()
    uri = await open_document(client, "cycle.yaml", text)
    cycle = next(d for d in client.diagnostics[uri] if d.code == "CYC001")
    assert len(cycle.related_information) >= 2
    for related in cycle.related_information:
        assert related.location.uri == uri and "refers to" in related.message


async def test_a_mapping_is_found_from_its_findinmap(client: LanguageClient):
    text = ("Mappings:\n  Sizes:\n    us-east-1: {Memory: 512}\nResources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
            "    Properties:\n      MemorySize: !FindInMap [Sizes, !Ref AWS::Region, Memory]\n"
            "      Timeout: !FindInMap [Sizes, us-east-1, Memory]\n")
    uri = await open_document(client, "maps.yaml", text)
    target = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=7, character=33)))
    assert target.range.start == types.Position(line=1, character=2)
    found = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=3),
        context=types.ReferenceContext(include_declaration=False)))
    assert sorted(r.range.start.line for r in found) == [7, 8]


async def test_an_arn_that_disagrees_names_the_resource_it_disagrees_with(client: LanguageClient):
    text = ("Parameters:\n  LogBucket:\n    Type: String\n    Default: acme-logs\nResources:\n  Bucket:\n"
            "    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref LogBucket\n  Policy:\n"
            "    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n"
            "          - Effect: Allow\n            Action: s3:GetObject\n"
            "            Resource: !Sub \"arn:${AWS::Partition}:s3:::acme-logs/*\"\n")
    uri = await open_document(client, "drift.yaml", text)
    drift = next(d for d in client.diagnostics[uri] if d.code == "ARN006")
    (related,) = drift.related_information
    assert related.location.range.start == types.Position(line=5, character=2) and "Bucket" in related.message
