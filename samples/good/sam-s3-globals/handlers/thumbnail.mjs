// Makes a thumbnail of each uploaded image (samples/good/sam-s3-globals).
export const handler = async (event) => {
  const keys = event.Records.map((record) => record.s3.object.key);
  return { resized: keys };
};
