import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MULAW_FRAME_BYTES } from './frame-slicer.js';

// The pre-rendered prompts shipped in media/ (scripts/make-media-prompts.sh): what the caller
// hears when the speech service is the thing that failed. media/prompts.json maps each name to
// the line it was rendered from, so a deployment whose operator changed a line can tell that
// the shipped file no longer says it (and render the new line through TTS instead).

export type PromptName = 'fallback' | 'failure_goodbye' | 'credits_goodbye' | 'low_balance';

export interface ShippedPrompt {
  name: PromptName;
  text: string;
  /** Raw μ-law 8 kHz, whole 160-byte frames. */
  mulaw: Buffer;
}

/** media/ at the package root, from src/media/ and from dist/media/ alike. */
export const MEDIA_DIR = fileURLToPath(new URL('../../media/', import.meta.url));

export async function loadShippedPrompts(dir = MEDIA_DIR): Promise<Map<PromptName, ShippedPrompt>> {
  const manifest = JSON.parse(await readFile(`${dir}/prompts.json`, 'utf8')) as Record<PromptName, string>;
  const prompts = new Map<PromptName, ShippedPrompt>();
  for (const [name, text] of Object.entries(manifest) as Array<[PromptName, string]>) {
    const mulaw = await readFile(`${dir}/${name}.ulaw`);
    if (mulaw.length === 0 || mulaw.length % MULAW_FRAME_BYTES !== 0) {
      throw new Error(`media/${name}.ulaw must be whole ${MULAW_FRAME_BYTES}-byte frames (got ${mulaw.length} bytes)`);
    }
    prompts.set(name, { name, text, mulaw });
  }
  return prompts;
}

/** The shipped audio for `line` if a shipped prompt says exactly that line. */
export function shippedAudioFor(prompts: ReadonlyMap<PromptName, ShippedPrompt>, line: string): Buffer | undefined {
  const wanted = line.trim();
  for (const prompt of prompts.values()) if (prompt.text === wanted) return prompt.mulaw;
  return undefined;
}
