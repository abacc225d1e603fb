import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "@/lib/env";

const legalSchema = z.object({
  tokushoho: z.object({ ja: z.array(z.tuple([z.string(), z.string()])), en: z.array(z.tuple([z.string(), z.string()])) }),
  privacy: z.object({ ja: z.string(), en: z.string() }),
});

export type LegalTexts = z.infer<typeof legalSchema>;

/** The merchant's 特定商取引法 and privacy texts, from content/legal.json or LEGAL_FILE. */
export async function legalTexts(): Promise<LegalTexts> {
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), env().LEGAL_FILE);
  return legalSchema.parse(JSON.parse(await readFile(file, "utf8")));
}
