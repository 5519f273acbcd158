"""Orders API: one handler per route (samples/good/sam-api/template.yaml)."""
import json
import os

import boto3

TABLE = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])


def put_order(event, context):
    order = json.loads(event["body"])
    TABLE.put_item(Item=order)
    return {"statusCode": 201, "body": json.dumps({"id": order["id"]})}


def get_order(event, context):
    found = TABLE.get_item(Key={"id": event["pathParameters"]["id"]}).get("Item")
    return {"statusCode": 200 if found else 404, "body": json.dumps(found or {})}
