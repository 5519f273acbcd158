"""Report handlers for samples/bad/sam-mistakes (one is misnamed in the template)."""


def list_reports(event, context):
    return {"statusCode": 200, "body": "[]"}


def purge(event, context):
    return {"purged": True}
