#!/usr/bin/env bash
# Seeds the fuzz corpus with the project's own pages (sample archive, layout fixtures), the
# seed page of ../shared when present, a .baokan archive and a zip of them. The corpus is not
# committed (fuzz/.gitignore); run this once before `cargo +nightly fuzz run`.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=fuzz/corpus/read_and_segment
mkdir -p "$corpus"
cp assets/sample/*/*.txt tests/fixtures/layouts/*.txt "$corpus"/ 2>/dev/null || true
for f in assets/sample/*/*.txt; do cp "$f" "$corpus/sample-$(basename "$(dirname "$f")")-$(basename "$f")"; done
[ -d ../shared/fixtures ] && cp ../shared/fixtures/*.txt "$corpus"/
cargo run --quiet --release -- convert assets/sample -o "$corpus/sample.baokan" >/dev/null
(cd assets && python3 -c "import shutil; shutil.make_archive('../$corpus/sample', 'zip', '.', 'sample')")
ls "$corpus" | wc -l
