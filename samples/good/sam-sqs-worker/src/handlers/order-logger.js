// Logs each message of a batch the SQS event source hands the function.
exports.logOrders = async (event) => {
  for (const record of event.Records) {
    console.info(JSON.stringify({ messageId: record.messageId, body: record.body }));
  }
};
