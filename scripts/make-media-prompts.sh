#!/usr/bin/env bash
# Renders the pre-recorded prompts in media/ from media/prompts.json: name → line. The caller
# hears these when the speech service itself has failed (no dead air), so they cannot come
# from TTS. Output: media/<name>.ulaw, raw μ-law 8 kHz mono (Twilio's format), whole 20 ms frames.
# Needs espeak-ng, sox and node: apt-get install -y espeak-ng sox
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

node -e 'for (const [name, text] of Object.entries(require("./media/prompts.json"))) console.log(`${name}\t${text}`)' |
  while IFS=$'\t' read -r name text; do
    espeak-ng -v en-us -s 160 -w "$tmp/$name.wav" "$text"
    # Telephone band, a normal phone level, 100 ms of lead-in, padded to a whole 160-byte frame.
    sox "$tmp/$name.wav" -r 8000 -c 1 -t ul "$tmp/$name.ulaw" sinc 300-3400 gain -n -3 pad 0.1 0.1
    size=$(stat -c %s "$tmp/$name.ulaw")
    pad=$(( (160 - size % 160) % 160 ))
    { cat "$tmp/$name.ulaw"; head -c "$pad" /dev/zero | tr '\0' '\377'; } > "media/$name.ulaw"
    echo "media/$name.ulaw  $(stat -c %s "media/$name.ulaw") bytes  $text"
  done
