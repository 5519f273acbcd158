"""Answers the notes API's fields (samples/good/sam-appsync)."""
NOTES = {}


def handler(event, context):
    if event["field"] == "addNote":
        note = {"id": str(len(NOTES) + 1), "text": event["arguments"]["text"]}
        NOTES[note["id"]] = note
        return note
    return NOTES.get(event["arguments"]["id"])
