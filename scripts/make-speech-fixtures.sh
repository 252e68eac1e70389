#!/usr/bin/env bash
# Regenerates the speech fixtures in fixtures/audio/ (committed; tests never run this).
# Needs espeak-ng and sox: apt-get install -y espeak-ng sox
# Phone audio: 8 kHz mono, band-limited to the telephone band (300–3400 Hz), speech at a normal
# phone level. Noise is random, so each run gives slightly different (equally valid) files.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fixtures/audio
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# text → 8 kHz 16-bit telephone-band speech with 300 ms of lead-in silence
say() { # say OUTPUT TEXT
  espeak-ng -v en-us -s 165 -w "$tmp/raw.wav" "$2"
  sox "$tmp/raw.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1" sinc 300-3400 gain -n -6 pad 0.3 0
}

# A caller's first utterance, as a plain 16-bit WAV (the format the STT request carries).
say "$out/hello.wav" "Hello, I would like to book an appointment."
# A second utterance, as raw μ-law: exactly what Twilio Media Streams delivers.
say "$tmp/second.wav" "Is next Tuesday at three thirty possible?"
sox "$tmp/second.wav" -t ul "$out/second.ulaw"
# espeak-ng's own output, streamed to stdout: 22.05 kHz, header sizes left as 0x7ffff000.
espeak-ng -v en-us --stdout "Hello." > "$out/espeak-hello-22k.wav"

# Two seconds of digital silence (μ-law 0xFF): what a muted phone sends.
sox -D -n -r 8000 -c 1 -t ul "$out/silence.ulaw" trim 0 2  # -D: no dither, true zeros
# Low-level line noise: white about -45 dBFS RMS, pink about -40 dBFS RMS.
sox -n -r 8000 -c 1 -t ul "$out/white-noise.ulaw" synth 2 whitenoise gain -n -36
sox -n -r 8000 -c 1 -t ul "$out/pink-noise.ulaw" synth 2 pinknoise gain -n -30
# A cough-like burst: 150 ms of loud band-passed noise with a sharp attack and a quick decay,
# between 300 ms and 500 ms of silence.
sox -n -r 8000 -c 1 -b 16 "$tmp/burst.wav" synth 0.15 pinknoise band 700 500 fade q 0.005 0.15 0.11 gain -n -6
sox "$tmp/burst.wav" -t ul "$out/cough.ulaw" pad 0.3 0.5
# A short "mm" (180 ms), the other backchannel that must not count as barge-in.
espeak-ng -v en-us -s 200 -w "$tmp/mm.wav" "mm"
sox "$tmp/mm.wav" -r 8000 -c 1 -t ul "$out/mm.ulaw" sinc 300-3400 silence 1 0.01 1% reverse silence 1 0.01 1% reverse trim 0 0.18 gain -n -6 pad 0.3 0.5

# Speech followed by 1.5 s of quiet line noise: the turn must end endpointing_ms after the words.
sox -n -r 8000 -c 1 -b 16 "$tmp/tail.wav" synth 1.5 whitenoise gain -n -50
sox "$tmp/second.wav" "$tmp/tail.wav" -t ul "$out/speech-then-silence.ulaw"

ls -l "$out"
