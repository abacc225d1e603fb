// next/image's <img>, rendered on the server only. next/image's client component adds nothing our
// pictures need (no blur placeholder, no onLoad; they are `unoptimized`, served as they are), yet it
// shipped ≈5 KB gzip of JavaScript to every page with a picture (home, product, cart).
// getImageProps is next/image's own way to get the same attributes (fill styles, lazy loading, async
// decoding, srcset when optimized).
import { getImageProps, type ImageProps } from "next/image";
import { preload } from "react-dom";

export function StaticImage(image: ImageProps & { alt: string }) {
  const { props } = getImageProps(image);
  // As next/image does for `priority`/`preload`: the browser fetches the picture before it parses the <img>.
  if ((image.priority || image.preload) && typeof props.src === "string") {
    preload(props.src, { as: "image", fetchPriority: props.fetchPriority, imageSizes: props.sizes, imageSrcSet: props.srcSet });
  }
  // eslint-disable-next-line @next/next/no-img-element -- next/image's attributes (getImageProps), without its client code
  return <img {...props} alt={image.alt} />;
}
